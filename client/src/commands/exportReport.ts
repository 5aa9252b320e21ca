/**
 * Export Report: writes the spec's last result to the `plumb.reports.folder` setting in every format
 * `plumb run` writes: the JSON (as `--format json` prints it), and the HTML report, JUnit XML, SARIF
 * and Markdown comment, rendered by the server with the CLI's own writers (`plumb/renderReports`), so
 * the files are the same whichever way they were made. The client only writes them.
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import * as notify from '../notify';
import type { RunResult } from '../results';
import { resolveSpec } from '../specs';
import { RenderReportsRequest } from '../../../server/src/protocol/requests';

/** Each format the server renders, and the file extension it gets. */
export const REPORT_FORMATS = { json: 'json', html: 'html', junit: 'junit.xml', sarif: 'sarif', markdown: 'md' } as const;

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
    const base = `${stored.run.name.replace(/[^\w.-]+/g, '-')}-${stamp(stored.ranAt)}`;
    const formats = Object.keys(REPORT_FORMATS) as (keyof typeof REPORT_FORMATS)[];
    const target = (f: keyof typeof REPORT_FORMATS) => vscode.Uri.joinPath(folder, `${base}.${REPORT_FORMATS[f]}`);
    try {
      const texts = await ctx.client.sendRequest(RenderReportsRequest.type, { uri: uri.toString(), result: stored.run, formats });
      await vscode.workspace.fs.createDirectory(folder);
      for (const f of formats) await vscode.workspace.fs.writeFile(target(f), Buffer.from(texts[f], 'utf8'));
    } catch (e) {
      void notify.error(`Export Report: cannot write the reports to ${folder.fsPath}: ${(e as Error).message}`);
      return undefined;
    }
    void notify.info(`Reports written to ${vscode.workspace.asRelativePath(folder)}: ${base}.{${formats.map((f) => REPORT_FORMATS[f]).join(',')}}.`, 'Open HTML').then(async (c) => {
      if (c === 'Open HTML') await vscode.env.openExternal(target('html'));
    });
    return target('json');
  };
}
