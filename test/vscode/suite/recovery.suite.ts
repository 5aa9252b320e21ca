/**
 * Crash recovery: the language server is killed in the middle of a check; the client restarts it,
 * the interrupted request fails cleanly, and the next check works.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, openSpec, SPEC, workspaceUri } from './helpers';

interface ClientLike {
  isRunning(): boolean;
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
  onDidChangeState(listener: (e: { oldState: number; newState: number }) => void): vscode.Disposable;
}

interface ServerInfo {
  pid: number;
  runningJobs: number;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function recoveryTests(): void {
  suite('crash recovery', () => {
    test('killing the server mid-check: the client restarts it and the next check works', async () => {
      await openSpec(SPEC);
      const client = ((await activatedExtension()).exports as { client: ClientLike }).client;
      const uri = workspaceUri(SPEC).toString();
      const first = await client.sendRequest<ServerInfo>('plumb/serverInfo');
      const restarted = new Promise<void>((resolve) => {
        const sub = client.onDidChangeState((e) => {
          if (e.newState === 2 /* Running */ && e.oldState !== 2) {
            sub.dispose();
            resolve();
          }
        });
      });
      const interrupted = client.sendRequest('plumb/runChecks', { uri }).then(
        () => 'finished',
        () => 'failed',
      );
      await until(async () => ((await client.sendRequest<ServerInfo>('plumb/serverInfo')).runningJobs > 0 ? true : undefined), 'the check to start');
      process.kill(first.pid, 'SIGKILL');
      assert.equal(await interrupted, 'failed', 'the interrupted request fails instead of hanging');
      await restarted;
      const second = await until(async () => {
        const info = await client.sendRequest<ServerInfo>('plumb/serverInfo');
        return info.pid !== first.pid ? info : undefined;
      }, 'a new server process');
      assert.notEqual(second.pid, first.pid);
      const result = await client.sendRequest<{ gates: { passed: boolean }[]; sections: string[] }>('plumb/runChecks', { uri, only: ['evaluation'] });
      assert.deepEqual(result.sections, ['evaluation']);
      assert.ok(result.gates.length > 0 && result.gates.every((g) => g.passed));
    });
  });
}
