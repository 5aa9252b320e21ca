/**
 * Test inputs whose bootstrap intervals are pinned in expected/bootstrapPinned.json (see
 * expected/pinBootstrap.ts): deterministic, built from util/random with fixed seeds, covering few and
 * many score ties, signed zeros, scores at 0 and 1, labels only, non-probability scores, tiny inputs
 * where many resamples hold one class, multiclass and regression. Changing this file changes the
 * inputs and invalidates the pinned values.
 */
import { computableMetrics } from './compute';
import { loadCases } from './expectedCases';
import type { BootstrapOptions } from './bootstrap';
import type { MetricInput } from './types';
import { Random } from '../util/random';

export interface PinnedCase {
  name: string;
  names: string[];
  input: MetricInput;
  options: BootstrapOptions;
}

function binary(rows: number, seed: number, opts: { round?: number; flip?: number; zeros?: boolean; logits?: boolean }): MetricInput {
  const rng = new Random(seed);
  const y = new Uint8Array(rows);
  const pred = new Uint8Array(rows);
  const score = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = rng.next() < 0.4 ? 1 : 0;
    const z = 1.2 * (y[i] - 0.4) + rng.normal();
    let s = opts.logits ? z : Math.fround(1 / (1 + Math.exp(-2 * z)));
    if (opts.round) s = Math.round(s * opts.round) / opts.round;
    if (opts.zeros && i % 17 === 0) s = i % 34 === 0 ? -0 : 0;
    if (opts.zeros && i % 23 === 0) s = 1;
    score[i] = s;
    pred[i] = s >= 0.5 ? 1 : 0;
    if (opts.flip && rng.next() < opts.flip) pred[i] ^= 1;
  }
  return { kind: 'binary', y, pred, score };
}

function multiclass(rows: number, seed: number): MetricInput {
  const rng = new Random(seed);
  const k = 3;
  const y = new Int32Array(rows);
  const pred = new Int32Array(rows);
  const proba = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) {
    y[i] = rng.int(k);
    let sum = 0;
    const e = [0, 0, 0];
    for (let c = 0; c < k; c++) {
      e[c] = Math.exp((c === y[i] ? 1 : 0) + rng.normal());
      sum += e[c];
    }
    let best = 0;
    for (let c = 0; c < k; c++) {
      proba[i * k + c] = Math.round((e[c] / sum) * 1000) / 1000;
      if (proba[i * k + c] > proba[i * k + best]) best = c;
    }
    pred[i] = best;
  }
  return { kind: 'multiclass', classes: k, y, pred, proba };
}

function regression(rows: number, seed: number): MetricInput {
  const rng = new Random(seed);
  const y = new Float64Array(rows);
  const pred = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = i % 50 === 0 ? 0 : 20 + 5 * rng.normal();
    pred[i] = Math.round((y[i] + 2 * rng.normal() + 0.3) * 10) / 10;
  }
  return { kind: 'regression', y, pred };
}

export function pinnedCases(): PinnedCase[] {
  const all = (input: MetricInput) => computableMetrics(input.kind);
  const generated: [string, MetricInput, BootstrapOptions][] = [
    ['binary float32 scores, few ties', binary(3000, 1, {}), {}],
    ['binary heavy ties, predictions not from the threshold', binary(2000, 2, { round: 20, flip: 0.1 }), { n: 150, seed: 42, level: 0.9 }],
    ['binary signed zeros, scores at 0 and 1', binary(1500, 3, { round: 1000, zeros: true }), { n: 120, seed: 7 }],
    ['binary scores not probabilities', binary(1000, 4, { logits: true }), { n: 100, seed: 9 }],
    ['binary 12 rows', binary(12, 5, { round: 4 }), { n: 200, seed: 1 }],
    ['multiclass 3 classes', multiclass(1500, 6), { n: 120, seed: 3 }],
    ['regression', regression(2000, 8), { n: 150, seed: 5 }],
  ];
  const out: PinnedCase[] = generated.map(([name, input, options]) => ({ name, names: all(input), input, options }));
  for (const file of ['binary', 'multiclass', 'regression'] as const) {
    for (const c of loadCases(file)) out.push({ name: `${file}/${c.name}`, names: all(c.input), input: c.input, options: { n: 60, seed: 13 } });
  }
  return out;
}
