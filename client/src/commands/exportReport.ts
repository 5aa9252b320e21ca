/**
 * Export Report: writes the spec's last result (all sections run so far, as `plumb run --format json`
 * prints it) to the `plumb.reports.folder` setting. Other formats (HTML, JUnit, SARIF, Markdown) come
 * from the CLI's report writers; they plug in at REPORT_FORMATS.
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import * as notify from '../notify';
import type { RunResult } from '../results';
import { resolveSpec } from '../specs';

export const REPORT_FORMATS: Record<string, { extension: string; write(run: RunResult): string }> = {
  json: { extension: 'json', write: (run) => `${JSON.stringify(run, null, 2)}\n` },
};

export function reportFolder(spec: vscode.Uri): vscode.Uri {
  const setting = config.reportsFolder(spec).trim() || 'plumb-reports';
  if (/^([a-zA-Z]:[\\/]|\/)/.test(setting)) return vscode.Uri.file(setting);
  const folder = vscode.workspace.getWorkspaceFolder(spec)?.uri ?? vscode.Uri.joinPath(spec, '..');
  return vscode.Uri.joinPath(folder, setting);
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function exportReport(ctx: Ctx) {
  return async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const uri = await resolveSpec(arg, 'Export Report');
    if (!uri) return undefined;
    const stored = ctx.results.run(uri);
    if (!stored) {
      void notify.info('There is no result to export yet: run the checks first.', 'Run All Checks').then((choice) => choice === 'Run All Checks' && vscode.commands.executeCommand('plumb.runAllChecks', uri));
      return undefined;
    }
    const folder = reportFolder(uri);
    const format = REPORT_FORMATS.json;
    const safe = stored.run.name.replace(/[^\w.-]+/g, '-');
    const target = vscode.Uri.joinPath(folder, `${safe}-${stamp(stored.ranAt)}.${format.extension}`);
    try {
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(target, Buffer.from(format.write(stored.run), 'utf8'));
    } catch (e) {
      void notify.error(`Export Report: cannot write ${target.fsPath}: ${(e as Error).message}`);
      return undefined;
    }
    void notify.info(`Report written to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then(async (c) => {
      if (c === 'Open') await vscode.window.showTextDocument(target);
    });
    return target;
  };
}
