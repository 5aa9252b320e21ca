/**
 * `plumb/compareModels`: champion (the spec's model) vs a challenger (.onnx or model spec), run in the
 * check worker with work-done progress and cancellation, like `plumb/runChecks`. Refused when the
 * workspace is not trusted (both models are loaded and run). Returns the CompareResult as
 * `plumb compare --format json` prints it.
 */
import { join, resolve, dirname, isAbsolute } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompareModelsRequest } from '../protocol/requests';
import { runInWorker, WorkerJobError } from '../engine/run/runInWorker';
import type { SpecStore } from './specState';
import { uriToPath } from './documents';
import { RUN_ERRORS } from './runHandlers';

export interface CompareHandlerOptions {
  workerFile?: string;
  workerExecArgv?: string[];
  isTrusted: () => boolean;
}

/** The challenger's absolute path: relative paths are relative to the spec's folder. */
export function challengerPath(specPath: string, challenger: string): string {
  return isAbsolute(challenger) ? challenger : resolve(dirname(specPath), challenger);
}

export function registerCompareHandlers(connection: Connection, documents: TextDocuments<TextDocument>, store: SpecStore, options: CompareHandlerOptions): void {
  const workerFile = options.workerFile ?? join(__dirname, 'worker.js');

  connection.onRequest(CompareModelsRequest.type, async (params, token) => {
    if (!options.isTrusted()) throw new ResponseError(RUN_ERRORS.untrusted, 'Comparing models loads and runs both models; trust this workspace first (only validation runs in an untrusted workspace).');
    if (typeof params.challenger !== 'string' || !params.challenger.trim()) throw new ResponseError(RUN_ERRORS.invalidSpec, 'Name the challenger: an .onnx file or a model spec.');
    const file = uriToPath(params.uri);
    const doc = documents.get(params.uri);
    let text: string;
    if (doc) {
      const v = await store.validate(doc);
      const errors = v.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) throw new ResponseError(RUN_ERRORS.invalidSpec, `The spec has ${errors.length} error(s); fix them first (see Problems). First: ${errors[0].message}`);
      text = doc.getText();
    } else {
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new ResponseError(RUN_ERRORS.invalidSpec, `Cannot read ${file}.`);
      }
    }
    const created = params.workDoneToken === undefined ? await connection.window.createWorkDoneProgress() : undefined;
    const progress = created ?? connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Plumb: comparing models', 0, 'Starting', true);
    const running = runInWorker(
      workerFile,
      { type: 'compare', file, text, challenger: challengerPath(file, params.challenger) },
      (message, fraction) => progress.report(fraction !== undefined ? Math.round(fraction * 100) : 0, message),
      options.workerExecArgv,
    );
    const stopA = token.onCancellationRequested(() => running.cancel());
    const stopB = created?.token.onCancellationRequested(() => running.cancel());
    try {
      return await running.result;
    } catch (e) {
      if (e instanceof WorkerJobError) throw new ResponseError(e.cancelled ? RUN_ERRORS.cancelled : RUN_ERRORS.failed, e.cancelled ? 'Cancelled.' : e.message, { code: e.code });
      throw e;
    } finally {
      stopA.dispose();
      stopB?.dispose();
      progress.done();
    }
  });
}
