/** Plumb's settings (`contributes.configuration` in package.json) as the client reads them. */
import * as vscode from 'vscode';

const get = <T>(key: string, fallback: T, scope?: vscode.Uri): T => vscode.workspace.getConfiguration('plumb', scope).get<T>(key, fallback);

export const config = {
  /** Folder for Export Report, relative to the spec's workspace folder unless absolute. */
  reportsFolder: (scope?: vscode.Uri) => get('reports.folder', 'plumb-reports', scope),
  openPanel: () => get('results.openPanel', true),
  statusBar: () => get('statusBar.enabled', true),
  discoverGates: () => get('testing.discoverGates', true),
};
