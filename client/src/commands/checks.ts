/** Commands that run checks (each a `(ctx) => handler` factory), and Show Results. */
import * as vscode from 'vscode';
import type { Section } from '../../../server/src/protocol/requests';
import type { PanelKind } from '../../../server/src/protocol/webview/common';
import type { RowExplanationView } from '../../../server/src/protocol/webview/explain';
import { config } from '../config';
import type { Ctx } from '../ctx';
import * as notify from '../notify';
import { TITLES } from '../panels/resultPanel';
import { panelsOf } from '../panels/states';
import type { RunResult } from '../results';
import { explainRow, runChecks } from '../run';
import { resolveSpec } from '../specs';

const specName = (uri: vscode.Uri) => uri.path.replace(/^.*\//, '').replace(/\.plumb\.ya?ml$/i, '');

/** A command running some sections (all when `sections` is undefined) and opening `panel`'s result. */
export function runSections(sections: Section[] | undefined, action: string, verb: string, panel?: PanelKind) {
  return (ctx: Ctx) =>
    async (arg?: unknown): Promise<RunResult | undefined> => {
      const uri = await resolveSpec(arg, action);
      if (!uri) return undefined;
      await ctx.ready;
      const outcome = await runChecks(ctx, uri, sections, { title: `Plumb: ${verb} ${specName(uri)}` });
      if (!outcome.ok) return undefined;
      const result = outcome.value;
      if (!result.sections.length) {
        void notify.info(`${specName(uri)} has no ${sections ? sections.join(' or ') : 'check'} section to run.`);
        return result;
      }
      const kinds = panelsOf(result);
      const kind = panel && kinds.includes(panel) ? panel : kinds[0];
      if (kind && config.openPanel()) ctx.panels.show(kind, uri);
      else if (kind) {
        const failed = result.gates.filter((g) => !g.passed).length;
        void notify.info(`${result.name}: ${failed ? `${failed} of ${result.gates.length} gates failed` : `${result.gates.length} gates passed`}.`, 'Show Results').then((choice) => {
          if (choice === 'Show Results') ctx.panels.show(kind, uri);
        });
      }
      return result;
    };
}

export const runAllChecks = runSections(undefined, 'Run All Checks', 'running all checks of');
export const evaluateModel = runSections(['evaluation'], 'Evaluate Model', 'evaluating', 'evaluation');
export const checkFairness = runSections(['fairness'], 'Check Fairness', 'checking fairness of', 'fairness');
export const checkDrift = runSections(['drift', 'monitoring'], 'Check Drift', 'checking drift of', 'drift');
export const explainModel = runSections(['explain'], 'Explain Model', 'explaining', 'explain');

/** Explain Row...: SHAP values for one row, shown in the Explanations panel (explaining the model first if needed). */
export function explainRowCommand(ctx: Ctx) {
  return async (arg?: unknown, rowArg?: unknown): Promise<RowExplanationView | undefined> => {
    const uri = await resolveSpec(arg, 'Explain Row');
    if (!uri) return undefined;
    const rows = (ctx.results.run(uri)?.run.evaluation as { rows?: number } | undefined)?.rows;
    let row = typeof rowArg === 'number' ? rowArg : undefined;
    if (row === undefined) {
      const text = await vscode.window.showInputBox({
        title: `Plumb: Explain Row (${specName(uri)})`,
        prompt: `0-based row of the eval data, header excluded${rows ? ` (0 to ${rows - 1})` : ''}`,
        value: '0',
        validateInput: (v) => (/^\d+$/.test(v.trim()) && (!rows || Number(v) < rows) ? undefined : `Enter a whole number${rows ? ` from 0 to ${rows - 1}` : ' of at least 0'}.`),
      });
      if (text === undefined) return undefined;
      row = Number(text.trim());
    }
    if (!Number.isSafeInteger(row) || row < 0) {
      void notify.error(`Explain Row: ${String(rowArg)} is not a row number.`);
      return undefined;
    }
    await ctx.ready;
    if (!ctx.results.run(uri)?.run.explain) {
      const first = await runChecks(ctx, uri, ['explain'], { title: `Plumb: explaining ${specName(uri)}` });
      if (!first.ok) return undefined;
      if (!first.value.explain) {
        void notify.info(`${specName(uri)} has no explain section; add \`explain: {}\` to explain rows.`);
        return undefined;
      }
    }
    const outcome = await explainRow(ctx, uri, row, { title: `Plumb: explaining row ${row} of ${specName(uri)}` });
    if (!outcome.ok) return undefined;
    const panel = ctx.panels.show('explain', uri);
    void panel.post({ type: 'row', explanation: outcome.value });
    return outcome.value;
  };
}

/** Show Results: a panel for the spec's last result (the status bar item's click). */
export function showResults(ctx: Ctx) {
  return async (arg?: unknown, kindArg?: unknown): Promise<PanelKind | undefined> => {
    const uri = await resolveSpec(arg, 'Show Results');
    if (!uri) return undefined;
    const stored = ctx.results.run(uri);
    if (!stored) {
      void notify.info(`No results for ${specName(uri)} yet.`, 'Run All Checks').then((choice) => choice === 'Run All Checks' && vscode.commands.executeCommand('plumb.runAllChecks', uri));
      return undefined;
    }
    const kinds = panelsOf(stored.run);
    let kind = kinds.find((k) => k === kindArg);
    if (!kind && kinds.length === 1) kind = kinds[0];
    if (!kind) {
      const picked = await vscode.window.showQuickPick(kinds.map((k) => ({ label: TITLES[k], panel: k })), { title: `Plumb: results of ${stored.run.name}` });
      kind = picked?.panel;
    }
    if (kind) ctx.panels.show(kind, uri);
    return kind;
  };
}

