/**
 * Small models and reference computations for the explain tests (not used by the engine).
 * The references are straightforward definitions, written independently of the batched code.
 */
import { Random } from '../util/random';
import type { PredictFn } from './types';

export type RowFn = (z: Float64Array) => number;

/** A PredictFn applying `f` to each row; counts calls and rows in `stats`. */
export function predictOf(k: number, f: RowFn, stats = { calls: 0, rows: 0 }): PredictFn & { stats: typeof stats } {
  const fn = async (X: Float64Array, rows: number): Promise<Float64Array> => {
    stats.calls++;
    stats.rows += rows;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = f(X.subarray(i * k, (i + 1) * k));
    return out;
  };
  return Object.assign(fn, { stats });
}

export function linear(w: number[], b: number): RowFn {
  return (z) => {
    let s = b;
    for (let j = 0; j < w.length; j++) s += w[j] * z[j];
    return s;
  };
}

export function sigmoid(t: number): number {
  return 1 / (1 + Math.exp(-t));
}

/** A non-linear function of 6 features; feature 5 has weight 0. */
export const nonlinear6: RowFn = (z) => sigmoid(0.8 * z[0] - 1.2 * z[1] + 0.5 * z[0] * z[2]) + 0.3 * Math.sin(z[3]) * z[4] + 0 * z[5];

/** A non-linear function of k features: a logistic with pairwise interactions. */
export function interacting(k: number, seed: number): RowFn {
  const rng = new Random(seed);
  const w = Array.from({ length: k }, () => rng.normal());
  const pairs = Array.from({ length: k }, () => [rng.int(k), rng.int(k), 0.5 * rng.normal()] as const);
  return (z) => {
    let s = 0.1;
    for (let j = 0; j < k; j++) s += w[j] * z[j];
    for (const [a, b, c] of pairs) s += c * z[a] * z[b];
    return sigmoid(s);
  };
}

export function randomMatrix(rows: number, k: number, seed: number): Float64Array {
  const rng = new Random(seed);
  const X = new Float64Array(rows * k);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal();
  return X;
}

/** v(S) = mean over background rows b of f(x on S, b elsewhere), computed row by row. */
export function coalitionValue(f: RowFn, x: Float64Array, B: Float64Array, k: number, inS: (j: number) => boolean): number {
  const nb = B.length / k;
  let s = 0;
  for (let b = 0; b < nb; b++) {
    const z = new Float64Array(k);
    for (let j = 0; j < k; j++) z[j] = inS(j) ? x[j] : B[b * k + j];
    s += f(z);
  }
  return s / nb;
}

/** Shapley values by definition: the average marginal contribution over all k! orderings. */
export function bruteForceShapley(f: RowFn, x: Float64Array, B: Float64Array, k: number): number[] {
  const cache = new Map<number, number>();
  const v = (mask: number): number => {
    let val = cache.get(mask);
    if (val === undefined) {
      val = coalitionValue(f, x, B, k, (j) => (mask & (1 << j)) !== 0);
      cache.set(mask, val);
    }
    return val;
  };
  const phi = new Array<number>(k).fill(0);
  let orderings = 0;
  const permute = (order: number[], rest: number[]): void => {
    if (rest.length === 0) {
      orderings++;
      let mask = 0;
      for (const j of order) {
        phi[j] += v(mask | (1 << j)) - v(mask);
        mask |= 1 << j;
      }
      return;
    }
    for (let i = 0; i < rest.length; i++) permute([...order, rest[i]], [...rest.slice(0, i), ...rest.slice(i + 1)]);
  };
  permute([], Array.from({ length: k }, (_, j) => j));
  return phi.map((p) => p / orderings);
}

export function names(k: number): string[] {
  return Array.from({ length: k }, (_, j) => `f${j}`);
}

/** The contributions in column order. */
export function phiOf(contributions: Record<string, number>, k: number): number[] {
  return names(k).map((n) => contributions[n]);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
