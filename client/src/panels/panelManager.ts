/**
 * The result panels: one per kind (evaluation, fairness, drift, explanations), showing the spec whose
 * checks ran last. Restored after a reload by a WebviewPanelSerializer (the webview keeps its last
 * state with setState; the extension remembers each panel's spec in workspaceState, never trusting
 * the webview for it).
 */
import * as vscode from 'vscode';
import type { PanelKind } from '../../../server/src/protocol/webview/common';
import type { Section } from '../../../server/src/protocol/requests';
import { VIEW_TYPES } from '../../../server/src/protocol/webview/common';
import type { Ctx } from '../ctx';
import * as notify from '../notify';
import { explainRow, runChecks } from '../run';
import type { StoredRun } from '../results';
import { revealGate } from '../symbols';
import { ResultPanel, TITLES, type PanelHost, type ToWebview } from './resultPanel';
import { panelMeta, panelState, panelsOf } from './states';

const KINDS: PanelKind[] = ['evaluation', 'fairness', 'drift', 'explain'];
const STATE_KEY = 'plumb.panels';

/** The sections each panel shows. */
export const PANEL_SECTIONS: Record<PanelKind, Section[]> = {
  evaluation: ['evaluation'],
  fairness: ['fairness'],
  drift: ['drift', 'monitoring'],
  explain: ['explain'],
};

export class PanelManager implements PanelHost, vscode.Disposable {
  private panels = new Map<PanelKind, ResultPanel>();
  private readonly subs: vscode.Disposable[] = [];
  private ctx!: Ctx;

  constructor(private readonly extension: vscode.ExtensionContext) {
    for (const kind of KINDS) {
      this.subs.push(
        vscode.window.registerWebviewPanelSerializer(VIEW_TYPES[kind], {
          deserializeWebviewPanel: async (panel) => {
            const saved = this.extension.workspaceState.get<Partial<Record<PanelKind, string>>>(STATE_KEY, {})[kind];
            this.adopt(kind, panel, saved ? vscode.Uri.parse(saved) : undefined);
          },
        }),
      );
    }
  }

  attach(ctx: Ctx): void {
    this.ctx = ctx;
  }

  /** Opens (or reveals) the panel of `kind` on `uri`'s last result. */
  show(kind: PanelKind, uri: vscode.Uri, preserveFocus = false): ResultPanel {
    let p = this.panels.get(kind);
    if (!p) {
      // Beside the spec, in the same group as the other Plumb panels when there are some.
      const column = [...this.panels.values()].find((o) => o.panel.viewColumn !== undefined)?.panel.viewColumn ?? vscode.ViewColumn.Beside;
      const panel = vscode.window.createWebviewPanel(VIEW_TYPES[kind], this.title(kind, uri), { viewColumn: column, preserveFocus }, {});
      p = this.adopt(kind, panel, uri);
    } else {
      p.panel.reveal(undefined, preserveFocus);
    }
    this.setSpec(p, uri);
    p.refresh();
    return p;
  }

  get(kind: PanelKind): ResultPanel | undefined {
    return this.panels.get(kind);
  }

  /** Panels that have something for this run: new results for open panels of this spec. */
  update(uri: vscode.Uri, stored: StoredRun): void {
    for (const kind of panelsOf(stored.run)) {
      const p = this.panels.get(kind);
      if (p && (!p.spec || p.spec.toString() === uri.toString())) {
        this.setSpec(p, uri);
        p.refresh();
      }
    }
  }

  running(uri: vscode.Uri, sections: Section[] | undefined, running: boolean): void {
    for (const p of this.affected(uri, sections)) void p.post({ type: 'running', running, ...(running ? { message: 'Running the checks…' } : {}) });
  }

  failed(uri: vscode.Uri, sections: Section[] | undefined, message: string | undefined): void {
    if (message === undefined) return;
    for (const p of this.affected(uri, sections)) void p.post({ type: 'error', message });
  }

  private affected(uri: vscode.Uri, sections: Section[] | undefined): ResultPanel[] {
    return [...this.panels.values()].filter((p) => p.spec?.toString() === uri.toString() && (!sections || PANEL_SECTIONS[p.kind].some((s) => sections.includes(s))));
  }

  private adopt(kind: PanelKind, panel: vscode.WebviewPanel, spec: vscode.Uri | undefined): ResultPanel {
    this.panels.get(kind)?.panel.dispose();
    const p = new ResultPanel(kind, panel, spec, this, this.extension.extensionUri);
    this.panels.set(kind, p);
    return p;
  }

  private setSpec(p: ResultPanel, uri: vscode.Uri): void {
    p.spec = uri;
    p.panel.title = this.title(p.kind, uri);
    const saved = this.extension.workspaceState.get<Partial<Record<PanelKind, string>>>(STATE_KEY, {});
    void this.extension.workspaceState.update(STATE_KEY, { ...saved, [p.kind]: uri.toString() });
  }

  private title(kind: PanelKind, uri: vscode.Uri): string {
    const name = this.ctx?.results.run(uri)?.run.name ?? uri.path.replace(/^.*\//, '').replace(/\.plumb\.ya?ml$/, '');
    return `Plumb ${TITLES[kind]}: ${name}`;
  }

  // PanelHost

  stateFor(panel: ResultPanel): ToWebview | undefined {
    if (!panel.spec) return undefined;
    const stored = this.ctx.results.run(panel.spec);
    if (!stored) return undefined;
    const meta = panelMeta(stored.run, vscode.workspace.asRelativePath(panel.spec), stored.ranAt);
    const state = panelState(panel.kind, stored.run, meta);
    if (!state) return undefined;
    if (!state.ok) {
      notify.log('error', `${panel.kind} panel: the result does not fit the panel: ${state.error}`);
      return { type: 'error', message: `This result cannot be shown (${state.error}). See the Plumb output channel.` };
    }
    return { type: 'state', state: state.value } as ToWebview;
  }

  rerun(panel: ResultPanel): void {
    if (!panel.spec) return;
    void runChecks(this.ctx, panel.spec, PANEL_SECTIONS[panel.kind], { title: `Plumb: running ${TITLES[panel.kind].toLowerCase()} checks` });
  }

  revealGate(panel: ResultPanel, section: string, metric: string): void {
    if (panel.spec) void revealGate(panel.spec, section, metric);
  }

  exportReport(panel: ResultPanel): void {
    if (panel.spec) void vscode.commands.executeCommand('plumb.exportReport', panel.spec);
  }

  explainRow(panel: ResultPanel, row: number): void {
    const spec = panel.spec;
    if (!spec) return;
    void explainRow(this.ctx, spec, row, { title: `Plumb: explaining row ${row}`, notify: false }).then((outcome) => {
      if (outcome.ok) void panel.post({ type: 'row', explanation: outcome.value });
      else void panel.post({ type: 'rowError', row, message: outcome.reason === 'untrusted' ? 'the workspace is not trusted' : outcome.message });
      if (!outcome.ok && outcome.reason === 'untrusted') void notify.needsTrust('Explaining a row');
    });
  }

  log(level: 'info' | 'warn' | 'error', message: string): void {
    notify.log(level, message);
  }

  disposed(panel: ResultPanel): void {
    if (this.panels.get(panel.kind) === panel) this.panels.delete(panel.kind);
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    this.subs.forEach((s) => s.dispose());
  }
}
