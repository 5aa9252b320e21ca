/**
 * The Compare panel on the extension side: one webview showing the last champion vs challenger
 * comparison. Same contract as the result panels: strict HTML with a nonce, a ready handshake, every
 * webview message validated; the spec and the challenger live here (and in workspaceState for a
 * reload), never taken from the webview.
 */
import * as vscode from 'vscode';
import { COMPARE_VIEW_TYPE, compareStateOf, parseCompareFromWebview, type CompareToWebview } from '../../../server/src/protocol/webview/compare';
import { assertNever } from '../../../server/src/protocol/webview/schema';
import type { Ctx } from '../ctx';
import * as notify from '../notify';
import { compareModels } from '../run';
import { revealGate } from '../symbols';
import { panelHtml } from './html';
import { webviewOptions } from './resultPanel';

const STATE_KEY = 'plumb.compare';

interface Target {
  spec: vscode.Uri;
  /** Absolute path of the challenger (.onnx or model spec). */
  challenger: string;
}

export class ComparePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private target: Target | undefined;
  private last: { result: unknown; ranAt: Date } | undefined;
  private subs: vscode.Disposable[] = [];
  private readonly registration: vscode.Disposable;

  constructor(private readonly ctx: Ctx) {
    this.registration = vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        const saved = ctx.extension.workspaceState.get<{ spec: string; challenger: string }>(STATE_KEY);
        this.adopt(panel, saved ? { spec: vscode.Uri.parse(saved.spec), challenger: saved.challenger } : undefined);
      },
    });
  }

  /** Runs the comparison in the server and shows it (opening the panel first). */
  async compare(spec: vscode.Uri, challenger: string): Promise<unknown> {
    this.setTarget({ spec, challenger });
    if (!this.panel) this.adopt(vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, this.title(), { viewColumn: vscode.ViewColumn.Beside }, {}), this.target);
    else this.panel.reveal(undefined, true);
    void this.post({ type: 'running', running: true, message: 'Comparing the models…' });
    const outcome = await compareModels(this.ctx, spec, challenger, { title: `Plumb: comparing with ${challenger.replace(/^.*[\\/]/, '')}` });
    void this.post({ type: 'running', running: false });
    if (!outcome.ok) {
      if (outcome.reason !== 'cancelled') void this.post({ type: 'error', message: outcome.message });
      return undefined;
    }
    this.last = { result: outcome.value, ranAt: new Date() };
    this.refresh();
    return outcome.value;
  }

  private adopt(panel: vscode.WebviewPanel, target: Target | undefined): void {
    this.disposePanel();
    this.panel = panel;
    this.ready = false;
    this.target = target;
    const webview = panel.webview;
    const extensionUri = this.ctx.extension.extensionUri;
    webview.options = webviewOptions(extensionUri);
    webview.html = panelHtml({
      title: 'Compare',
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'comparePanel.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
    });
    this.subs.push(
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => {
        if (this.panel === panel) this.disposePanel();
      }),
    );
  }

  private setTarget(t: Target): void {
    this.target = t;
    if (this.panel) this.panel.title = this.title();
    void this.ctx.extension.workspaceState.update(STATE_KEY, { spec: t.spec.toString(), challenger: t.challenger });
  }

  private title(): string {
    const name = (p: string) => p.replace(/^.*[\\/]/, '').replace(/\.plumb\.ya?ml$|\.onnx$/i, '');
    return this.target ? `Plumb Compare: ${name(this.target.spec.path)} vs ${name(this.target.challenger)}` : 'Plumb Compare';
  }

  private refresh(): void {
    if (!this.ready || !this.last || !this.target) return;
    const state = compareStateOf(this.last.result, {
      specPath: vscode.workspace.asRelativePath(this.target.spec),
      challengerPath: vscode.workspace.asRelativePath(this.target.challenger),
      ranAt: this.last.ranAt,
    });
    if (!state.ok) {
      notify.log('error', `compare panel: the result does not fit the panel: ${state.error}`);
      void this.post({ type: 'error', message: `This result cannot be shown (${state.error}). See the Plumb output channel.` });
      return;
    }
    void this.post({ type: 'state', state: state.value });
  }

  private post(message: CompareToWebview): Thenable<boolean> {
    return this.panel && this.ready ? this.panel.webview.postMessage(message) : Promise.resolve(false);
  }

  private receive(raw: unknown): void {
    const parsed = parseCompareFromWebview(raw);
    if (!parsed.ok) {
      notify.log('warn', `compare panel: dropped a message that does not match the protocol: ${parsed.error}`);
      return;
    }
    const m = parsed.value;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.refresh();
        break;
      case 'rerun':
        if (this.target) void this.compare(this.target.spec, this.target.challenger);
        break;
      case 'exportReport':
        void notify.info('To export a comparison, run `plumb compare SPEC --challenger OTHER --markdown FILE` (or `--format json`).');
        break;
      case 'revealGate':
        if (this.target) void revealGate(this.target.spec, m.section, m.metric);
        break;
      case 'log':
        notify.log(m.level, `compare panel: ${m.message}`);
        break;
      default:
        assertNever(m, 'webview message');
    }
  }

  private disposePanel(): void {
    const p = this.panel;
    this.panel = undefined;
    this.ready = false;
    this.subs.forEach((s) => s.dispose());
    this.subs = [];
    p?.dispose();
  }

  dispose(): void {
    this.disposePanel();
    this.registration.dispose();
  }
}
