/**
 * One result panel (a webview) on the extension side: the strict HTML, the ready handshake (full
 * state once the webview listens), and every intent from the webview validated before it is acted on.
 * The panel knows its spec; nothing the webview sends is used as a path.
 */
import * as vscode from 'vscode';
import { VIEW_TYPES, type PanelKind } from '../../../server/src/protocol/webview/common';
import { parseEvaluationFromWebview, type EvaluationFromWebview, type EvaluationToWebview } from '../../../server/src/protocol/webview/evaluation';
import { parseFairnessFromWebview, type FairnessFromWebview, type FairnessToWebview } from '../../../server/src/protocol/webview/fairness';
import { parseDriftFromWebview, type DriftFromWebview, type DriftToWebview } from '../../../server/src/protocol/webview/drift';
import { parseExplainFromWebview, type ExplainFromWebview, type ExplainToWebview } from '../../../server/src/protocol/webview/explain';
import { assertNever, type ParseResult } from '../../../server/src/protocol/webview/schema';
import { panelHtml } from './html';

export type FromWebview = EvaluationFromWebview | FairnessFromWebview | DriftFromWebview | ExplainFromWebview;
export type ToWebview = EvaluationToWebview | FairnessToWebview | DriftToWebview | ExplainToWebview;

const PARSERS: Record<PanelKind, (v: unknown) => ParseResult<FromWebview>> = {
  evaluation: parseEvaluationFromWebview,
  fairness: parseFairnessFromWebview,
  drift: parseDriftFromWebview,
  explain: parseExplainFromWebview,
};

export const TITLES: Record<PanelKind, string> = { evaluation: 'Evaluation', fairness: 'Fairness', drift: 'Drift', explain: 'Explanations' };

/** What a panel asks of the extension (implemented by the PanelManager). */
export interface PanelHost {
  /** The latest full state for this panel's spec, if there is one. */
  stateFor(panel: ResultPanel): ToWebview | undefined;
  rerun(panel: ResultPanel): void;
  revealGate(panel: ResultPanel, section: string, metric: string): void;
  exportReport(panel: ResultPanel): void;
  explainRow(panel: ResultPanel, row: number): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  disposed(panel: ResultPanel): void;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class ResultPanel implements vscode.Disposable {
  private ready = false;
  /** Answers (explained rows) sent before the webview listened; delivered after its state. */
  private queued: ToWebview[] = [];
  private markReady!: () => void;
  /** Resolves when the webview has loaded its script and said `ready` (the handshake). */
  readonly whenReady = new Promise<void>((resolve) => (this.markReady = resolve));
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    readonly kind: PanelKind,
    readonly panel: vscode.WebviewPanel,
    public spec: vscode.Uri | undefined,
    private readonly host: PanelHost,
    extensionUri: vscode.Uri,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(extensionUri);
    webview.html = panelHtml({
      title: TITLES[kind],
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${kind}Panel.js`)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css')).toString(),
    });
    this.subs.push(
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  static viewType(kind: PanelKind): string {
    return VIEW_TYPES[kind];
  }

  /** Sends the full state now if the webview is listening (otherwise on `ready`). */
  refresh(): void {
    if (!this.ready) return;
    const state = this.host.stateFor(this);
    if (state) void this.post(state);
  }

  post(message: ToWebview): Thenable<boolean> {
    if (!this.ready) {
      if (message.type === 'row' || message.type === 'rowError') this.queued.push(message);
      return Promise.resolve(false);
    }
    return this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const parsed = PARSERS[this.kind](raw);
    if (!parsed.ok) {
      this.host.log('warn', `${this.kind} panel: dropped a message that does not match the protocol: ${parsed.error}`);
      return;
    }
    const m = parsed.value;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.markReady();
        this.refresh();
        for (const q of this.queued.splice(0)) void this.post(q);
        break;
      case 'rerun':
        this.host.rerun(this);
        break;
      case 'revealGate':
        this.host.revealGate(this, m.section, m.metric);
        break;
      case 'exportReport':
        this.host.exportReport(this);
        break;
      case 'log':
        this.host.log(m.level, `${this.kind} panel: ${m.message}`);
        break;
      case 'explainRow':
        this.host.explainRow(this, m.row);
        break;
      default:
        assertNever(m, 'webview message');
    }
  }

  dispose(): void {
    this.host.disposed(this);
    this.subs.forEach((s) => s.dispose());
    this.subs.length = 0;
  }
}
