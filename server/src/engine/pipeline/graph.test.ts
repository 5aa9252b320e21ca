import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCycles, needs, stageGraph, stageOrder } from './graph';
import { parsePipeline } from './parsePipeline';

const pipeline = (stages: Record<string, unknown>) => parsePipeline({ plumb: 1, kind: 'pipeline', stages }, '/ws/p.plumb.yaml');

test('order: every stage after what it needs; otherwise in the order written', () => {
  const p = pipeline({
    report: { after: ['evaluate'] },
    evaluate: { deps: ['model.onnx', 'data/eval.csv'] },
    lint: { cmd: 'x' },
    train: { deps: ['./data/train.csv'], outs: ['model.onnx'] },
    prepare: { outs: ['data/train.csv', 'data/eval.csv'] },
  });
  const g = stageGraph(p);
  assert.deepEqual(stageOrder(p, g.edges), ['lint', 'prepare', 'train', 'evaluate', 'report']);
  assert.deepEqual(needs('evaluate', g.edges).sort(), ['prepare', 'train']);
  assert.deepEqual(findCycles(p, g.edges), []);
  assert.deepEqual(g.producers, { 'data/train.csv': 'prepare', 'data/eval.csv': 'prepare', 'model.onnx': 'train' });
});

test('cycles: no order; each cycle found once, from its earliest-written stage', () => {
  const p = pipeline({ a: { after: ['c'] }, b: { after: ['a'] }, c: { after: ['b'] }, d: { after: ['d'] }, e: {} });
  const g = stageGraph(p);
  assert.equal(stageOrder(p, g.edges), null);
  assert.deepEqual(findCycles(p, g.edges).map((c) => c.stages), [['a', 'b', 'c'], ['d']]);
});

test('unknown references and duplicate outputs are collected with their paths', () => {
  const p = pipeline({ a: { outs: ['x'], after: ['zz'] }, b: { outs: ['./x'], deps: ['stage:yy'] } });
  const g = stageGraph(p);
  assert.deepEqual(g.unknown, [{ stage: 'a', name: 'zz', via: ['stages', 'a', 'after', 0] }, { stage: 'b', name: 'yy', via: ['stages', 'b', 'deps', 0] }]);
  assert.deepEqual(g.duplicateOutputs, [{ out: './x', first: 'a', stage: 'b', via: ['stages', 'b', 'outs', 0] }]);
});
