/** The status bar item: the last result of the active spec (gates passed or failed), or that it is running. */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { config } from './config';
import type { ResultStore } from './results';
import { activeSpec, isSpec } from './specs';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('plumb.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subs: vscode.Disposable[];
  /** The spec shown: the active editor's, kept while a non-text editor (e.g. a Plumb panel) is active. */
  private spec: vscode.Uri | undefined;

  constructor(private readonly results: ResultStore) {
    this.item.name = 'Plumb';
    this.subs = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      results.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('plumb.statusBar') && this.update()),
    ];
    this.update();
  }

  update(): void {
    if (vscode.window.activeTextEditor) this.spec = activeSpec();
    else this.spec ??= vscode.window.visibleTextEditors.map((e) => e.document.uri).find(isSpec);
    const uri = this.spec;
    if (!uri || !config.statusBar()) {
      this.item.hide();
      return;
    }
    const item = this.item;
    item.backgroundColor = undefined;
    const gates = this.results.gatesOf(uri);
    if (this.results.isRunning(uri)) {
      item.text = '$(sync~spin) Plumb: running';
      item.tooltip = 'Plumb is running this spec\'s checks.';
      item.command = undefined;
    } else if (!gates) {
      item.text = '$(beaker) Plumb';
      item.tooltip = 'No checks have run for this spec yet. Click to run them all.';
      item.command = { title: 'Run All Checks', command: 'plumb.runAllChecks', arguments: [uri] };
    } else {
      const failed = gates.filter((g) => !g.passed);
      item.text = failed.length ? `$(error) Plumb: ${failed.length} of ${gates.length} gates failed` : `$(pass) Plumb: ${gates.length ? `${gates.length} gates passed` : 'no gates'}`;
      if (failed.length) item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown('**Plumb gates**\n\n');
      for (const g of gates) md.appendMarkdown(`${g.passed ? '$(pass)' : '$(error)'} \`${g.section}.${g.metric} ${g.condition}\`: ${g.value === null ? 'undefined' : Number(g.value.toPrecision(4))}\n\n`);
      md.appendMarkdown('Click to show the results.');
      item.tooltip = md;
      item.command = { title: 'Show Results', command: 'plumb.showResults', arguments: [uri] };
    }
    // Screen readers hear which spec the item speaks of (the text alone does not say).
    item.accessibilityInformation = { label: `${item.text.replace(/\$\([^)]*\)\s*/g, '')} (${basename(uri.path)})`, role: 'button' };
    item.show();
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
  }
}
