// The fused resample walk against the separate passes of stats.ts / ranking.ts it replaces (counts,
// ranking summary, log loss and Brier sums, calibration bins): every
// statistic must be bit-for-bit equal (Object.is), on score-sorted inputs with and without ties,
// predictions from the threshold (one cut) or not, byte and 32-bit weights, and rows never drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryResampleLayout, binaryResampleStats } from './binaryResample';
import { prepare } from './prepared';
import { subsetInput } from './slices';
import { MetricStats } from './stats';
import type { BinaryInput } from './types';
import { Random } from '../util/random';

const ALL = { binary: true, rank: true, logLossSum: true, brierSum: true, calibration: true };

function sortedInput(rows: number, seed: number, round: number, flip: number): BinaryInput {
  const rng = new Random(seed);
  const y = new Uint8Array(rows);
  const pred = new Uint8Array(rows);
  const score = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = rng.next() < 0.35 ? 1 : 0;
    let s = Math.min(1, Math.max(0, 0.35 + 0.3 * y[i] + 0.25 * rng.normal()));
    if (round) s = Math.round(s * round) / round;
    score[i] = s;
    pred[i] = s >= 0.5 !== rng.next() < flip ? 1 : 0;
  }
  const input: BinaryInput = { kind: 'binary', y, pred, score };
  return subsetInput(input, prepare(input).rankIndex().order) as BinaryInput;
}

function weights(rng: Random, n: number, wide: boolean, sparse: boolean) {
  const w = wide ? new Int32Array(n) : new Uint8Array(n);
  for (let k = 0; k < n; k++) w[sparse ? rng.int(Math.max(1, n >> 3)) * 8 : rng.int(n)]++;
  return w;
}

for (const [name, round, flip] of [['few ties', 0, 0], ['many ties', 20, 0], ['predictions not from the threshold', 10, 0.2]] as const) {
  test(`${name}: the fused walk equals the separate passes exactly`, () => {
    const input = sortedInput(3000, name.length, round, flip);
    const prep = prepare(input);
    const layout = binaryResampleLayout(prep, ALL);
    assert.ok(layout);
    assert.equal(layout.predCut >= 0, flip === 0, 'a cut exactly when predictions come from the threshold');
    const rng = new Random(1);
    for (let r = 0; r < 6; r++) {
      const w = weights(rng, prep.n, r % 2 === 1, r >= 4);
      const fused = binaryResampleStats(layout, w);
      const plain = new MetricStats(prep, w, prep.n);
      if (flip === 0) assert.deepEqual(fused.binary, plain.binary());
      else assert.equal(fused.binary, undefined);
      assert.deepEqual(fused.rank, plain.rank());
      const rows = prep.n;
      assert.ok(Object.is(fused.logLossSum! / rows, plain.logLoss()), 'log loss');
      assert.ok(Object.is(fused.brierSum! / rows, plain.brier()), 'brier');
      assert.deepEqual(fused.calibration, plain.calibration());
    }
  });
}

test('only what is asked for; no layout for unsorted rows, unusable scores, or probability sums of non-probabilities', () => {
  const input = sortedInput(200, 3, 0, 0);
  const stats = binaryResampleStats(binaryResampleLayout(prepare(input), { binary: false, rank: true, logLossSum: false, brierSum: false, calibration: false })!, new Uint8Array(200).fill(1));
  assert.deepEqual(Object.keys(stats), ['rank']);
  const reversed = subsetInput(input, Int32Array.from({ length: 200 }, (_, i) => 199 - i));
  assert.equal(binaryResampleLayout(prepare(reversed), ALL), null);
  assert.equal(binaryResampleLayout(prepare({ ...input, score: null }), ALL), null);
  const logits: BinaryInput = { ...input, score: input.score!.map((s) => 4 * s - 2) };
  assert.equal(binaryResampleLayout(prepare(logits), ALL), null);
  assert.ok(binaryResampleLayout(prepare(logits), { ...ALL, logLossSum: false, brierSum: false, calibration: false }));
});
