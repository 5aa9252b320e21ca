/**
 * The one sort behind every ranking metric and curve: rows ordered by score, descending, cut into
 * tie groups (scikit-learn's `_binary_clf_curve`: tied scores form one threshold, so they move the
 * curve diagonally). ROC AUC, average precision, the ROC and precision-recall curves and the
 * threshold sweep read the groups; bootstrap resamples walk the same order with row weights.
 */
import { sortDescending } from './sortIndex';

/** Rows in descending score order, with their labels and where each tie group ends. */
export interface RankIndex {
  order: Int32Array;
  /** Label (0/1) of order[j]. */
  ySorted: Uint8Array;
  /** Distinct scores, descending. */
  thr: Float64Array;
  /** Exclusive end (in `order`) of each group. */
  groupEnd: Int32Array;
}

export interface ScoreGroups {
  /** Distinct scores, descending. */
  thr: Float64Array;
  /** Positive / negative rows whose score equals thr[g]. */
  pos: Float64Array;
  neg: Float64Array;
}

/** `score` finite, `y` 0/1. */
export function rankIndex(y: Uint8Array, score: Float64Array): RankIndex {
  const n = score.length;
  const { order, sorted } = sortDescending(score);
  const ySorted = new Uint8Array(n);
  const thr = new Float64Array(n);
  const groupEnd = new Int32Array(n);
  let g = -1;
  let prev = Number.NaN;
  for (let j = 0; j < n; j++) {
    const v = sorted[j];
    ySorted[j] = y[order[j]];
    if (v !== prev) {
      if (g >= 0) groupEnd[g] = j;
      g++;
      thr[g] = v + 0; // -0 and 0 are one tie group, reported as 0
      prev = v;
    }
  }
  if (g >= 0) groupEnd[g] = n;
  return { order, ySorted, thr: thr.slice(0, g + 1), groupEnd: groupEnd.slice(0, g + 1) };
}

/** Positive and negative counts of each tie group. */
export function scoreGroups(ri: RankIndex): ScoreGroups {
  const m = ri.thr.length;
  const pos = new Float64Array(m);
  const neg = new Float64Array(m);
  let j = 0;
  for (let g = 0; g < m; g++) {
    let p = 0;
    const end = ri.groupEnd[g];
    for (; j < end; j++) p += ri.ySorted[j];
    pos[g] = p;
    neg[g] = end - (g ? ri.groupEnd[g - 1] : 0) - p;
  }
  return { thr: ri.thr, pos, neg };
}

export function totals(groups: ScoreGroups): { p: number; n: number } {
  let p = 0;
  let n = 0;
  for (let g = 0; g < groups.pos.length; g++) {
    p += groups.pos[g];
    n += groups.neg[g];
  }
  return { p, n };
}

/**
 * Area under the ROC curve: sum over groups of neg * (positives above + pos / 2), over P * N.
 * Counts are integers, so the sum is exact and the result has one rounding (scikit-learn integrates
 * the same step/diagonal curve with the trapezoid rule). NaN when y has one class.
 */
export function rocAucFromGroups(groups: ScoreGroups): number {
  const { pos, neg } = groups;
  let above = 0;
  let area2 = 0;
  let negTotal = 0;
  for (let g = 0; g < pos.length; g++) {
    const ng = neg[g];
    if (ng !== 0) {
      area2 += ng * (2 * above + pos[g]);
      negTotal += ng;
    }
    above += pos[g];
  }
  if (above === 0 || negTotal === 0) return Number.NaN;
  return area2 / (2 * above * negTotal);
}

/**
 * scikit-learn's average precision: sum over thresholds (descending) of (R_n - R_{n-1}) * P_n,
 * step-wise, not interpolated. With no positive rows scikit-learn sets recall to 1 everywhere and
 * returns 0; so do we (`noPositives`).
 */
export function averagePrecisionFromGroups(groups: ScoreGroups): { value: number; noPositives: boolean } {
  const { pos, neg } = groups;
  const { p } = totals(groups);
  if (p === 0) return { value: 0, noPositives: true };
  let tp = 0;
  let fp = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let g = 0; g < pos.length; g++) {
    tp += pos[g];
    fp += neg[g];
    const recall = tp / p;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  }
  return { value: ap, noPositives: false };
}

export interface RankSummary {
  /** Positive and negative rows (weighted). */
  p: number;
  n: number;
  /** NaN when p or n is 0. */
  auc: number;
  /** 0 when p is 0 (see averagePrecisionFromGroups). */
  ap: number;
}

export function rankSummary(groups: ScoreGroups): RankSummary {
  const { p, n } = totals(groups);
  return { p, n, auc: rocAucFromGroups(groups), ap: averagePrecisionFromGroups(groups).value };
}

/**
 * The same summary for one bootstrap resample, given per-row multiplicities `w`, in one walk of
 * the sorted rows (nothing allocated, nothing re-sorted). Groups with no drawn row are no threshold:
 * they add +0 to every sum (the max keeps 0 / 0 out of the AP term), so the walk needs no branch on
 * the data. The sums start from a Float64Array's zero so V8 keeps them as doubles (see
 * binaryResample.ts, which fuses this walk with the other binary statistics).
 */
export function weightedRankSummary(ri: RankIndex, w: Uint8Array | Int32Array): RankSummary {
  const { order, ySorted, groupEnd } = ri;
  const z = new Float64Array(1);
  let above = z[0];
  let area2 = z[0];
  let negTotal = z[0];
  let apNum = z[0];
  let j = 0;
  for (let g = 0; g < groupEnd.length; g++) {
    let gp = z[0];
    let gc = z[0];
    const end = groupEnd[g];
    for (; j < end; j++) {
      const c = w[order[j]];
      gp += c * ySorted[j];
      gc += c;
    }
    const gn = gc - gp;
    area2 += gn * (2 * above + gp);
    above += gp;
    negTotal += gn;
    apNum += gp * (above / Math.max(above + negTotal, 1));
  }
  return {
    p: above,
    n: negTotal,
    auc: above === 0 || negTotal === 0 ? Number.NaN : area2 / (2 * above * negTotal),
    ap: above === 0 ? 0 : apNum / above,
  };
}
