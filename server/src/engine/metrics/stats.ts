/**
 * Sufficient statistics of one evaluation of an input: over all rows (`w` null), or over a bootstrap
 * resample given as per-row multiplicities `w` (so a resample never copies or re-sorts the data).
 * Each statistic is computed on first use and shared by every metric of that evaluation.
 */
import type { Prepared } from './prepared';
import { rankSummary, weightedRankSummary, type RankSummary } from './ranking';
import type { BinaryInput, MulticlassInput, RegressionInput } from './types';

/** Per-row multiplicities of a bootstrap resample (Uint8Array unless a row is drawn over 255 times). */
export type Weights = Uint8Array | Int32Array;

export interface BinaryCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  n: number;
}

/**
 * What the regression metrics need, in one or two passes. Over all rows the r2 and explained
 * variance sums are two-pass, as scikit-learn computes them; over a resample they come from one
 * pass of sums centred on the full-data means (the resample's own means are close to them).
 */
export interface RegressionMoments {
  rows: number;
  /** Sums of |e|, e^2, |e| / max(|y|, eps) and pred, with e = y - pred. */
  abs: number;
  sq: number;
  ape: number;
  pred: number;
  /** r2 = 1 - r2Num / r2Den; explained_variance = 1 - evNum / evDen (before force_finite). */
  r2Num: number;
  r2Den: number;
  evNum: number;
  evDen: number;
}

/** Statistics a caller already has for this evaluation (a fused bootstrap pass), by MetricStats key. */
export interface KnownStats {
  binary?: BinaryCounts;
  rank?: RankSummary;
  /** Weighted sums of the per-row log loss and of (y - score)^2, before dividing by rows(). */
  logLossSum?: number;
  brierSum?: number;
  /** Per calibration bin: weighted rows, score sum and label sum. */
  calibration?: { count: Float64Array; sumProb: Float64Array; sumTrue: Float64Array };
}

export class MetricStats {
  private memo = new Map<string, unknown>();

  /**
   * `total`: the sum of `w` when the caller knows it (a bootstrap resample has as many rows as the data).
   * `known`: statistics computed elsewhere, used instead of computing them here. `onlyKnown`: the
   * weights are not at hand (`w` is null but doesn't mean all rows), so asking for any other
   * statistic than `known` and rows() (from `total`) is an error rather than a full-data value.
   */
  constructor(readonly prep: Prepared, readonly w: Weights | null, private readonly total?: number, known?: KnownStats, private readonly onlyKnown = false) {
    if (known) for (const [k, v] of Object.entries(known)) if (v !== undefined) this.memo.set(k, v);
    if (onlyKnown && total === undefined) throw new Error('MetricStats: onlyKnown needs the row total');
  }

  /** The statistics the metrics asked for so far (keys of KnownStats among them). */
  used(): string[] {
    return [...this.memo.keys()];
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) {
      if (this.onlyKnown && key !== 'rows') throw new Error(`MetricStats: statistic \`${key}\` was not computed for this resample. This is a bug in the bootstrap; please report it.`);
      this.memo.set(key, make());
    }
    return this.memo.get(key) as T;
  }

  /** Number of rows (with multiplicity). */
  rows(): number {
    return this.once('rows', () => {
      if (this.total !== undefined) return this.total;
      if (!this.w) return this.prep.n;
      let s = 0;
      for (let i = 0; i < this.w.length; i++) s += this.w[i];
      return s;
    });
  }

  binary(): BinaryCounts {
    return this.once('binary', () => {
      const { y, pred } = this.prep.input as BinaryInput;
      const c = new Float64Array(4);
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

  /** Binary ranking summary (AUC, AP, class totals); scores must be usable. */
  rank(): RankSummary {
    return this.once('rank', () => (this.w ? weightedRankSummary(this.prep.rankIndex(), this.w) : rankSummary(this.prep.groups())));
  }

  /** One-vs-rest ranking summary of class c; probabilities must be usable. */
  ovrRank(c: number): RankSummary {
    return this.once(`ovr${c}`, () => (this.w ? weightedRankSummary(this.prep.ovrRankIndex(c), this.w) : rankSummary(this.prep.ovrGroups(c))));
  }

  /** Weighted mean of a per-row array. */
  mean(values: Float64Array): number {
    return weightedSum(values, this.w) / this.rows();
  }

  /** Mean log loss (binary or multiclass); probabilities must be usable. */
  logLoss(): number {
    return this.once('logLossSum', () => weightedSum(this.prep.rowLogLoss(), this.w)) / this.rows();
  }

  /** Brier score, mean of (y - score)^2 (binary); scores must be probabilities. */
  brier(): number {
    return (
      this.once('brierSum', () => {
        const { y, score } = this.prep.input as BinaryInput;
        const w = this.w;
        let sum = 0;
        for (let i = 0; i < y.length; i++) {
          const d = y[i] - score![i];
          sum += (w ? w[i] : 1) * d * d;
        }
        return sum;
      }) / this.rows()
    );
  }

  /** Per calibration bin (10 uniform): rows, sum of probabilities, sum of labels. */
  calibration(): { count: Float64Array; sumProb: Float64Array; sumTrue: Float64Array } {
    return this.once('calibration', () => {
      const { y, score } = this.prep.input as BinaryInput;
      return binSums(this.prep.calibrationBins(), 10, y, score!, this.w);
    });
  }

  regression(): RegressionMoments {
    return this.once('regression', () => (this.w ? weightedMoments(this.prep, this.w, this.rows()) : moments(this.prep)));
  }
}

const EPS = 2 ** -52;

function weightedSum(values: Float64Array, w: Weights | null): number {
  let s = 0;
  if (w) for (let i = 0; i < values.length; i++) s += w[i] * values[i];
  else for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

function moments(prep: Prepared): RegressionMoments {
  const { y, pred } = prep.input as RegressionInput;
  const n = y.length;
  let sy = 0, se = 0, abs = 0, sq = 0, ape = 0, sp = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const e = yi - pred[i];
    const a = Math.abs(e);
    sy += yi;
    se += e;
    abs += a;
    sq += e * e;
    ape += a / Math.max(Math.abs(yi), EPS);
    sp += pred[i];
  }
  const yMean = sy / n;
  const eMean = se / n;
  let ssY = 0;
  let ssE = 0;
  for (let i = 0; i < n; i++) {
    const dy = y[i] - yMean;
    const de = y[i] - pred[i] - eMean;
    ssY += dy * dy;
    ssE += de * de;
  }
  return { rows: n, abs, sq, ape, pred: sp, r2Num: sq, r2Den: ssY, evNum: ssE / n, evDen: ssY / n };
}

function weightedMoments(prep: Prepared, w: Weights, rows: number): RegressionMoments {
  const { y, pred } = prep.input as RegressionInput;
  const { yMean, eMean } = prep.regressionMeans();
  // No branch on c === 0: a row never drawn adds +-0, which changes no sum (all terms are finite).
  let abs = 0, sq = 0, ape = 0, sp = 0, yc = 0, yc2 = 0, ec = 0, ec2 = 0;
  for (let i = 0; i < y.length; i++) {
    const c = w[i];
    const yi = y[i];
    const e = yi - pred[i];
    const a = Math.abs(e);
    const dy = yi - yMean;
    const de = e - eMean;
    abs += c * a;
    sq += c * e * e;
    ape += (c * a) / Math.max(Math.abs(yi), EPS);
    sp += c * pred[i];
    yc += c * dy;
    yc2 += c * dy * dy;
    ec += c * de;
    ec2 += c * de * de;
  }
  return {
    rows, abs, sq, ape, pred: sp,
    r2Num: sq,
    r2Den: Math.max(0, yc2 - (yc * yc) / rows),
    evNum: Math.max(0, ec2 / rows - (ec / rows) ** 2),
    evDen: Math.max(0, yc2 / rows - (yc / rows) ** 2),
  };
}

/** np.bincount-style sums per bin, optionally weighted (a row never drawn adds +-0: no branch). */
export function binSums(bins: Uint8Array | Int32Array, nBins: number, y: Uint8Array, p: Float64Array, w: Weights | null) {
  const count = new Float64Array(nBins);
  const sumProb = new Float64Array(nBins);
  const sumTrue = new Float64Array(nBins);
  for (let i = 0; i < bins.length; i++) {
    const c = w ? w[i] : 1;
    const b = bins[i];
    count[b] += c;
    sumProb[b] += c * p[i];
    sumTrue[b] += c * y[i];
  }
  return { count, sumProb, sumTrue };
}
