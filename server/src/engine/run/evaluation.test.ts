// The evaluation section's intervals: with the spec's defaults (200 resamples, seed 0) they are
// exactly the pinned intervals of the pre-optimisation bootstrap (metrics/expected/bootstrapPinned.json,
// produced at commit 7409c1e; see metrics/bootstrap.pinned.test.ts), for every binary metric, and
// slices and the seed are passed through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapIntervals, computableMetrics } from '../metrics';
import { pinnedCases } from '../metrics/bootstrapPinnedCases';
import { buildSpec } from '../spec/spec';
import type { Table } from '../data/table';
import { runEvaluation } from './evaluation';
import { CancelledError } from '../errors';

const pinned = JSON.parse(readFileSync(join(__dirname, '..', 'metrics', 'expected', 'bootstrapPinned.json'), 'utf8')) as { cases: { name: string; intervals: unknown }[] };
const CASE = 'binary float32 scores, few ties';
const { input } = pinnedCases().find((c) => c.name === CASE)!;
const rows = input.y.length;
const metrics = computableMetrics('binary');

function spec(evaluation: Record<string, unknown>) {
  return buildSpec({ plumb: 1, name: 't', model: { path: 'm.onnx', task: 'binary-classification', features: ['x'] }, data: { eval: 'd.csv', target: 'y' }, evaluation }, '/tmp/t.plumb.yaml');
}

test('default bootstrap: the pinned intervals of every listed metric', () => {
  const table: Table = { file: 'd.csv', rowCount: rows, columns: [] };
  const { result } = runEvaluation(spec({ metrics }), table, input, [0, 1]);
  const expected = pinned.cases.find((c) => c.name === CASE)!.intervals as Record<string, unknown>;
  assert.deepEqual(result.intervals, Object.fromEntries(metrics.map((m) => [m, expected[m]])));
});

test('the spec seed and resample count reach the bootstrap; slices still computed', () => {
  const codes = Int32Array.from({ length: rows }, (_, i) => i % 3);
  const table: Table = { file: 'd.csv', rowCount: rows, columns: [{ name: 'g', type: 'categorical', codes, categories: ['a', 'b', 'c'], missing: 0 }] };
  const { result } = runEvaluation(spec({ metrics: ['roc_auc', 'log_loss'], bootstrap: 30, seed: 9, slices: ['g'] }), table, input, [0, 1]);
  assert.deepEqual(result.intervals, bootstrapIntervals(['roc_auc', 'log_loss'], input, { n: 30, seed: 9 }));
  assert.notDeepEqual(result.intervals, bootstrapIntervals(['roc_auc', 'log_loss'], input, { n: 30, seed: 10 }));
  assert.equal(result.slices?.[0].slices.length, 3);
});

test('a cancelled run stops in the bootstrap with CancelledError', () => {
  const table: Table = { file: 'd.csv', rowCount: rows, columns: [] };
  let reads = 0;
  // Not cancelled for the point estimates; cancelled once the resamples start asking.
  const signal = {
    get cancelled() {
      return ++reads > 1;
    },
  };
  assert.throws(() => runEvaluation(spec({ metrics, bootstrap: 500 }), table, input, [0, 1], signal), (e: unknown) => e instanceof CancelledError);
  assert.ok(reads >= 2);
});
