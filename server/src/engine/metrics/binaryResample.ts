/**
 * Every statistic the binary metrics of a bootstrap resample need, in one walk of the rows: the
 * confusion counts, the ranking summary (ROC AUC, average precision), and the weighted sums behind
 * log loss and the Brier score. The rows must already be in descending score order (bootstrap.ts
 * resamples a score-sorted copy), so the walk reads every array in sequence and score ties are
 * contiguous runs.
 *
 * The results are bit-for-bit those of the separate passes in stats.ts / ranking.ts: integer counts
 * are exact in any order, and each floating-point sum adds the same terms in the same order (a
 * row drawn 0 times adds +0, which changes no sum). Singleton score groups, which are nearly all
 * groups for float scores, take a branch-free path; runs of tied scores are summed first and then
 * enter the AUC / AP sums as one threshold, as in weightedRankSummary.
 */
import type { Prepared } from './prepared';
import type { RankSummary } from './ranking';
import type { BinaryCounts, KnownStats, Weights } from './stats';
import type { BinaryInput } from './types';

export interface BinaryResampleNeeds {
  binary: boolean;
  rank: boolean;
  logLossSum: boolean;
  brierSum: boolean;
}

/** The sorted rows, laid out for the walk. */
export interface BinaryResampleLayout {
  n: number;
  y: Uint8Array;
  /**
   * The rows cut into segments that cover 0..n in order: runs of rows that are each their own score
   * group (tie 0) and runs of tied scores (tie 1). The walk handles each kind in its own loop.
   */
  segStart: Int32Array;
  segEnd: Int32Array;
  segTie: Uint8Array;
  /**
   * Predictions are 1 on rows [0, predCut) and 0 after (they come from thresholding the score), so
   * TP and FP are the positives and negatives above the cut. -1 when not so: then the confusion
   * counts are left to stats.ts.
   */
  predCut: number;
  /** Per-row log loss and y - score; zeros when not needed, which keeps the walk free of tests. */
  logLoss: Float64Array;
  diff: Float64Array;
  needs: BinaryResampleNeeds;
}

/**
 * The layout for `prep` (rows in descending score order), or null when the fused walk doesn't apply:
 * scores unusable for what is needed, rows not in score order, or so many rows (over 2^26) that the
 * AUC's integer sums could leave float64's exact range, where the order of additions would matter.
 */
export function binaryResampleLayout(prep: Prepared, needs: BinaryResampleNeeds): BinaryResampleLayout | null {
  const input = prep.input as BinaryInput;
  const n = prep.n;
  if (input.kind !== 'binary' || prep.scoreIssue() || n > 2 ** 26) return null;
  if ((needs.logLossSum || needs.brierSum) && prep.probabilityIssue()) return null;
  const { order, groupEnd } = prep.rankIndex();
  for (let j = 0; j < n; j++) if (order[j] !== j) return null;

  let predCut = 0;
  while (predCut < n && input.pred[predCut] === 1) predCut++;
  for (let j = predCut; j < n && predCut >= 0; j++) if (input.pred[j] !== 0) predCut = -1;

  const starts: number[] = [];
  const tie: number[] = [];
  let open = false; // inside a run of singleton groups
  for (let g = 0, start = 0; g < groupEnd.length; start = groupEnd[g++]) {
    const single = groupEnd[g] - start === 1;
    if (predCut > start && predCut < groupEnd[g]) predCut = -1; // the cut splits tied rows
    if (!single || !open || start === predCut) {
      starts.push(start);
      tie.push(single ? 0 : 1);
    }
    open = single;
  }
  const segs = starts.length;
  const segStart = Int32Array.from(starts);
  const segEnd = new Int32Array(segs);
  for (let s = 0; s < segs; s++) segEnd[s] = s + 1 < segs ? segStart[s + 1] : n;
  if (predCut < 0) needs = { ...needs, binary: false };

  const diff = new Float64Array(n);
  if (needs.brierSum) for (let i = 0; i < n; i++) diff[i] = input.y[i] - input.score![i];
  const logLoss = needs.logLossSum ? prep.rowLogLoss() : new Float64Array(n);
  return { n, y: input.y, segStart, segEnd, segTie: Uint8Array.from(tie), predCut, logLoss, diff, needs };
}

const ZEROS = new Float64Array(1);

/** The statistics of one resample with per-row multiplicities `w` (w.length === layout.n). */
export function binaryResampleStats(layout: BinaryResampleLayout, w: Weights): KnownStats {
  const { n, y, segStart, segEnd, segTie, predCut, logLoss: ll, diff, needs } = layout;
  // The sums start from a Float64Array's zeros: V8 then keeps them as doubles in registers; started
  // from the literal 0 they are speculated small integers and the walk runs ~3x slower.
  const z = ZEROS;
  let above = z[0]; // weighted positives so far (TP at the current threshold)
  let negTotal = z[0]; // weighted negatives so far (FP)
  let area2 = z[0];
  let apNum = z[0];
  let llSum = z[0];
  let brSum = z[0];
  let tp = z[0];
  let fp = z[0];
  for (let s = 0; s < segStart.length; s++) {
    let j = segStart[s];
    const end = segEnd[s];
    if (j === predCut) {
      tp = above;
      fp = negTotal;
    }
    if (segTie[s] === 0) {
      // Rows that are each their own score group.
      for (; j < end; j++) {
        const c = w[j];
        const gp = c * y[j];
        const gn = c - gp;
        area2 += gn * (2 * above + gp);
        above += gp;
        negTotal += gn;
        // Branch-free: gp === 0 adds +0, and the max only keeps 0 / 0 (nothing drawn yet) out.
        apNum += gp * (above / Math.max(above + negTotal, 1));
        llSum += c * ll[j];
        const d = diff[j];
        brSum += c * d * d;
      }
    } else {
      // A run of tied scores: one threshold.
      let gp = z[0];
      let gn = z[0];
      for (; j < end; j++) {
        const c = w[j];
        const p = c * y[j];
        gp += p;
        gn += c - p;
        llSum += c * ll[j];
        const d = diff[j];
        brSum += c * d * d;
      }
      if (gp === 0 && gn === 0) continue;
      area2 += gn * (2 * above + gp);
      above += gp;
      negTotal += gn;
      apNum += gp * (above / (above + negTotal));
    }
  }
  if (predCut === n) {
    tp = above;
    fp = negTotal;
  }
  const out: KnownStats = {};
  if (needs.binary) {
    const counts: BinaryCounts = { tn: negTotal - fp, fp, fn: above - tp, tp, n: 0 };
    counts.n = counts.tn + counts.fp + counts.fn + counts.tp;
    out.binary = counts;
  }
  if (needs.rank) {
    out.rank = {
      p: above,
      n: negTotal,
      auc: above === 0 || negTotal === 0 ? Number.NaN : area2 / (2 * above * negTotal),
      ap: above === 0 ? 0 : apNum / above,
    } satisfies RankSummary;
  }
  if (needs.logLossSum) out.logLossSum = llSum;
  if (needs.brierSum) out.brierSum = brSum;
  return out;
}
