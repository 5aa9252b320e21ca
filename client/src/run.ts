/**
 * Running checks in the language server (`plumb/runChecks`, `plumb/explainRow`) from the client: a
 * cancellable progress notification whose Cancel sends `$/cancelRequest`, the server's work-done
 * reports shown in it (through the `workDoneToken` the request carries), and one place that turns
 * the server's errors into what the user sees. The client computes nothing.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ResponseError, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CompareModelsRequest, ExplainRowRequest, RunChecksRequest, type Section } from '../../server/src/protocol/requests';
import type { RowExplanationView } from '../../server/src/protocol/webview/explain';
import type { Ctx } from './ctx';
import * as notify from './notify';
import type { RunResult } from './results';

/** The server's error codes (server/src/lsp/runHandlers.ts RUN_ERRORS). */
export const RUN_ERRORS = { cancelled: -32800, invalidSpec: -32001, failed: -32002, untrusted: -32003 } as const;

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: 'cancelled' | 'untrusted' | 'invalid-spec' | 'failed'; message: string };

export interface RunOptions {
  /** Progress title, e.g. "Plumb: evaluating credit-risk". */
  title: string;
  /** Cancels the request (e.g. a Test Explorer run's token). */
  token?: vscode.CancellationToken;
  /** Show the cancellable progress notification (default true). */
  progress?: boolean;
  /** Tell the user about failures (default true). */
  notify?: boolean;
}

function classify(e: unknown, cancelled: boolean): Exclude<Outcome<never>, { ok: true }> {
  if (cancelled || e instanceof vscode.CancellationError) return { ok: false, reason: 'cancelled', message: 'Cancelled.' };
  if (e instanceof ResponseError) {
    if (e.code === RUN_ERRORS.cancelled) return { ok: false, reason: 'cancelled', message: 'Cancelled.' };
    if (e.code === RUN_ERRORS.untrusted) return { ok: false, reason: 'untrusted', message: e.message };
    if (e.code === RUN_ERRORS.invalidSpec) return { ok: false, reason: 'invalid-spec', message: e.message };
    return { ok: false, reason: 'failed', message: e.message };
  }
  return { ok: false, reason: 'failed', message: (e as Error)?.message ?? String(e) };
}

async function report(outcome: Exclude<Outcome<never>, { ok: true }>, what: string): Promise<void> {
  switch (outcome.reason) {
    case 'cancelled':
      return;
    case 'untrusted':
      return notify.needsTrust(what);
    case 'invalid-spec':
      return notify.specProblems(`${what}: ${outcome.message}`);
    case 'failed':
      await notify.error(`${what} failed: ${outcome.message}`);
      return;
    default:
      return assertNeverReason(outcome.reason);
  }
}

function assertNeverReason(r: never): never {
  throw new Error(`unexpected outcome ${String(r)}`);
}

/** Sends one request with progress and cancellation; `send` gets the work-done token and the cancellation token. */
async function withServerProgress<T>(client: LanguageClient, options: RunOptions, send: (workDoneToken: string, token: vscode.CancellationToken) => Promise<T>): Promise<T> {
  const go = async (progress: vscode.Progress<{ message?: string }> | undefined, token: vscode.CancellationToken) => {
    const workDoneToken = `plumb-${randomUUID()}`;
    const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
      if (v.kind === 'end') return;
      const pct = v.percentage !== undefined && v.percentage > 0 ? ` (${Math.round(v.percentage)}%)` : '';
      if (v.message) progress?.report({ message: `${v.message}${pct}` });
    });
    try {
      return await send(workDoneToken, token);
    } finally {
      sub.dispose();
    }
  };
  if (options.progress === false) return go(undefined, options.token ?? new vscode.CancellationTokenSource().token);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: options.title, cancellable: true }, (progress, token) => {
    if (!options.token) return go(progress, token);
    const both = new vscode.CancellationTokenSource();
    const subs = [token.onCancellationRequested(() => both.cancel()), options.token.onCancellationRequested(() => both.cancel())];
    return go(progress, both.token).finally(() => {
      subs.forEach((s) => s.dispose());
      both.dispose();
    });
  });
}

/** Runs a spec's checks (all, or `sections`) in the server. Results go to `ctx.results`. */
export async function runChecks(ctx: Ctx, uri: vscode.Uri, sections: Section[] | undefined, options: RunOptions): Promise<Outcome<RunResult>> {
  const what = options.title.replace(/^Plumb: /, '');
  if (!vscode.workspace.isTrusted) {
    const outcome = { ok: false as const, reason: 'untrusted' as const, message: 'The workspace is not trusted.' };
    if (options.notify !== false) void report(outcome, 'Running checks');
    return outcome;
  }
  let cancelled = false;
  ctx.results.started(uri);
  ctx.panels.running(uri, sections, true);
  try {
    const result = await withServerProgress(ctx.client, options, (workDoneToken, token) => {
      token.onCancellationRequested(() => (cancelled = true));
      return ctx.client.sendRequest(RunChecksRequest.type, { uri: uri.toString(), ...(sections ? { only: sections } : {}), workDoneToken }, token) as Promise<RunResult>;
    });
    const stored = ctx.results.setRun(uri, result);
    ctx.panels.update(uri, stored);
    return { ok: true, value: result };
  } catch (e) {
    const outcome = classify(e, cancelled);
    ctx.output.info(`${what}: ${outcome.reason}: ${outcome.message}`);
    ctx.panels.failed(uri, sections, outcome.reason === 'cancelled' ? undefined : outcome.message);
    if (options.notify !== false) void report(outcome, what);
    return outcome;
  } finally {
    ctx.results.finished(uri);
    ctx.panels.running(uri, sections, false);
  }
}

/** SHAP values for one row of the spec's eval data. */
export async function explainRow(ctx: Ctx, uri: vscode.Uri, row: number, options: RunOptions): Promise<Outcome<RowExplanationView>> {
  if (!vscode.workspace.isTrusted) {
    const outcome = { ok: false as const, reason: 'untrusted' as const, message: 'The workspace is not trusted.' };
    if (options.notify !== false) void report(outcome, 'Explaining a row');
    return outcome;
  }
  let cancelled = false;
  try {
    const value = await withServerProgress(ctx.client, options, (workDoneToken, token) => {
      token.onCancellationRequested(() => (cancelled = true));
      return ctx.client.sendRequest(ExplainRowRequest.type, { uri: uri.toString(), row, workDoneToken }, token) as Promise<RowExplanationView>;
    });
    return { ok: true, value };
  } catch (e) {
    const outcome = classify(e, cancelled);
    if (options.notify !== false) void report(outcome, options.title.replace(/^Plumb: /, ''));
    return outcome;
  }
}

/** Champion (the spec's model) vs `challenger` (an absolute .onnx or model spec path) in the server. */
export async function compareModels(ctx: Ctx, uri: vscode.Uri, challenger: string, options: RunOptions): Promise<Outcome<unknown>> {
  if (!vscode.workspace.isTrusted) {
    const outcome = { ok: false as const, reason: 'untrusted' as const, message: 'The workspace is not trusted.' };
    if (options.notify !== false) void report(outcome, 'Comparing models');
    return outcome;
  }
  let cancelled = false;
  try {
    const value = await withServerProgress(ctx.client, options, (workDoneToken, token) => {
      token.onCancellationRequested(() => (cancelled = true));
      return ctx.client.sendRequest(CompareModelsRequest.type, { uri: uri.toString(), challenger, workDoneToken }, token);
    });
    return { ok: true, value };
  } catch (e) {
    const outcome = classify(e, cancelled);
    ctx.output.info(`Comparing models: ${outcome.reason}: ${outcome.message}`);
    if (options.notify !== false) void report(outcome, 'Comparing models');
    return outcome;
  }
}
