/**
 * The in-editor suite (test/vscode/suite/) inside a real VS Code: code-server 4.100.3 serves the
 * workbench, Debian's chromium runs it, and the URL payload makes it load this repository as the
 * extension under development and run the bundled suite, exactly as @vscode/test-electron would.
 * The workbench reports the suite's exit code through `codeAutomationExit`.
 *
 * Two launches: the `main` set with Workspace Trust disabled (everything a trusted user does), and
 * the `trust` set with Workspace Trust on, where the fixture folder is untrusted (restricted mode).
 * PLUMB_SUITE_SET reaches the suite through code-server's environment, which its extension host inherits.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { editorToolsPresent, launchChromium, makeHome, startCodeServer, within } from './harness';
import { makeWorkspace, ROOT } from './workspace';
import { buildSuite } from './buildSuite.mjs';

interface SuiteResult { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }

let built: Promise<string> | undefined;

async function runSuiteInCodeServer(t: TestContext, set: 'main' | 'trust', options: { workspaceTrust: boolean; timeoutMs: number }): Promise<void> {
  if (!editorToolsPresent(t)) return;
  assert.ok(existsSync(join(ROOT, 'dist/client.js')), 'dist/client.js is missing: run node esbuild.mjs');
  const t0 = Date.now();
  built ??= buildSuite();
  const suite = await built;
  const ws = makeWorkspace(`vscode-${set}`);
  const home = makeHome(`suite-${set}`);
  t.after(() => {
    ws.remove();
    home.remove();
  });
  const resultsFile = join(home.dir, 'suite-results.json');
  const server = await startCodeServer(home, { env: { PLUMB_SUITE_RESULTS: resultsFile, PLUMB_SUITE_SET: set }, workspaceTrust: options.workspaceTrust });
  t.after(() => server.stop());
  const serverReady = Date.now();
  const browser = await launchChromium();
  t.after(() => browser.close());

  const page = await browser.newPage();
  const log: string[] = [];
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => log.push(`[${type}] ${Array.isArray(args) ? format(...args) : String(args)}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));

  const payload = JSON.stringify([
    ['extensionDevelopmentPath', server.remote(ROOT)],
    ['extensionTestsPath', server.remote(suite)],
  ]);
  await page.goto(`${server.url}?folder=${encodeURIComponent(ws.dir)}&payload=${encodeURIComponent(payload)}`);
  const code = await within(exited, options.timeoutMs, () => `the suite never reported an exit code.\n${log.join('\n')}\n--- code-server ---\n${server.output()}`);

  t.diagnostic(`code-server ready after ${((serverReady - t0) / 1000).toFixed(1)} s; suite finished after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const logFile = join(ROOT, 'test-results', `code-server-suite-${set}.log`);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(logFile, `${log.join('\n')}\n--- code-server ---\n${server.output()}`);

  const report: { total: number; results: SuiteResult[] } = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { total: 0, results: [] };
  const results = report.results;
  for (const r of results) t.diagnostic(`${r.state === 'passed' ? 'ok' : r.state} - ${r.title}${r.durationMs !== undefined ? ` (${r.durationMs} ms)` : ''}`);
  const failed = results.filter((r) => r.state !== 'passed');
  // The log without stack frames (the workbench logs the missing optional native modules with traces).
  const brief = log.join('\n').split('\n').filter((l) => !/^\s+at /.test(l)).slice(-120).join('\n');
  assert.equal(code, 0, `suite exit code ${code}\n${failed.map((f) => `${f.title}\n${f.error}`).join('\n\n')}\n--- log (tail; all of it in ${logFile}) ---\n${brief}`);
  assert.deepEqual(failed, []);
  assert.ok(report.total > 0, 'the suite registered no tests');
  assert.equal(results.length, report.total, `mocha registered ${report.total} tests but ${results.length} ran: ${results.map((r) => r.title).join('; ')}`);
}

test('the in-editor suite passes in code-server (VS Code 1.100 workbench, chromium)', (t) => runSuiteInCodeServer(t, 'main', { workspaceTrust: false, timeoutMs: 240_000 }));

test('the restricted-mode suite passes in code-server with Workspace Trust on and the folder untrusted', (t) => runSuiteInCodeServer(t, 'trust', { workspaceTrust: true, timeoutMs: 90_000 }));
