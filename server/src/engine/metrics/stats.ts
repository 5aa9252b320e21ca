/**
 * Sufficient statistics of one evaluation of an input: over all rows (`w` null), or over a bootstrap
 * resample given as per-row multiplicities `w` (so a resample never copies or re-sorts the data).
 * Each statistic is computed on first use and shared by every metric of that evaluation.
 */
import type { Prepared } from './prepared';
import { weightedGroups, type ScoreGroups } from './ranking';
import type { BinaryInput, MulticlassInput } from './types';

export interface BinaryCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  n: number;
}

export class MetricStats {
  private memo = new Map<string, unknown>();

  constructor(readonly prep: Prepared, readonly w: Int32Array | null) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** Number of rows (with multiplicity). */
  rows(): number {
    return this.once('rows', () => {
      if (!this.w) return this.prep.n;
      let s = 0;
      for (let i = 0; i < this.w.length; i++) s += this.w[i];
      return s;
    });
  }

  binary(): BinaryCounts {
    return this.once('binary', () => {
      const { y, pred } = this.prep.input as BinaryInput;
      const c = [0, 0, 0, 0];
      const w = this.w;
      if (w) for (let i = 0; i < y.length; i++) c[(y[i] << 1) | pred[i]] += w[i];
      else for (let i = 0; i < y.length; i++) c[(y[i] << 1) | pred[i]]++;
      return { tn: c[0], fp: c[1], fn: c[2], tp: c[3], n: c[0] + c[1] + c[2] + c[3] };
    });
  }

  /** Multiclass confusion matrix, row-major k x k, rows = true class, columns = predicted. */
  matrix(): Float64Array {
    return this.once('matrix', () => {
      const { y, pred, classes: k } = this.prep.input as MulticlassInput;
      const m = new Float64Array(k * k);
      const w = this.w;
      if (w) for (let i = 0; i < y.length; i++) m[y[i] * k + pred[i]] += w[i];
      else for (let i = 0; i < y.length; i++) m[y[i] * k + pred[i]]++;
      return m;
    });
  }

  groups(): ScoreGroups {
    return this.once('groups', () => {
      if (!this.w) return this.prep.groups();
      return weightedGroups((this.prep.input as BinaryInput).y, this.prep.groupOf(), this.prep.groups().thr, this.w);
    });
  }

  ovrGroups(c: number): ScoreGroups {
    return this.once(`ovr${c}`, () => {
      if (!this.w) return this.prep.ovrGroups(c);
      return weightedGroups(this.prep.ovr(c).y, this.prep.ovrGroupOf(c), this.prep.ovrGroups(c).thr, this.w);
    });
  }

  /** Weighted mean of a per-row array. */
  mean(values: Float64Array): number {
    const w = this.w;
    let s = 0;
    if (w) for (let i = 0; i < values.length; i++) s += w[i] * values[i];
    else for (let i = 0; i < values.length; i++) s += values[i];
    return s / this.rows();
  }

  /** Per calibration bin (10 uniform): rows, sum of probabilities, sum of labels. */
  calibration(): { count: Float64Array; sumProb: Float64Array; sumTrue: Float64Array } {
    return this.once('calibration', () => {
      const { y, score } = this.prep.input as BinaryInput;
      const bins = this.prep.calibrationBins();
      return binSums(bins, 10, y, score!, this.w);
    });
  }
}

/** np.bincount-style sums per bin, optionally weighted. */
export function binSums(bins: Uint8Array | Int32Array, nBins: number, y: Uint8Array, p: Float64Array, w: Int32Array | null) {
  const count = new Float64Array(nBins);
  const sumProb = new Float64Array(nBins);
  const sumTrue = new Float64Array(nBins);
  for (let i = 0; i < bins.length; i++) {
    const c = w ? w[i] : 1;
    if (c === 0) continue;
    const b = bins[i];
    count[b] += c;
    sumProb[b] += c * p[i];
    sumTrue[b] += c * y[i];
  }
  return { count, sumProb, sumTrue };
}
