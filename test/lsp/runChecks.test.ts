/**
 * Running checks through the server: `plumb/runChecks` runs in a worker thread, reports work-done
 * progress, can be cancelled, publishes failed gates as diagnostics and keeps answering requests.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient, ROOT } from './lspClient';

const EXAMPLE = resolve(ROOT, 'examples/credit-risk');
const SPEC_PATH = resolve(EXAMPLE, 'credit-risk.plumb.yaml');
const SPEC_TEXT = readFileSync(SPEC_PATH, 'utf8');
let client: LspClient;
const progress: { token: string | number; value: { kind: string; message?: string } }[] = [];

before(async () => {
  client = new LspClient(EXAMPLE);
  client.connection.onNotification('$/progress', (p: unknown) => {
    progress.push(p as (typeof progress)[number]);
  });
  await client.initialize(EXAMPLE);
});
after(async () => client.shutdown());

interface RunResultJson {
  sections: string[];
  evaluation: { metrics: Record<string, number> };
  gates: { section: string; metric: string; passed: boolean; value: number }[];
}

test('plumb/runChecks returns the same result as the CLI, with progress, and announces the gates', async () => {
  const uri = pathToFileURL(SPEC_PATH).toString();
  await client.open(uri, SPEC_TEXT);
  const gatesChanged = new Promise<{ uri: string; gates: unknown[] }>((r) => client.connection.onNotification('plumb/gatesChanged', (p: { uri: string; gates: unknown[] }) => r(p)));
  const result = await client.request<RunResultJson>('plumb/runChecks', { uri, only: ['evaluation'] });
  assert.deepEqual(result.sections, ['evaluation']);
  assert.ok(Math.abs(result.evaluation.metrics.roc_auc - 0.720807) < 5e-6);
  assert.deepEqual(result.gates.map((g) => [g.metric, g.passed]), [['roc_auc', true], ['recall', true]]);
  const announced = await gatesChanged;
  assert.equal(announced.uri, uri);
  assert.equal(announced.gates.length, 2);
  assert.ok(progress.some((p) => p.value.kind === 'begin') && progress.some((p) => p.value.kind === 'end'));
});

test('a failed gate becomes a diagnostic on the gate\'s key', async () => {
  const uri = pathToFileURL(resolve(EXAMPLE, 'gate-fail.plumb.yaml')).toString();
  const text = SPEC_TEXT.replace('roc_auc: ">= 0.70"', 'roc_auc: ">= 0.95"');
  await client.open(uri, text);
  const published = client.nextDiagnostics(uri);
  const result = await client.request<RunResultJson>('plumb/runChecks', { uri, only: ['evaluation'] });
  assert.equal(result.gates.find((g) => g.metric === 'roc_auc')!.passed, false);
  const diagnostics = await published;
  const d = diagnostics.find((x) => x.code === 'gate.failed');
  assert.ok(d, JSON.stringify(diagnostics));
  const line = text.split('\n').findIndex((l) => l.includes('roc_auc: ">= 0.95"'));
  assert.equal(d.range.start.line, line);
  assert.match(String(d.message), /Gate failed: evaluation\.roc_auc = 0\.7208 does not satisfy >= 0\.95/);
});

test('the server keeps answering while a check runs, and a cancelled run says so', async () => {
  const uri = pathToFileURL(SPEC_PATH).toString();
  const source = new CancellationTokenSource();
  const order: string[] = [];
  const run = (client.connection.sendRequest('plumb/runChecks', { uri }, source.token) as Promise<unknown>).then(
    () => order.push('run finished'),
    (e: { code: number; message: string }) => {
      order.push(`run failed ${e.code}`);
    },
  );
  const before = progress.length;
  await new Promise<void>((r) => {
    const t = setInterval(() => {
      if (progress.length > before) {
        clearInterval(t);
        r();
      }
    }, 5);
  });
  const items = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
  order.push('completion answered');
  assert.ok(Array.isArray(items));
  source.cancel();
  await run;
  assert.deepEqual(order, ['completion answered', 'run failed -32800']);
});

test('an untrusted workspace refuses to run checks', async () => {
  const uri = pathToFileURL(SPEC_PATH).toString();
  await client.connection.sendNotification('plumb/setTrusted', { trusted: false });
  await assert.rejects(client.request('plumb/runChecks', { uri }), /trust this workspace/);
  await client.connection.sendNotification('plumb/setTrusted', { trusted: true });
});

test('plumb/explainRow explains one row, and efficiency holds', async () => {
  const uri = pathToFileURL(SPEC_PATH).toString();
  const r = await client.request<{ row: number; method: string; base_value: number; prediction: number; contributions: Record<string, number> }>('plumb/explainRow', { uri, row: 3 });
  assert.equal(r.row, 3);
  assert.equal(r.method, 'exact-shapley');
  const sum = Object.values(r.contributions).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(r.base_value + sum - r.prediction) < 1e-9);
  assert.equal(Object.keys(r.contributions).length, 12);
});

test('plumb/renderReports renders the run as plumb run --html/--junit/--sarif/--markdown would', async () => {
  const uri = pathToFileURL(SPEC_PATH).toString();
  const result = await client.request<RunResultJson>('plumb/runChecks', { uri, only: ['evaluation'] });
  const texts = await client.request<Record<string, string>>('plumb/renderReports', { uri, result, formats: ['html', 'junit', 'sarif', 'markdown', 'json'] });
  assert.match(texts.html, /^<!DOCTYPE html>/i);
  assert.match(texts.junit, /<testcase [^>]*name="roc_auc/);
  assert.equal(JSON.parse(texts.sarif).version, '2.1.0');
  assert.match(texts.markdown, /roc_auc/);
  assert.deepEqual(JSON.parse(texts.json).gates, result.gates);
});
