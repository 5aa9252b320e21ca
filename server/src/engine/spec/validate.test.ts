import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSpecText } from './validate';
import { fakeFileInfo, spanOfText } from './testing';
import type { SpecDiagnostic } from './diagnostics';

const DIR = '/ws';
const FILE = `${DIR}/credit.plumb.yaml`;
const files = fakeFileInfo({
  data: {
    '/ws/data/eval.csv': { columns: ['age', 'income', 'debt', 'sex', 'race', 'default'] },
    '/ws/data/train.csv': { columns: ['age', 'income', 'debt', 'sex', 'race', 'default'] },
    '/ws/data/current.csv': { columns: ['age', 'income', 'debt', 'sex', 'race', 'scored_at'] },
  },
  models: {
    '/ws/models/credit.onnx': {
      inputs: [{ name: 'float_input', type: 'tensor(float)', elemType: 'float', shape: [null, 3] }],
      outputs: [{ name: 'label', type: 'tensor(int64)', elemType: 'int64', shape: [null] }, { name: 'probabilities', type: 'tensor(float)', elemType: 'float', shape: [null, 2] }],
    },
    '/ws/models/perfeature.onnx': {
      inputs: [{ name: 'age', type: 'tensor(float)', elemType: 'float', shape: [null, 1] }, { name: 'income', type: 'tensor(float)', elemType: 'float', shape: [null, 1] }, { name: 'debt', type: 'tensor(float)', elemType: 'float', shape: [null, 1] }],
      outputs: [{ name: 'probabilities', type: 'tensor(float)', elemType: 'float', shape: [null, 2] }],
    },
  },
});

const GOOD = `plumb: 1
kind: model
name: credit-risk
model:
  path: models/credit.onnx
  task: binary-classification
  features: [age, income, debt]
  input: float_input
  output: probabilities
  positive_label: 1
  threshold: 0.5
data:
  eval: data/eval.csv
  target: default
  reference: data/train.csv
  current: data/current.csv
  timestamp: scored_at
evaluation:
  metrics: [accuracy, f1, roc_auc]
  gates: { roc_auc: ">= 0.85" }
fairness:
  sensitive: [sex, race]
  gates: { demographic_parity_ratio: ">= 0.8" }
drift:
  columns: [age, income]
  method: auto
  threshold: 0.1
  gates: { drift_share: "< 0.5" }
`;

async function diagnostics(text: string): Promise<SpecDiagnostic[]> {
  return (await validateSpecText(text, FILE, files)).diagnostics;
}

function only(ds: SpecDiagnostic[], code: string): SpecDiagnostic {
  const hits = ds.filter((d) => d.code === code);
  assert.equal(hits.length, 1, `expected one ${code}, got: ${JSON.stringify(ds, null, 1)}`);
  return hits[0];
}

test('the issue\'s example spec is valid', async () => {
  assert.deepEqual(await diagnostics(GOOD), []);
});

test('YAML syntax errors are reported where they are', async () => {
  const text = 'plumb: 1\nmodel:\n  task: [binary\n';
  const ds = await diagnostics(text);
  assert.ok(ds.length >= 1);
  assert.equal(ds[0].code, 'yaml.syntax');
  assert.ok(ds[0].offset >= text.indexOf('['), 'points into the broken flow sequence, not the start');
});

test('unknown key: points at the key, with did-you-mean and a fix', async () => {
  const text = GOOD.replace('  threshold: 0.5\n', '  treshold: 0.5\n');
  const d = only(await diagnostics(text), 'schema.unknown-key');
  assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, 'treshold'));
  assert.match(d.message, /Did you mean `threshold`\?/);
  assert.deepEqual(d.fixes?.[0].edits, [{ ...spanOfText(text, 'treshold'), text: 'threshold' }]);
});

test('bad enum value: points at the value with did-you-mean', async () => {
  const text = GOOD.replace('task: binary-classification', 'task: binary-clasification');
  const d = only(await diagnostics(text), 'schema.bad-value');
  assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, 'binary-clasification'));
  assert.match(d.message, /Did you mean `binary-classification`/);
});

test('wrong type: a number where a list belongs', async () => {
  const text = GOOD.replace('features: [age, income, debt]', 'features: 3');
  const d = only(await diagnostics(text), 'schema.wrong-type');
  assert.deepEqual({ offset: d.offset, length: d.length }, { offset: text.indexOf('features: 3') + 'features: '.length, length: 1 });
  assert.match(d.message, /`model.features` must be a list/);
});

test('missing required key: on the section key, with an insert fix', async () => {
  const text = 'plumb: 1\nfairness:\n  gates: { demographic_parity_ratio: ">= 0.8" }\n';
  const d = (await diagnostics(text)).find((x) => x.code === 'schema.missing-key')!;
  assert.ok(d);
  assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, 'fairness'));
  assert.match(d.message, /missing required key `sensitive`/);
  assert.deepEqual(d.fixes?.[0].edits, [{ offset: text.indexOf('  gates'), length: 0, text: '  sensitive: [sex, race]\n' }]);
});

test('plumb version must be 1', async () => {
  const d = only(await diagnostics(GOOD.replace('plumb: 1', 'plumb: 2')), 'schema.bad-value');
  assert.match(d.message, /`plumb` must be `1`/);
});

test('a column missing from the CSV header names the file, the columns and a near match', async () => {
  const text = GOOD.replace('sensitive: [sex, race]', 'sensitive: [gender, race]');
  const d = only(await diagnostics(text), 'column.missing');
  assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, 'gender'));
  assert.match(d.message, /^`fairness.sensitive\[0\]`: column `gender` is not in data\/eval.csv \(columns: age, income, debt, sex, race, default\)/);
});

test('target typo gets a did-you-mean fix', async () => {
  const text = GOOD.replace('target: default', 'target: defualt');
  const d = only(await diagnostics(text), 'column.missing');
  assert.match(d.message, /Did you mean `default`/);
  assert.equal(d.fixes?.[0].edits[0].text, 'default');
});

test('drift columns are checked against reference and current', async () => {
  const text = GOOD.replace('columns: [age, income]', 'columns: [age, scored_at]');
  const ds = (await diagnostics(text)).filter((d) => d.code === 'column.missing');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /data\/train.csv/);
});

test('a missing file is an error on its path', async () => {
  const text = GOOD.replace('data/eval.csv', 'data/evl.csv');
  const d = only(await diagnostics(text), 'file.missing');
  assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, 'data/evl.csv'));
});

test('ONNX input and output names must exist', async () => {
  const text = GOOD.replace('input: float_input', 'input: floatinput').replace('output: probabilities', 'output: probs');
  const ds = await diagnostics(text);
  assert.match(only(ds, 'model.unknown-input').message, /has no input `floatinput` \(inputs: float_input\)\. Did you mean `float_input`\?/);
  assert.match(only(ds, 'model.unknown-output').message, /outputs: label, probabilities/);
});

test('feature count must match the input width', async () => {
  const text = GOOD.replace('features: [age, income, debt]', 'features: [age, income]');
  const d = only(await diagnostics(text), 'model.feature-count');
  assert.match(d.message, /lists 2 feature\(s\) but input `float_input` .* takes 3/);
});

test('per-feature inputs map by name', async () => {
  const text = GOOD.replace('models/credit.onnx', 'models/perfeature.onnx').replace('  input: float_input\n', '').replace('features: [age, income, debt]', 'features: [age, incme, debt]');
  const ds = (await diagnostics(text)).filter((d) => d.code === 'model.unknown-input' || d.code === 'model.unfed-input');
  assert.equal(ds.length, 2);
  assert.match(ds.find((d) => d.code === "model.unknown-input")!.message, /none is named `incme`.*Did you mean `income`/);
  assert.match(ds.find((d) => d.code === "model.unfed-input")!.message, /also needs input\(s\) `income`/);
});

test('unknown metric with did-you-mean', async () => {
  const text = GOOD.replace('metrics: [accuracy, f1, roc_auc]', 'metrics: [accuracy, f1, rocauc]');
  const d = only(await diagnostics(text), 'metric.unknown');
  assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, 'rocauc'));
  assert.match(d.message, /Did you mean `roc_auc`/);
});

test('a gate on a metric the section does not compute, with a fix adding it', async () => {
  const text = GOOD.replace('gates: { roc_auc: ">= 0.85" }', 'gates: { roc_auc: ">= 0.85", recall: ">= 0.5" }');
  const d = only(await diagnostics(text), 'gate.not-computed');
  assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, 'recall'));
  const edit = d.fixes![0].edits[0];
  const fixed = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
  assert.match(fixed, /metrics: \[accuracy, f1, roc_auc, recall\]/);
  assert.deepEqual(await diagnostics(fixed), []);
});

test('a gate on an unknown fairness metric gets did-you-mean', async () => {
  const text = GOOD.replace('demographic_parity_ratio: ">= 0.8"', 'demographic_parity_ration: ">= 0.8"');
  const d = only(await diagnostics(text), 'gate.unknown-metric');
  assert.match(d.message, /Did you mean `demographic_parity_ratio`/);
});

test('malformed gates are errors on their value', async () => {
  for (const bad of ['"0.85"', '"=> 0.85"', '0.85', '"> high"', '"= 0.8"']) {
    const text = GOOD.replace('roc_auc: ">= 0.85"', `roc_auc: ${bad}`);
    const d = only(await diagnostics(text), 'gate.malformed');
    assert.deepEqual({ offset: d.offset, length: d.length }, spanOfText(text, bad), bad);
  }
});

test('a sensitive column that is a feature is a warning', async () => {
  const text = GOOD.replace('sensitive: [sex, race]', 'sensitive: [sex, age]');
  const d = only(await diagnostics(text), 'fairness.sensitive-is-feature');
  assert.equal(d.severity, 'warning');
});

test('a drift-only spec is valid; sections say what they need', async () => {
  const driftOnly = 'plumb: 1\ndata:\n  reference: data/train.csv\n  current: data/current.csv\ndrift:\n  method: ks\n';
  assert.deepEqual(await diagnostics(driftOnly), []);
  const noCurrent = 'plumb: 1\ndata:\n  reference: data/train.csv\ndrift:\n  method: ks\n';
  const d = only(await diagnostics(noCurrent), 'section.needs-key');
  assert.match(d.message, /`drift` needs `data.current`/);
});

test('monitoring windows are checked', async () => {
  const text = `${GOOD}monitoring:\n  window: 7 days\n`;
  only(await diagnostics(text), 'monitoring.bad-window');
  assert.deepEqual(await diagnostics(`${GOOD}monitoring:\n  window: 7d\n`), []);
});

test('billion laughs and garbage never throw', async () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const ds = await diagnostics(laughs.join('\n'));
  assert.ok(ds.some((d) => d.code === 'yaml.aliases'));
  for (const junk of ['', '---', '- a\n- b', '"just a string"', ':', '\u0000\u0001', '{{{{', 'plumb: 1\nmodel: null\n']) {
    const r = await diagnostics(junk);
    assert.ok(Array.isArray(r));
  }
});
