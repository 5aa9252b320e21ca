/**
 * Protocol tests: the built server (`dist/server.js --stdio`) driven over JSON-RPC like any LSP
 * client would, on the bundled example's real data and model.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { LspClient, ROOT } from './lspClient';

const EXAMPLE = resolve(ROOT, 'examples/credit-risk');
const SPEC_TEXT = readFileSync(resolve(EXAMPLE, 'credit-risk.plumb.yaml'), 'utf8');
let client: LspClient;
let n = 0;
const uri = () => pathToFileURL(resolve(EXAMPLE, `protocol-${++n}.plumb.yaml`)).toString();

function position(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

before(async () => {
  client = new LspClient(EXAMPLE);
  const init = (await client.initialize(EXAMPLE)) as { capabilities: Record<string, unknown> };
  assert.ok(init.capabilities.completionProvider);
});
after(async () => client.shutdown());

test('the example spec opens clean', async () => {
  const diagnostics = await client.open(uri(), SPEC_TEXT);
  assert.deepEqual(diagnostics, []);
});

test('a broken spec gets diagnostics with exact ranges, source and code', async () => {
  const text = SPEC_TEXT.replace('sensitive: [sex]', 'sensitive: [gender]').replace('  threshold: 0.3', '  treshold: 0.3');
  const diagnostics = await client.open(uri(), text);
  const column = diagnostics.find((d) => d.code === 'column.missing');
  assert.ok(column, JSON.stringify(diagnostics));
  assert.equal(column.source, 'plumb');
  assert.equal(column.severity, 1);
  assert.deepEqual(column.range, { start: position(text, 'gender'), end: position(text, 'gender', 'gender'.length) });
  assert.match(String(column.message), /column `gender` is not in data\/eval.csv \(columns: limit_bal, sex, /);
  const key = diagnostics.find((d) => d.code === 'schema.unknown-key');
  assert.ok(key);
  assert.deepEqual(key.range.start, position(text, 'treshold'));
  assert.match(String(key.message), /Did you mean `threshold`/);
});

test('edits re-validate: fixing the error clears it', async () => {
  const u = uri();
  const broken = SPEC_TEXT.replace('target: default', 'target: defalt');
  assert.equal((await client.open(u, broken)).length, 1);
  assert.deepEqual(await client.change(u, SPEC_TEXT), []);
});

test('an ONNX input the model does not have, and a feature count that does not match', async () => {
  const text = SPEC_TEXT.replace('input: float_input', 'input: features').replace('features: [limit_bal, age, ', 'features: [age, ');
  const diagnostics = await client.open(uri(), text);
  assert.ok(diagnostics.some((d) => d.code === 'model.unknown-input' && /inputs: float_input/.test(String(d.message))), JSON.stringify(diagnostics));
  const text2 = SPEC_TEXT.replace('features: [limit_bal, age, ', 'features: [age, ');
  const d2 = await client.open(uri(), text2);
  assert.ok(d2.some((d) => d.code === 'model.feature-count' && /lists 11 feature\(s\) but input `float_input`.*takes 12/.test(String(d.message))), JSON.stringify(d2));
});

test('quick fixes come back as code actions that repair the spec', async () => {
  const u = uri();
  const text = SPEC_TEXT.replace('sensitive: [sex]', 'sensitive: [sexx]');
  const diagnostics = await client.open(u, text);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: u },
    range: diagnostics[0].range,
    context: { diagnostics },
  });
  const fix = actions.find((a) => a.title === 'Change to `sex`');
  assert.ok(fix, JSON.stringify(actions));
  const edit = fix.edit!.changes![u][0];
  assert.deepEqual(edit.range, diagnostics[0].range);
  assert.equal(edit.newText, 'sex');
});

async function completionsAt(text: string, needle: string, delta: number): Promise<CompletionItem[]> {
  const u = uri();
  await client.open(u, text);
  const res = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: position(text, needle, delta) });
  return Array.isArray(res) ? res : res.items;
}

test('completion: column names from the CSV header', async () => {
  const text = SPEC_TEXT.replace('sensitive: [sex]', 'sensitive: [sex, ]');
  const labels = (await completionsAt(text, 'sensitive: [sex, ]', 'sensitive: [sex, '.length)).map((c) => c.label);
  assert.ok(labels.includes('education') && labels.includes('marriage') && labels.includes('default'), labels.join());
});

test('completion: metric names for the task, and keys from the schema', async () => {
  const text = SPEC_TEXT.replace('metrics: [accuracy, ', 'metrics: [');
  const metrics = (await completionsAt(text, 'metrics: [', 'metrics: ['.length)).map((c) => c.label);
  assert.ok(metrics.includes('roc_auc') && metrics.includes('balanced_accuracy'));
  assert.ok(!metrics.includes('rmse'), 'regression metrics are not offered for a classifier');
  const keyText = SPEC_TEXT.replace('  positive_label: 1\n', '  pos\n');
  const keys = (await completionsAt(keyText, '  pos\n', 5)).map((c) => c.label);
  assert.ok(keys.includes('positive_label') && keys.includes('output'), keys.join());
  assert.ok(!keys.includes('path'), 'keys already present are not offered');
});

test('completion: ONNX output names and file paths', async () => {
  const text = SPEC_TEXT.replace('  input: float_input\n', '  input: float_input\n  output: \n');
  const outputs = (await completionsAt(text, '  output: \n', '  output: '.length)).map((c) => c.label);
  assert.ok(outputs.includes('output_probability') && outputs.includes('output_label'), outputs.join());
  const pathText = SPEC_TEXT.replace('eval: data/eval.csv', 'eval: data/');
  const files = (await completionsAt(pathText, 'eval: data/', 'eval: data/'.length)).map((c) => c.label);
  assert.ok(files.includes('data/eval.csv') && files.includes('data/current.csv'), files.join());
});

test('hover: key description, metric definition, model signature, column type', async () => {
  const u = uri();
  await client.open(u, SPEC_TEXT);
  const hoverAt = async (needle: string, delta = 1) =>
    ((await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: position(SPEC_TEXT, needle, delta) }))?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(await hoverAt('threshold:'), /Decision threshold/);
  assert.match(await hoverAt('roc_auc, average'), /ROC|receiver operating/i);
  const model = await hoverAt('models/credit-default.onnx', 3);
  assert.match(model, /`float_input` \| float \| \[\?, 12\]/);
  assert.match(model, /output_probability/);
  assert.match(await hoverAt('sensitive: [sex]', 'sensitive: ['.length + 1), /\*\*sex\*\*: categorical column of `eval.csv`/);
});

/** The first `n` values of a column of the example's eval.csv (plain numbers, no quoting), read here on their own. */
function firstValues(column: string, n: number): string[] {
  const [header, ...rows] = readFileSync(resolve(EXAMPLE, 'data/eval.csv'), 'utf8').trim().split('\n');
  const i = header.split(',').indexOf(column);
  return rows.slice(0, n).map((r) => r.split(',')[i]);
}

test('hover previews a column from as many rows as plumb.hover.maxRows says, 0 turning previews off', async () => {
  const u = uri();
  await client.open(u, SPEC_TEXT);
  const hoverAt = async (needle: string, delta: number) =>
    ((await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: position(SPEC_TEXT, needle, delta) }))?.contents as { value: string } | undefined)?.value ?? '';
  const ageHover = () => hoverAt('[limit_bal, age,', '[limit_bal, '.length + 1);
  const expectNumeric = (text: string, n: number) => {
    const ages = firstValues('age', n).map(Number);
    const m = /^\*\*age\*\*: numeric column of `eval.csv`\n\nIn its first ([\d,]+) rows: (\d+) to (\d+); mean ([\d.]+); 0 missing\.$/.exec(text);
    assert.ok(m, text);
    assert.equal(Number(m[1].replace(/,/g, '')), n);
    assert.equal(Number(m[2]), Math.min(...ages));
    assert.equal(Number(m[3]), Math.max(...ages));
    const mean = ages.reduce((a, b) => a + b, 0) / n;
    assert.ok(Math.abs(Number(m[4]) - mean) < 1e-4 * mean, `mean ${m[4]} vs ${mean}`);
  };
  expectNumeric(await ageHover(), 1000); // the default
  const sexes = firstValues('sex', 1000);
  const females = sexes.filter((s) => s === 'female').length;
  assert.match(await hoverAt('sensitive: [sex]', 'sensitive: ['.length + 1), new RegExp(`In its first 1,000 rows: 2 distinct values: .*\`female\` \\(${females.toLocaleString('en-US')}\\)`));

  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { plumb: { hover: { maxRows: 3 } } } });
  expectNumeric(await ageHover(), 3);
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { plumb: { hover: { maxRows: 0 } } } });
  assert.equal(await ageHover(), '**age**: column of `eval.csv`\n\ncolumn previews are off (plumb.hover.maxRows is 0)');
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { plumb: { hover: { maxRows: 1000 } } } });
  expectNumeric(await ageHover(), 1000);
});

test('document symbols give the outline', async () => {
  const u = uri();
  await client.open(u, SPEC_TEXT);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
  const names = symbols.map((s) => s.name);
  assert.deepEqual(names, ['plumb', 'kind', 'name', 'description', 'model', 'data', 'evaluation', 'fairness', 'drift', 'monitoring', 'explain', 'card']);
  assert.ok(symbols.find((s) => s.name === 'model')!.children!.some((c) => c.name === 'features'));
});

test('code lenses over the spec run its sections', async () => {
  const u = uri();
  await client.open(u, SPEC_TEXT);
  const lenses = await client.request<{ command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri: u } });
  assert.deepEqual(lenses.map((l) => l.command.title), ['Run All Checks', 'Evaluate', 'Fairness', 'Drift', 'Explain']);
});

test('the server survives hostile input and keeps answering', async () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const d1 = await client.open(uri(), laughs.join('\n'));
  assert.ok(d1.some((d: Diagnostic) => d.code === 'yaml.aliases'));
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  await client.open(uri(), deep);
  assert.deepEqual(await client.open(uri(), SPEC_TEXT), []);
});
