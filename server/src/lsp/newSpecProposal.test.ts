import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { readModelSignature } from '../engine/model/onnxSignature';
import { loadTable } from '../engine/data';
import { CachedFileInfo } from '../engine/spec/fileInfo';
import { validateSpecText } from '../engine/spec/validate';
import { parseSpecText } from '../engine/spec/document';
import { summarizeColumn } from './newSpec';
import { freeSpecPath, proposeSpec, specText, targetCandidates, yamlScalar, type ModelSummary } from './newSpecProposal';

const ROOT = resolve(__dirname, '../../..');
const MODELS = join(ROOT, 'test/fixtures/models');

async function describe(modelPath: string, dataPath: string) {
  const sig = await readModelSignature(modelPath);
  const model: ModelSummary = { inputs: sig.inputs, outputs: sig.outputs, classLabels: sig.classLabels, zipmap: !!sig.zipmap };
  const columns = (await loadTable(dataPath, { maxRows: 2000 })).columns.map(summarizeColumn);
  return { model, columns };
}

/** Drafts a spec beside a copy of the model in `dir` and validates it like an open spec. */
async function draft(dir: string, model: string, data: string, target: string | null) {
  const modelPath = join(dir, model.replace(/^.*\//, ''));
  copyFileSync(model.startsWith('/') ? model : join(MODELS, model), modelPath);
  const d = await describe(modelPath, data);
  const proposal = proposeSpec(d.model, d.columns, target);
  const specPath = freeSpecPath(modelPath, () => false);
  const text = specText(proposal, { specPath, modelPath, dataPath: data });
  const v = await validateSpecText(text, specPath, new CachedFileInfo());
  return { ...d, proposal, text, errors: v.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message), value: parseSpecText(text).value as Record<string, Record<string, unknown>> };
}

test('credit-risk: the target is `default`, binary with positive label 1, features from the [N, 12] input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-newspec-'));
  try {
    const data = join(ROOT, 'examples/credit-risk/data/eval.csv');
    const r = await draft(dir, join(ROOT, 'examples/credit-risk/models/credit-default.onnx'), data, 'default');
    assert.equal(targetCandidates(r.columns, r.model)[0].column, 'default');
    assert.equal(r.proposal.task, 'binary-classification');
    assert.equal(r.proposal.positiveLabel, 1);
    assert.equal(r.proposal.input, 'float_input');
    // The first 12 numeric columns of eval.csv (sex, education and marriage are text), target excluded.
    assert.deepEqual(r.proposal.features, ['limit_bal', 'age', 'repay_status_1', 'repay_status_2', 'repay_status_3', 'repay_status_4', 'repay_status_5', 'repay_status_6', 'bill_amt1', 'bill_amt2', 'bill_amt3', 'bill_amt4']);
    assert.ok(r.proposal.warnings.some((w) => w.includes('check that the first 12')), 'more numeric columns than inputs is flagged');
    assert.deepEqual(r.errors, []);
    assert.equal(r.value.data.eval, relative(dir, data));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one input per feature: features are the input names; a binary `label` column is the target', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-newspec-'));
  try {
    const data = join(dir, 'loans.csv');
    writeFileSync(data, 'id,age,income,debt,label\n1,30,2.5,0.5,0\n2,45,1.0,1.5,1\n3,22,0.5,0.25,0\n');
    const r = await draft(dir, 'per-feature.onnx', data, 'label');
    assert.deepEqual(targetCandidates(r.columns, r.model).map((t) => t.column), ['label']);
    assert.deepEqual(r.proposal.features, ['age', 'income', 'debt']);
    assert.equal(r.proposal.input, undefined);
    assert.equal(r.proposal.task, 'binary-classification');
    assert.deepEqual(r.errors, []);
    assert.equal(r.value.data.eval, 'loans.csv');
    assert.equal(r.value.model.path, 'per-feature.onnx');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('three class labels make a multiclass spec; a numeric target without labels makes a regression', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-newspec-'));
  try {
    const bands = join(dir, 'bands.csv');
    writeFileSync(bands, 'x1,x2,risk_band\n0.1,0.2,low\n1,2,high\n0.5,0.5,medium\n');
    const m = await draft(dir, 'multiclass-strings.onnx', bands, 'risk_band');
    assert.equal(m.proposal.task, 'multiclass-classification');
    assert.equal(m.proposal.positiveLabel, undefined);
    assert.deepEqual(m.proposal.features, ['x1', 'x2']);
    assert.deepEqual(m.errors, []);

    const houses = join(dir, 'houses.csv');
    writeFileSync(houses, `rooms,age,distance,price\n${Array.from({ length: 30 }, (_, i) => `${i % 5},${i},${i / 2},${100 + i * 3.5}`).join('\n')}\n`);
    const r = await draft(dir, 'linear-regressor.onnx', houses, 'price');
    assert.equal(r.proposal.task, 'regression');
    assert.deepEqual(r.proposal.features, ['rooms', 'age', 'distance']);
    assert.deepEqual(targetCandidates(r.columns, r.model), [], '`price` has many values and no target-like name');
    assert.deepEqual(r.errors, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('target candidates: named ones first, binary before many-valued, datetimes and model inputs never', () => {
  const model: ModelSummary = { inputs: [{ name: 'y', elemType: 'float', shape: [null, 1] }, { name: 'b', elemType: 'float', shape: [null, 1] }], outputs: [], classLabels: null, zipmap: false };
  const cols = [
    { name: 'flag', type: 'numeric' as const, distinct: 2, values: [0, 1] },
    { name: 'y', type: 'numeric' as const, distinct: 2, values: [0, 1] },
    { name: 'targetClass', type: 'categorical' as const, distinct: 4, values: ['a', 'b', 'c', 'd'] },
    { name: 'is_fraud', type: 'boolean' as const, distinct: 2, values: [0, 1] },
    { name: 'when', type: 'datetime' as const, distinct: 2 },
    { name: 'label', type: 'numeric' as const, distinct: 21 },
  ];
  assert.deepEqual(targetCandidates(cols, model).map((t) => t.column), ['is_fraud', 'targetClass', 'flag']);
});

test('no target: the spec has no evaluation section and still validates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-newspec-'));
  try {
    const data = join(dir, 'x.csv');
    writeFileSync(data, 'a,b\n1,2\n3,4\n');
    const r = await draft(dir, 'score-n.onnx', data, null);
    assert.equal(r.value.evaluation, undefined);
    assert.deepEqual(r.proposal.features, ['a', 'b']);
    assert.deepEqual(r.errors, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('YAML scalars are quoted when plain text would change meaning; spec names never overwrite', () => {
  assert.equal(yamlScalar('bill_amt1'), 'bill_amt1');
  assert.equal(yamlScalar('yes'), '"yes"');
  assert.equal(yamlScalar('a b: c'), '"a b: c"');
  assert.equal(yamlScalar('#x'), '"#x"');
  assert.equal(yamlScalar(1), '1');
  const taken = new Set(['/m/model.plumb.yaml', '/m/model-2.plumb.yaml']);
  assert.equal(freeSpecPath('/m/model.onnx', (p) => taken.has(p)), '/m/model-3.plumb.yaml');
  assert.equal(freeSpecPath('/m/other.ONNX', (p) => taken.has(p)), '/m/other.plumb.yaml');
});
