// Stage rules with exact ranges (offsets into the YAML), as spec validation is tested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanOfText } from '../spec/testing';
import { diagnose } from './testing';

const GOOD = `plumb: 1
kind: pipeline
name: release
stages:
  prepare:
    cmd: python prepare.py
    deps: [raw.csv]
    outs: [data/train.csv, data/eval.csv]
  train:
    cmd: python train.py
    deps: [./data/train.csv]
    outs: [model.onnx]
  check:
    spec: model.plumb.yaml
    deps: [model.onnx, stage:prepare]
  publish:
    cmd: ./publish.sh
    after: [check]
`;

test('a valid pipeline has no diagnostics', async () => {
  assert.deepEqual(await diagnose(GOOD), []);
});

test('unknown stage in `after`: on the name, with a did-you-mean fix', async () => {
  const text = GOOD.replace('after: [check]', 'after: [chekc]');
  const d = await diagnose(text);
  assert.equal(d.length, 1);
  const span = spanOfText(text, 'chekc');
  assert.equal(d[0].code, 'pipeline.unknown-stage');
  assert.equal(d[0].severity, 'error');
  assert.deepEqual({ offset: d[0].offset, length: d[0].length }, span);
  assert.match(d[0].message, /`stages.publish.after\[0\]`: there is no stage `chekc`. Did you mean `check`\?/);
  assert.deepEqual(d[0].fixes![0].edits, [{ ...span, text: 'check' }]);
});

test('unknown stage in `deps` (stage:NAME): the fix keeps the prefix', async () => {
  const text = GOOD.replace('stage:prepare', 'stage:prepar');
  const d = await diagnose(text);
  assert.equal(d.length, 1);
  const span = spanOfText(text, 'stage:prepar');
  assert.deepEqual({ code: d[0].code, offset: d[0].offset, length: d[0].length }, { code: 'pipeline.unknown-stage', ...span });
  assert.deepEqual(d[0].fixes![0].edits, [{ ...span, text: 'stage:prepare' }]);
});

test('unknown stage with nothing close lists the stages', async () => {
  const d = await diagnose(GOOD.replace('after: [check]', 'after: [deploy-to-prod]'));
  assert.match(d[0].message, /Stages: prepare, train, check, publish\./);
  assert.equal(d[0].fixes, undefined);
});

test('a dependency cycle is named, on the key of its earliest stage', async () => {
  // prepare now needs publish's output, and publish runs after check, which needs train, which needs prepare.
  const text = GOOD.replace('deps: [raw.csv]', 'deps: [raw.csv, release.txt]').replace('after: [check]', 'after: [check]\n    outs: [release.txt]');
  const d = await diagnose(text);
  assert.equal(d.length, 1);
  assert.equal(d[0].code, 'pipeline.cycle');
  assert.deepEqual({ offset: d[0].offset, length: d[0].length }, spanOfText(text, 'prepare'));
  assert.match(d[0].message, /dependency cycle prepare -> train -> check -> publish -> prepare: `train` needs `prepare` \(its output `.\/data\/train.csv`\), `check` needs `train` \(its output `model.onnx`\), `publish` needs `check` \(`after`\), `prepare` needs `publish` \(its output `release.txt`\)/);
});

test('a stage after itself is a cycle of one', async () => {
  const text = GOOD.replace('after: [check]', 'after: [publish]');
  const d = await diagnose(text);
  assert.equal(d.length, 1);
  assert.equal(d[0].code, 'pipeline.cycle');
  assert.deepEqual({ offset: d[0].offset, length: d[0].length }, spanOfText(text, 'publish', 0));
  assert.match(d[0].message, /cycle publish -> publish/);
});

test('two stages producing one output: on the second one\'s item, whatever the spelling', async () => {
  const text = GOOD.replace('outs: [model.onnx]', 'outs: [model.onnx, ./data/eval.csv]');
  const d = await diagnose(text);
  assert.equal(d.length, 1);
  assert.deepEqual({ code: d[0].code, offset: d[0].offset, length: d[0].length }, { code: 'pipeline.duplicate-output', ...spanOfText(text, './data/eval.csv') });
  assert.match(d[0].message, /`stages.train.outs\[1\]`: `.\/data\/eval.csv` is also produced by stage `prepare`/);
});

test('a model spec that does not exist: on the path', async () => {
  const text = GOOD.replace('spec: model.plumb.yaml', 'spec: models.plumb.yaml');
  const d = await diagnose(text);
  assert.equal(d.length, 1);
  assert.deepEqual({ code: d[0].code, offset: d[0].offset, length: d[0].length }, { code: 'pipeline.missing-spec', ...spanOfText(text, 'models.plumb.yaml') });
  assert.match(d[0].message, /models.plumb.yaml does not exist \(looked for \/ws\/models.plumb.yaml\)/);
});

test('a stage spec that is itself a pipeline is an error', async () => {
  const d = await diagnose(GOOD, { '/ws/model.plumb.yaml': 'plumb: 1\nkind: pipeline\nstages: {}\n' });
  assert.deepEqual(d.map((x) => [x.code, x.severity]), [['pipeline.bad-spec', 'error']]);
});

test('a pipeline without stages, and stages in a model spec', async () => {
  const text = 'plumb: 1\nkind: pipeline\nname: x\n';
  const d = await diagnose(text);
  assert.deepEqual(d.map((x) => [x.code, x.offset, x.length]), [['pipeline.no-stages', text.indexOf('kind'), 4]]);
  const model = 'plumb: 1\nstages:\n  a: { cmd: x }\n';
  const m = await diagnose(model);
  assert.deepEqual(m.map((x) => [x.code, x.severity, x.offset, x.length]), [['pipeline.not-a-pipeline', 'warning', model.indexOf('stages'), 6]]);
});
