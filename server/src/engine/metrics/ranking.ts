/**
 * The one sort behind every ranking metric and curve: scikit-learn's `_binary_clf_curve` as distinct
 * scores in descending order with the positive and negative row counts at each (ties form one group,
 * so tied scores move the curve diagonally, as in scikit-learn). ROC AUC, average precision, the
 * ROC and precision-recall curves and the threshold sweep all read these groups.
 *
 * Scores are split by label and each half sorted with the native Float64Array sort (no comparator),
 * then merged from the top; that is one N log N pass over the data, ~100 ms for 1M rows.
 */

export interface ScoreGroups {
  /** Distinct scores, descending. */
  thr: Float64Array;
  /** Positive / negative rows whose score equals thr[g] (weighted counts in the bootstrap). */
  pos: Float64Array;
  neg: Float64Array;
}

/** Groups of `score` (finite) by distinct value; `y` is 0/1. */
export function scoreGroups(y: Uint8Array, score: Float64Array): ScoreGroups {
  const n = score.length;
  let p = 0;
  for (let i = 0; i < n; i++) p += y[i];
  const ps = new Float64Array(p);
  const ns = new Float64Array(n - p);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (y[i]) ps[a++] = score[i];
    else ns[b++] = score[i];
  }
  ps.sort();
  ns.sort();
  const thr = new Float64Array(n);
  const pos = new Float64Array(n);
  const neg = new Float64Array(n);
  let i = p - 1;
  let j = n - p - 1;
  let g = 0;
  while (i >= 0 || j >= 0) {
    const v = i < 0 ? ns[j] : j < 0 ? ps[i] : ps[i] > ns[j] ? ps[i] : ns[j];
    let cp = 0;
    while (i >= 0 && ps[i] === v) { cp++; i--; }
    let cn = 0;
    while (j >= 0 && ns[j] === v) { cn++; j--; }
    thr[g] = v + 0; // -0 and 0 are one tie group, reported as 0
    pos[g] = cp;
    neg[g] = cn;
    g++;
  }
  return { thr: thr.slice(0, g), pos: pos.slice(0, g), neg: neg.slice(0, g) };
}

/** For each row, the index of its score in `thr` (descending distinct scores). Used by the bootstrap. */
export function groupIndex(score: Float64Array, thr: Float64Array): Int32Array {
  const n = score.length;
  const out = new Int32Array(n);
  const last = thr.length - 1;
  for (let i = 0; i < n; i++) {
    const v = score[i];
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (thr[mid] > v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}

/** Per-group positive/negative counts under row weights (bootstrap multiplicities). */
export function weightedGroups(y: Uint8Array, groupOf: Int32Array, thr: Float64Array, w: Int32Array): ScoreGroups {
  const g = thr.length;
  const pos = new Float64Array(g);
  const neg = new Float64Array(g);
  for (let i = 0; i < groupOf.length; i++) {
    const c = w[i];
    if (c === 0) continue;
    if (y[i]) pos[groupOf[i]] += c;
    else neg[groupOf[i]] += c;
  }
  return { thr, pos, neg };
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
 * step-wise, not interpolated. Groups with no rows (weight 0 in a resample) are no threshold.
 * With no positive rows scikit-learn sets recall to 1 everywhere and returns 0; so do we (`noPositives`).
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
    if (pos[g] === 0 && neg[g] === 0) continue;
    tp += pos[g];
    fp += neg[g];
    const recall = tp / p;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  }
  return { value: ap, noPositives: false };
}
