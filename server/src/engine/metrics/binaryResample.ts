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
  calibration: boolean;
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
  /** Per-row log loss and y - score; zeros when not needed (or empty when neither is: `sums` false). */
  logLoss: Float64Array;
  diff: Float64Array;
  sums: boolean;
  /**
   * Calibration bins (expected_calibration_error): in score order each bin is one run of rows,
   * bin b is rows [binStart[b], binEnd[b]); `score` is read for their sums. Empty when not needed.
   */
  binStart: Int32Array;
  binEnd: Int32Array;
  score: Float64Array;
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
  if ((needs.logLossSum || needs.brierSum || needs.calibration) && prep.probabilityIssue()) return null;
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

  // Arrays on shared memory, so the helper thread of parallelResamples.ts reads them without a copy.
  const sums = needs.logLossSum || needs.brierSum;
  const diff = shared(Float64Array, sums ? n : 0);
  if (needs.brierSum) for (let i = 0; i < n; i++) diff[i] = input.y[i] - input.score![i];
  const logLoss = shared(Float64Array, sums ? n : 0);
  if (needs.logLossSum) logLoss.set(prep.rowLogLoss());
  const y = shared(Uint8Array, n);
  y.set(input.y);
  const segTie = shared(Uint8Array, segs);
  segTie.set(tie);
  const bins = needs.calibration ? binRuns(prep.calibrationBins(), CALIBRATION_BINS) : null;
  if (!bins) needs = { ...needs, calibration: false };
  const score = shared(Float64Array, bins ? n : 0);
  if (bins) score.set(input.score!);
  const binStart = sharedCopy(bins?.start ?? new Int32Array(0));
  const binEnd = sharedCopy(bins?.end ?? new Int32Array(0));
  return { n, y, segStart: sharedCopy(segStart), segEnd: sharedCopy(segEnd), segTie, predCut, logLoss, diff, sums, binStart, binEnd, score, needs };
}

/** The calibration bins stats.ts uses (uniform, 10). */
const CALIBRATION_BINS = 10;

/** Where each bin's rows are, when every bin is one run of rows (as in score order); else null. */
function binRuns(bins: Uint8Array | Int32Array, nBins: number): { start: Int32Array; end: Int32Array } | null {
  const start = new Int32Array(nBins);
  const end = new Int32Array(nBins);
  const seen = new Uint8Array(nBins);
  for (let i = 0; i < bins.length; ) {
    const b = bins[i];
    if (seen[b]) return null;
    seen[b] = 1;
    start[b] = i;
    while (i < bins.length && bins[i] === b) i++;
    end[b] = i;
  }
  return { start, end };
}

function shared<T>(Type: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

function sharedCopy(a: Int32Array): Int32Array {
  const out = shared(Int32Array, a.length);
  out.set(a);
  return out;
}

/** Numbers one walk writes (see binaryResampleWalk), per resample: 8, and 3 per calibration bin. */
export function walkSlots(layout: BinaryResampleLayout): number {
  return 8 + 3 * layout.binStart.length;
}

/**
 * One resample's walk: writes above (P), negatives (N), twice the AUC area, the AP numerator, the
 * log loss and Brier sums, and TP and FP at the prediction cut into out[at..at+7], then each
 * calibration bin's weighted rows, score sum and label sum. Self-contained (no module state), so
 * the bootstrap's helper thread runs this same function.
 */
export function binaryResampleWalk(layout: BinaryResampleLayout, w: Uint8Array | Int32Array, out: Float64Array, at: number): void {
  const { n, y, segStart, segEnd, segTie, predCut, logLoss: ll, diff, sums } = layout;
  // The sums start from a Float64Array's zeros: V8 then keeps them as doubles in registers; started
  // from the literal 0 they are speculated small integers and the walk runs ~3x slower.
  const z = new Float64Array(1);
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
    if (segTie[s] === 0 && sums) {
      // Rows that are each their own score group. Branch-free: gp === 0 adds +0 to every sum, and
      // the max only keeps 0 / 0 (nothing drawn yet) out of the AP sum.
      for (; j < end; j++) {
        const c = w[j];
        const gp = c * y[j];
        const gn = c - gp;
        area2 += gn * (2 * above + gp);
        above += gp;
        negTotal += gn;
        apNum += gp * (above / Math.max(above + negTotal, 1));
        llSum += c * ll[j];
        const d = diff[j];
        brSum += c * d * d;
      }
    } else if (segTie[s] === 0) {
      // The same without the log loss and Brier sums.
      for (; j < end; j++) {
        const c = w[j];
        const gp = c * y[j];
        const gn = c - gp;
        area2 += gn * (2 * above + gp);
        above += gp;
        negTotal += gn;
        apNum += gp * (above / Math.max(above + negTotal, 1));
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
        if (sums) {
          llSum += c * ll[j];
          const d = diff[j];
          brSum += c * d * d;
        }
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
  out[at] = above;
  out[at + 1] = negTotal;
  out[at + 2] = area2;
  out[at + 3] = apNum;
  out[at + 4] = llSum;
  out[at + 5] = brSum;
  out[at + 6] = tp;
  out[at + 7] = fp;
  // Calibration bins: the rows of a bin in row order, as binSums adds them.
  const { binStart, binEnd, score } = layout;
  for (let b = 0; b < binStart.length; b++) {
    let count = z[0];
    let sumProb = z[0];
    let sumTrue = z[0];
    for (let i = binStart[b]; i < binEnd[b]; i++) {
      const c = w[i];
      count += c;
      sumProb += c * score[i];
      sumTrue += c * y[i];
    }
    const k = at + 8 + 3 * b;
    out[k] = count;
    out[k + 1] = sumProb;
    out[k + 2] = sumTrue;
  }
}

/** The statistics the layout's needs ask for, from a walk's numbers at raw[at..]. */
export function walkStats(layout: BinaryResampleLayout, raw: Float64Array, at: number): KnownStats {
  const [above, negTotal, area2, apNum, llSum, brSum, tp, fp] = raw.subarray(at, at + 8);
  const { needs } = layout;
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
  if (needs.calibration) {
    const nBins = layout.binStart.length;
    const count = new Float64Array(nBins);
    const sumProb = new Float64Array(nBins);
    const sumTrue = new Float64Array(nBins);
    for (let b = 0; b < nBins; b++) {
      count[b] = raw[at + 8 + 3 * b];
      sumProb[b] = raw[at + 9 + 3 * b];
      sumTrue[b] = raw[at + 10 + 3 * b];
    }
    out.calibration = { count, sumProb, sumTrue };
  }
  return out;
}

/** The statistics of one resample with per-row multiplicities `w` (w.length === layout.n). */
export function binaryResampleStats(layout: BinaryResampleLayout, w: Weights): KnownStats {
  const raw = new Float64Array(walkSlots(layout));
  binaryResampleWalk(layout, w, raw, 0);
  return walkStats(layout, raw, 0);
}
