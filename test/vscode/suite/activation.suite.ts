/** The extension activates for a workspace with spec files and its language client runs. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activatedExtension, openSpec, SPEC } from './helpers';

interface ClientLike {
  isRunning(): boolean;
  initializeResult?: { capabilities: Record<string, unknown> };
}

export function activationTests(): void {
  suite('activation', () => {
    test('the extension is present and active once a spec is open', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
      await openSpec(SPEC);
      const active = await activatedExtension();
      assert.equal(active.isActive, true);
    });

    test('the language client is running and the server announced its capabilities', async () => {
      const ext = await activatedExtension();
      const ctx = ext.exports as { client?: ClientLike } | undefined;
      assert.ok(ctx?.client, 'activate() returned no context: the extension reported an activation failure');
      assert.equal(ctx.client.isRunning(), true);
      const caps = ctx.client.initializeResult?.capabilities ?? {};
      for (const c of ['completionProvider', 'hoverProvider', 'codeActionProvider', 'documentSymbolProvider']) {
        assert.ok(c in caps && caps[c], `server capability ${c} missing: ${Object.keys(caps).join(', ')}`);
      }
    });

    test('the extension was loaded through its code cache loader (dist/client.js), which reports what it did', async () => {
      const ctx = (await activatedExtension()).exports as { codeCache?: string };
      assert.ok(['used', 'absent', 'stale', 'damaged', 'rejected'].includes(String(ctx.codeCache)), `codeCache: ${ctx.codeCache}`);
    });
  });
}
