/**
 * Custom requests that run checks: `plumb/runChecks` and `plumb/explainRow`. Each runs in a worker
 * thread with LSP work-done progress (cancellable) and honours `$/cancelRequest`. Gate results are
 * kept per spec, published as diagnostics on each gate's line and announced to the client.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ResponseError, type Connection, type TextDocuments, type CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RunChecksRequest, ExplainRowRequest, GatesChangedNotification } from '../protocol/requests';
import { runInWorker, WorkerJobError } from '../engine/run/runInWorker';
import type { WorkerJob } from '../engine/run/workerProtocol';
import type { GateResult } from '../engine/run/gates';
import type { SpecStore } from './specState';
import { uriToPath } from './documents';

export const RUN_ERRORS = { cancelled: -32800, invalidSpec: -32001, failed: -32002, untrusted: -32003 } as const;

export class GateStore {
  private gates = new Map<string, GateResult[]>();
  set(uri: string, results: GateResult[], sections: string[]): void {
    const kept = (this.gates.get(uri) ?? []).filter((g) => !sections.includes(g.section));
    this.gates.set(uri, [...kept, ...results]);
  }
  get(uri: string): GateResult[] {
    return this.gates.get(uri) ?? [];
  }
}

export interface RunHandlerOptions {
  workerFile?: string;
  workerExecArgv?: string[];
  isTrusted: () => boolean;
  /** Re-publish a spec's diagnostics (validation + gates). */
  republish: (uri: string) => void;
}

/** Checks running now, for `plumb/serverInfo` (tests wait on it to kill the server mid-check). */
let runningJobs = 0;
export const jobsRunning = () => runningJobs;

export function registerRunHandlers(connection: Connection, documents: TextDocuments<TextDocument>, store: SpecStore, gates: GateStore, options: RunHandlerOptions): void {
  const workerFile = options.workerFile ?? join(__dirname, 'worker.js');

  async function specText(uri: string): Promise<{ text: string; doc?: TextDocument }> {
    const doc = documents.get(uri);
    if (doc) return { text: doc.getText(), doc };
    try {
      return { text: await readFile(uriToPath(uri), 'utf8') };
    } catch {
      throw new ResponseError(RUN_ERRORS.invalidSpec, `Cannot read ${uriToPath(uri)}.`);
    }
  }

  async function run(uri: string, title: string, job: (text: string) => WorkerJob, token: CancellationToken, workDoneToken?: string | number): Promise<unknown> {
    if (!options.isTrusted()) throw new ResponseError(RUN_ERRORS.untrusted, 'Running checks loads models and data; trust this workspace first (only validation runs in an untrusted workspace).');
    const { text, doc } = await specText(uri);
    if (doc) {
      const v = await store.validate(doc);
      const errors = v.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) throw new ResponseError(RUN_ERRORS.invalidSpec, `The spec has ${errors.length} error(s); fix them first (see Problems). First: ${errors[0].message}`);
    }
    // The client's own token when it sent one (its cancellable notification shows our messages), else a new one.
    const created = workDoneToken === undefined ? await connection.window.createWorkDoneProgress() : undefined;
    const progress = created ?? connection.window.attachWorkDoneProgress(workDoneToken);
    progress.begin(title, 0, 'Starting', true);
    const running = runInWorker(workerFile, job(text), (message, fraction) => progress.report(fraction !== undefined ? Math.round(fraction * 100) : 0, message), options.workerExecArgv);
    const stopA = token.onCancellationRequested(() => running.cancel());
    // A progress we created can be cancelled from its notification; an attached one through $/cancelRequest (stopA).
    const stopB = created?.token.onCancellationRequested(() => running.cancel());
    runningJobs++;
    try {
      return await running.result;
    } catch (e) {
      if (e instanceof WorkerJobError) throw new ResponseError(e.cancelled ? RUN_ERRORS.cancelled : RUN_ERRORS.failed, e.cancelled ? 'Cancelled.' : e.message, { code: e.code });
      throw e;
    } finally {
      runningJobs--;
      stopA.dispose();
      stopB?.dispose();
      progress.done();
    }
  }

  connection.onRequest(RunChecksRequest.type, async (params, token) => {
    const result = (await run(params.uri, 'Plumb: running checks', (text) => ({ type: 'run', file: uriToPath(params.uri), text, only: params.only }), token, params.workDoneToken)) as { gates: GateResult[]; sections: string[] };
    gates.set(params.uri, result.gates, result.sections);
    void connection.sendNotification(GatesChangedNotification.type, { uri: params.uri, gates: gates.get(params.uri) });
    options.republish(params.uri);
    return result;
  });

  connection.onRequest(ExplainRowRequest.type, async (params, token) =>
    run(params.uri, `Plumb: explaining row ${params.row}`, (text) => ({ type: 'explainRow', file: uriToPath(params.uri), text, row: params.row }), token, params.workDoneToken),
  );
}
