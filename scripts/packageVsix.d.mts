export declare const STAGE: string;
/** Builds (production) and packages the extension in .cache/vsix-stage; returns the VSIX path and vsce's output. */
export declare function packageVsix(out?: string): { vsix: string; log: string };
