// Resamples on two threads give the same bits as on one, whichever thread walks which resample, and
// a helper thread that dies or hangs costs time, never a result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryResampleLayout } from './binaryResample';
import { sortedCopy } from './bootstrap';
import { resampleHelpersStarted, walkResamples } from './parallelResamples';
import { prepare } from './prepared';
import { drawSeeds } from './resample';
import type { BinaryInput } from './types';
import { Random } from '../util/random';

function layout() {
  const rng = new Random(4);
  const n = 20_000;
  const y = new Uint8Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.3 ? 1 : 0;
    score[i] = Math.round(Math.min(1, Math.max(0, 0.3 + 0.3 * y[i] + 0.2 * rng.normal())) * 5000) / 5000;
  }
  const input: BinaryInput = { kind: 'binary', y, pred: Uint8Array.from(score, (s) => (s >= 0.5 ? 1 : 0)), score };
  return binaryResampleLayout(prepare(sortedCopy(input)), { binary: true, rank: true, logLossSum: true, brierSum: true, calibration: true })!;
}

const L = layout();
const seeds = drawSeeds(new Random(21), 40);
const alone = walkResamples(L, seeds, { parallel: false });

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

test('two threads, the same numbers as one', () => {
  const before = resampleHelpersStarted();
  const report = { helperWalked: 0 };
  assert.ok(sameBits(walkResamples(L, seeds, { parallel: true, helperFirst: true, report }), alone));
  assert.equal(resampleHelpersStarted(), before + 1);
  assert.ok(report.helperWalked > 0, 'the helper walked at least the resample it took first');
  assert.ok(alone.some((v) => v > 0) && alone.every((v) => Number.isFinite(v)));
});

test('a helper that takes resamples and stops without walking them: the caller walks them', () => {
  const quitter = `const d = require('node:worker_threads').workerData; Atomics.add(d.control, 0, 3); Atomics.store(d.control, 1, 1); Atomics.store(d.control, 2, 1); Atomics.notify(d.control, 2);`;
  const report = { helperWalked: 0 };
  assert.ok(sameBits(walkResamples(L, seeds, { parallel: true, helperProgram: quitter, helperFirst: true, report }), alone));
  assert.equal(report.helperWalked, 0);
});

test('a helper that takes a resample and hangs: the caller walks it after the wait', () => {
  const hang = `const d = require('node:worker_threads').workerData; Atomics.add(d.control, 0, 1); Atomics.store(d.control, 2, 1); Atomics.notify(d.control, 2); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`;
  const report = { helperWalked: 0 };
  assert.ok(sameBits(walkResamples(L, seeds, { parallel: true, helperProgram: hang, minWaitMs: 100, helperFirst: true, report }), alone));
  assert.equal(report.helperWalked, 0);
});

test('a helper that fails to compile: the caller walks everything', () => {
  // (helperFirst would wait 10 s for a start that never comes, so the caller just goes ahead.)
  assert.ok(sameBits(walkResamples(L, seeds, { parallel: true, helperProgram: 'this is not javascript' }), alone));
});
