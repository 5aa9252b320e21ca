/**
 * The result panels in a real editor: each check opens its panel on the spec's result, the webview
 * loads its script under the panel's Content-Security-Policy and completes the ready handshake, and
 * Show Results opens every panel a run has results for.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, SPEC, workspaceUri } from './helpers';

type Kind = 'evaluation' | 'fairness' | 'drift' | 'explain';
interface PanelLike {
  kind: Kind;
  spec?: vscode.Uri;
  panel: vscode.WebviewPanel;
  whenReady: Promise<void>;
  post(message: unknown): Thenable<boolean>;
}
interface CtxLike {
  panels: { get(kind: Kind): PanelLike | undefined };
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)))]).finally(() => clearTimeout(timer));
}

export function panelTests(): void {
  suite('result panels', () => {
    test('Evaluate Model opens the Evaluation panel, whose webview runs under its CSP and says ready', async () => {
      const uri = workspaceUri(SPEC);
      const result = await vscode.commands.executeCommand('plumb.evaluateModel', uri);
      assert.ok(result);
      const ctx = (await activatedExtension()).exports as CtxLike;
      const p = ctx.panels.get('evaluation');
      assert.ok(p, 'no evaluation panel');
      assert.equal(p.spec?.toString(), uri.toString());
      assert.equal(p.panel.viewType, 'plumb.evaluation');
      assert.equal(p.panel.title, 'Plumb Evaluation: credit-risk');
      const html = p.panel.webview.html.replace(/&#39;/g, "'");
      assert.match(html, /Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-([A-Za-z0-9]+)'"/);
      assert.ok(!/unsafe-inline|unsafe-eval|https?:\/\/(?!\S*vscode-cdn)/.test(html.split('Content-Security-Policy')[1].split('>')[0]), 'no inline or remote sources');
      await within(p.whenReady, 20_000, 'the evaluation webview to say ready');
      assert.equal(await p.post({ type: 'running', running: false }), true, 'the webview takes messages after the handshake');
    });

    test('Show Results opens each panel a full run has results for', async () => {
      const uri = workspaceUri(SPEC);
      await vscode.commands.executeCommand('plumb.runAllChecks', uri);
      const ctx = (await activatedExtension()).exports as CtxLike;
      for (const kind of ['evaluation', 'fairness', 'drift', 'explain'] as Kind[]) {
        const shown = await vscode.commands.executeCommand<Kind>('plumb.showResults', uri, kind);
        assert.equal(shown, kind);
        const p = ctx.panels.get(kind);
        assert.ok(p, `no ${kind} panel`);
        await within(p.whenReady, 20_000, `the ${kind} webview to say ready`);
        const roots = p.panel.webview.options.localResourceRoots?.map((r) => r.path.replace(/^.*\/(dist\/webview|media)$/, '$1'));
        assert.deepEqual(roots, ['dist/webview', 'media']);
      }
    });
  });
}
