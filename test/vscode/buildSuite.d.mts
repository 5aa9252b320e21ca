export declare const ROOT: string;
export declare const SUITE_JS: string;
/** Bundles the in-editor suite and returns the path of out/test/vscode/suite/index.js. */
export declare function buildSuite(): Promise<string>;
