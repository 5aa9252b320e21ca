/**
 * Plumb's commands in a real editor: every contributed command is registered, validation counts the
 * broken spec's problems, each check command returns the server's result, gates reach the Test
 * Explorer (as items and as outcomes of the run profile), Export Report writes the result, Explain Row
 * explains one row, and New Spec from Model writes a valid spec without overwriting one.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, BROKEN, SPEC, workspaceUri } from './helpers';

interface Gate {
  section: string;
  metric: string;
  condition: string;
  value: number | null;
  passed: boolean;
}
interface Run {
  name: string;
  sections: string[];
  gates: Gate[];
  evaluation?: { rows: number; metrics: Record<string, number | null> };
  explain?: unknown;
}
interface CtxLike {
  tests: {
    controller: vscode.TestController;
    profile: vscode.TestRunProfile;
    onDidReport: vscode.Event<{ id: string; state: string; message?: string }>;
    refresh(uri: vscode.Uri): Promise<vscode.TestItem>;
  };
}

async function ctx(): Promise<CtxLike> {
  return (await activatedExtension()).exports as CtxLike;
}

export function commandTests(): void {
  suite('commands', () => {
    test('every command in package.json is registered under the Plumb category', async () => {
      const ext = await activatedExtension();
      const contributed = (ext.packageJSON as { contributes: { commands: { command: string; category: string }[] } }).contributes.commands;
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const c of contributed) {
        assert.ok(registered.has(c.command), `${c.command} is not registered`);
        assert.equal(c.category, 'Plumb');
        assert.match(c.command, /^plumb\.[a-z]+[A-Z][A-Za-z]*$/, 'commands are named plumb.verbNoun');
      }
    });

    test('Validate Spec counts the broken spec\'s errors and finds none in the example', async () => {
      const broken = await vscode.commands.executeCommand<{ errors: number; messages: string[] }>('plumb.validateSpec', workspaceUri(BROKEN));
      assert.ok(broken && broken.errors >= 2, `errors: ${JSON.stringify(broken)}`);
      assert.ok(broken.messages.some((m) => m.includes('gender')), 'the misspelled column is reported');
      const good = await vscode.commands.executeCommand<{ errors: number }>('plumb.validateSpec', workspaceUri(SPEC));
      assert.equal(good?.errors, 0);
    });

    test('Evaluate Model returns the evaluation with its gates; the gates become Test Explorer items', async () => {
      const uri = workspaceUri(SPEC);
      const result = await vscode.commands.executeCommand<Run>('plumb.evaluateModel', uri.toString());
      assert.ok(result, 'the command returned no result');
      assert.deepEqual(result.sections, ['evaluation']);
      assert.equal(result.evaluation?.rows, 5000);
      assert.deepEqual(result.gates.map((g) => g.metric).sort(), ['recall', 'roc_auc']);
      const { tests } = await ctx();
      const spec = await tests.refresh(uri);
      const section = spec.children.get(`${uri}#evaluation`);
      assert.ok(section, `no evaluation item under ${spec.id}`);
      assert.deepEqual([...collect(section.children)].map((i) => i.label).sort(), ['recall', 'roc_auc']);
      const roc = section.children.get(`${uri}#evaluation/roc_auc`);
      assert.ok(roc?.range, 'gate items have their line');
    });

    test('the run profile runs a section\'s gates and reports a failure with the condition and the value', async () => {
      const uri = workspaceUri('strict-copy.plumb.yaml');
      const text = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(SPEC))).toString('utf8').replace('roc_auc: ">= 0.70"', 'roc_auc: ">= 0.99"');
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      const { tests } = await ctx();
      const spec = await tests.refresh(uri);
      const section = spec.children.get(`${uri}#evaluation`)!;
      const outcomes: { id: string; state: string; message?: string }[] = [];
      const sub = tests.onDidReport((o) => outcomes.push(o));
      try {
        await tests.profile.runHandler(new vscode.TestRunRequest([section]), new vscode.CancellationTokenSource().token);
      } finally {
        sub.dispose();
      }
      const roc = outcomes.find((o) => o.id === `${uri}#evaluation/roc_auc`);
      const recall = outcomes.find((o) => o.id === `${uri}#evaluation/recall`);
      assert.equal(roc?.state, 'failed');
      assert.match(roc?.message ?? '', /roc_auc = 0\.72\d* does not meet the gate >= 0\.99/);
      assert.equal(recall?.state, 'passed');
      assert.ok(!outcomes.some((o) => o.id.includes('#fairness')), 'only the section asked for ran');
    });

    test('cancelling a running check stops it in the server (\$/cancelRequest) and skips its gates', async () => {
      const uri = workspaceUri(SPEC);
      const { tests, client } = (await activatedExtension()).exports as CtxLike & { client: { sendRequest<R>(m: string): Promise<R> } };
      const spec = await tests.refresh(uri);
      const outcomes: { id: string; state: string }[] = [];
      const sub = tests.onDidReport((o) => outcomes.push(o));
      const cancel = new vscode.CancellationTokenSource();
      const running = tests.profile.runHandler(new vscode.TestRunRequest([spec]), cancel.token);
      try {
        await until(async () => ((await client.sendRequest<{ runningJobs: number }>('plumb/serverInfo')).runningJobs > 0 ? true : undefined), 'the check to start');
        cancel.cancel();
        await running;
      } finally {
        sub.dispose();
      }
      assert.ok(outcomes.length > 0 && outcomes.every((o) => o.state === 'skipped'), JSON.stringify(outcomes));
      await until(async () => ((await client.sendRequest<{ runningJobs: number }>('plumb/serverInfo')).runningJobs === 0 ? true : undefined), 'the server to stop the job');
    });

    test('Run All Checks, then Export Report writes that result as JSON', async () => {
      const uri = workspaceUri(SPEC);
      const result = await vscode.commands.executeCommand<Run>('plumb.runAllChecks', uri);
      assert.deepEqual(result?.sections, ['evaluation', 'fairness', 'drift', 'monitoring', 'explain']);
      const file = await vscode.commands.executeCommand<vscode.Uri>('plumb.exportReport', uri);
      assert.ok(file, 'no report written');
      assert.ok(file.path.includes('/plumb-reports/credit-risk-'), file.path);
      const written = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8')) as Run;
      assert.equal(written.name, 'credit-risk');
      assert.deepEqual(written.gates, result!.gates);
    });

    test('Explain Row explains one row: contributions add up to the prediction', async () => {
      const e = await vscode.commands.executeCommand<{ row: number; base_value: number; prediction: number; contributions: Record<string, number> }>('plumb.explainRow', workspaceUri(SPEC), 3);
      assert.equal(e?.row, 3);
      const sum = Object.values(e!.contributions).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(e!.base_value + sum - e!.prediction) < 1e-6, `${e!.base_value} + ${sum} vs ${e!.prediction}`);
    });

    test('New Spec from Model writes a valid spec beside the model and never overwrites one', async () => {
      const model = workspaceUri('models/credit-default.onnx');
      const data = workspaceUri('data/eval.csv');
      const features = ['limit_bal', 'age', 'repay_status_1', 'repay_status_2', 'repay_status_3', 'repay_status_4', 'repay_status_5', 'repay_status_6', 'bill_amt1', 'pay_amt1', 'pay_amt2', 'pay_amt3'];
      const first = await vscode.commands.executeCommand<vscode.Uri>('plumb.createSpec', model, data, { target: 'default', features });
      assert.ok(first?.path.endsWith('/models/credit-default.plumb.yaml'), first?.path);
      const text = Buffer.from(await vscode.workspace.fs.readFile(first)).toString('utf8');
      assert.match(text, /features: \[limit_bal, age, .*pay_amt3\]/);
      assert.match(text, /eval: \.\.\/data\/eval\.csv/);
      const valid = await vscode.commands.executeCommand<{ errors: number; messages: string[] }>('plumb.validateSpec', first);
      assert.equal(valid?.errors, 0, JSON.stringify(valid?.messages));
      const second = await vscode.commands.executeCommand<vscode.Uri>('plumb.createSpec', model, data, { target: 'default', features });
      assert.ok(second?.path.endsWith('/models/credit-default-2.plumb.yaml'), second?.path);
      assert.equal(Buffer.from(await vscode.workspace.fs.readFile(first)).toString('utf8'), text, 'the first spec is untouched');
      const evaluated = await vscode.commands.executeCommand<Run>('plumb.evaluateModel', second);
      assert.ok(evaluated && evaluated.evaluation && (evaluated.evaluation.metrics.roc_auc ?? 0) > 0.7, 'the drafted spec runs');
    });
  });
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function* collect(items: vscode.TestItemCollection): Generator<vscode.TestItem> {
  for (const [, item] of items) yield item;
}
