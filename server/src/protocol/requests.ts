/**
 * Plumb's LSP extensions, shared by the server and the client. Methods are named `plumb/verbNoun`;
 * results are plain JSON (the same objects `plumb run --format json` prints).
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export type Section = 'evaluation' | 'fairness' | 'drift' | 'explain' | 'monitoring';

/** Client -> server: run a spec's checks (in a worker thread of the server), with work-done progress. */
export namespace RunChecksRequest {
  export const method = 'plumb/runChecks' as const;
  export interface Params {
    uri: string;
    only?: Section[];
    workDoneToken?: string | number;
  }
  export const type = new RequestType<Params, unknown, void>(method);
}

/** Client -> server: explain one row of the eval data. */
export namespace ExplainRowRequest {
  export const method = 'plumb/explainRow' as const;
  export interface Params {
    uri: string;
    row: number;
    workDoneToken?: string | number;
  }
  export const type = new RequestType<Params, unknown, void>(method);
}

/** Server -> client: a spec's gate results changed (for the status bar and the Test Explorer). */
export namespace GatesChangedNotification {
  export const method = 'plumb/gatesChanged' as const;
  export interface Params {
    uri: string;
    gates: { section: string; metric: string; condition: string; value: number | null; passed: boolean }[];
  }
  export const type = new NotificationType<Params>(method);
}

/** Client -> server: the server's process id, version and checks running now (diagnostics, tests). */
export namespace ServerInfoRequest {
  export const method = 'plumb/serverInfo' as const;
  export interface Result {
    pid: number;
    version: string;
    runningJobs: number;
  }
  export const type = new RequestType0<Result, void>(method);
}

/** Client -> server: whether the workspace is trusted (checks run only when it is). */
export namespace SetTrustedNotification {
  export const method = 'plumb/setTrusted' as const;
  export interface Params {
    trusted: boolean;
  }
  export const type = new NotificationType<Params>(method);
}

/** Client -> server: scan a model artifact (never loaded) and publish its findings as diagnostics on it. */
export namespace ScanFileRequest {
  export const method = 'plumb/scanFile' as const;
  export interface Params {
    uri: string;
  }
  export const type = new RequestType<Params, unknown, void>(method);
}

/** Client -> server: render a run's reports (html, junit, sarif, markdown, json) for Export Report; the client writes them. */
export namespace RenderReportsRequest {
  export const method = 'plumb/renderReports' as const;
  export interface Params {
    uri: string;
    /** The RunResult to render, as plumb/runChecks returned it. */
    result: unknown;
    formats: ('html' | 'junit' | 'sarif' | 'markdown' | 'json')[];
  }
  export type Result = Record<string, string>;
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client -> server: champion (the spec's model) vs challenger, run in the check worker; returns a CompareResult. */
export namespace CompareModelsRequest {
  export const method = 'plumb/compareModels' as const;
  export interface Params {
    uri: string;
    /** The challenger: an .onnx file or a model spec, relative to the spec's folder or absolute. */
    challenger: string;
    workDoneToken?: string | number;
  }
  export const type = new RequestType<Params, unknown, void>(method);
}
