/**
 * Restricted Mode (run in an editor with Workspace Trust on and the workspace not trusted): specs
 * are still validated and New Spec from Model still reads files, but no check runs: the commands
 * return nothing (and offer Manage Workspace Trust), and the server refuses a direct request too.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, BROKEN, SPEC, workspaceUri } from './helpers';

interface ClientLike {
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
}

export function trustTests(): void {
  suite('restricted mode (untrusted workspace)', () => {
    test('the workspace is untrusted and the extension is active', async () => {
      assert.equal(vscode.workspace.isTrusted, false);
      assert.ok((await activatedExtension()).isActive);
    });

    test('validation still runs', async () => {
      const r = await vscode.commands.executeCommand<{ errors: number }>('plumb.validateSpec', workspaceUri(BROKEN));
      assert.ok(r && r.errors >= 2, JSON.stringify(r));
    });

    test('check commands run nothing', async () => {
      for (const id of ['plumb.evaluateModel', 'plumb.runAllChecks', 'plumb.checkDrift']) {
        assert.equal(await vscode.commands.executeCommand(id, workspaceUri(SPEC)), undefined, id);
      }
      assert.equal(await vscode.commands.executeCommand('plumb.explainRow', workspaceUri(SPEC), 0), undefined);
    });

    test('the server refuses plumb/runChecks itself', async () => {
      const client = ((await activatedExtension()).exports as { client: ClientLike }).client;
      const refused = await client.sendRequest('plumb/runChecks', { uri: workspaceUri(SPEC).toString() }).then(
        () => undefined,
        (e: { code?: number; message?: string }) => e,
      );
      assert.equal(refused?.code, -32003, `expected the untrusted error, got ${JSON.stringify(refused)}`);
    });

    test('New Spec from Model reads the model and data without running them', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('plumb.createSpec', workspaceUri('models/credit-default.onnx'), workspaceUri('data/eval.csv'), { target: 'default' });
      assert.ok(uri?.path.endsWith('.plumb.yaml'), String(uri));
    });
  });
}
