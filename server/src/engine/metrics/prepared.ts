/**
 * What is worth computing once per input and sharing between metrics, curves and bootstrap
 * resamples: the input check, why scores can't be used (if they can't), the sorted score groups,
 * per-row losses and bins. Kept per input object in a WeakMap, so `computeMetrics`, `rocCurve`,
 * `precisionRecallCurve` and `thresholdSweep` on the same input sort once. Inputs are therefore
 * treated as immutable: build a new MetricInput rather than editing its arrays in place.
 */
import { rankIndex, scoreGroups, type RankIndex, type ScoreGroups } from './ranking';
import { sortDescending } from './sortIndex';
import type { BinaryInput, MetricInput, MulticlassInput, RegressionInput } from './types';
import { validateInput } from './validate';

/** float64 machine epsilon, np.finfo(np.float64).eps: log_loss clipping and mape's floor. */
export const EPS = 2 ** -52;

const cache = new WeakMap<MetricInput, Prepared>();

export function prepare(input: MetricInput): Prepared {
  let p = cache.get(input);
  if (!p) {
    validateInput(input);
    p = new Prepared(input);
    cache.set(input, p);
  }
  return p;
}

export class Prepared {
  readonly n: number;
  private memo = new Map<string, unknown>();

  constructor(readonly input: MetricInput) {
    this.n = input.y.length;
  }

  once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** Why the binary scores can't rank rows (null when they can). */
  scoreIssue(): string | null {
    return this.once('scoreIssue', () => {
      const inp = this.input as BinaryInput;
      if (!inp.score) return 'the model gives labels only, no scores';
      const bad = firstNonFinite(inp.score);
      return bad < 0 ? null : `score row ${bad + 1} is ${inp.score[bad]}; scores must be finite`;
    });
  }

  /** Why the binary scores aren't probabilities (null when all are in [0, 1]). */
  probabilityIssue(): string | null {
    return this.once('probabilityIssue', () => {
      const issue = this.scoreIssue();
      if (issue) return issue;
      const s = (this.input as BinaryInput).score!;
      for (let i = 0; i < s.length; i++) {
        if (s[i] < 0 || s[i] > 1) return `scores are not probabilities (row ${i + 1} is ${s[i]}, outside [0, 1])`;
      }
      return null;
    });
  }

  /** Why the multiclass probabilities can't be used (null when finite and in [0, 1]). */
  probaIssue(): string | null {
    return this.once('probaIssue', () => {
      const inp = this.input as MulticlassInput;
      if (!inp.proba) return 'the model gives labels only, no class probabilities';
      const k = inp.classes;
      for (let i = 0; i < inp.proba.length; i++) {
        const v = inp.proba[i];
        if (!(v >= 0 && v <= 1)) return `probability of class ${i % k} in row ${Math.floor(i / k) + 1} is ${v}, not in [0, 1]`;
      }
      return null;
    });
  }

  /** scikit-learn's check before one-vs-rest AUC: every row's probabilities sum to 1 (np.allclose). */
  probaSumIssue(): string | null {
    return this.once('probaSumIssue', () => {
      const issue = this.probaIssue();
      if (issue) return issue;
      const { proba, classes: k } = this.input as MulticlassInput;
      for (let r = 0; r < this.n; r++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += proba![r * k + c];
        if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) return `class probabilities of row ${r + 1} sum to ${s}, not 1`;
      }
      return null;
    });
  }

  /** Why regression values can't be scored (null when y and pred are all finite). */
  regressionIssue(): string | null {
    return this.once('regressionIssue', () => {
      const inp = this.input as RegressionInput;
      for (const [name, a] of [['y', inp.y], ['pred', inp.pred]] as const) {
        const bad = firstNonFinite(a);
        if (bad >= 0) return `\`${name}\` row ${bad + 1} is ${a[bad]}; values must be finite (drop or impute missing targets first)`;
      }
      return null;
    });
  }

  /** Binary rows sorted by score (call only when scoreIssue() is null). */
  rankIndex(): RankIndex {
    return this.once('rankIndex', () => {
      const inp = this.input as BinaryInput;
      return rankIndex(inp.y, inp.score!);
    });
  }

  /** Binary score groups: scikit-learn's _binary_clf_curve counts. */
  groups(): ScoreGroups {
    return this.once('groups', () => scoreGroups(this.rankIndex()));
  }

  /** One-vs-rest: for class c, y == c as 0/1 and the class's probability column. */
  ovr(c: number): { y: Uint8Array; score: Float64Array } {
    const { y, proba, classes: k } = this.input as MulticlassInput;
    const yc = new Uint8Array(this.n);
    const sc = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      yc[i] = y[i] === c ? 1 : 0;
      sc[i] = proba![i * k + c];
    }
    return { y: yc, score: sc };
  }

  ovrRankIndex(c: number): RankIndex {
    return this.once(`ovrRankIndex${c}`, () => {
      const { y, score } = this.ovr(c);
      return rankIndex(y, score);
    });
  }

  ovrGroups(c: number): ScoreGroups {
    return this.once(`ovrGroups${c}`, () => scoreGroups(this.ovrRankIndex(c)));
  }

  /** Full-data means of y and y - pred: the bootstrap centres its sums on them (regression). */
  regressionMeans(): { yMean: number; eMean: number } {
    return this.once('regressionMeans', () => {
      const { y, pred } = this.input as RegressionInput;
      let sy = 0;
      let se = 0;
      for (let i = 0; i < this.n; i++) {
        sy += y[i];
        se += y[i] - pred[i];
      }
      return { yMean: sy / this.n, eMean: se / this.n };
    });
  }

  /** Rows by |y - pred|, descending, and those values: weighted median and maximum in the bootstrap. */
  absErrorIndex(): { order: Int32Array; sorted: Float64Array } {
    return this.once('absErrorIndex', () => {
      const { y, pred } = this.input as RegressionInput;
      const abs = new Float64Array(this.n);
      for (let i = 0; i < this.n; i++) abs[i] = Math.abs(pred[i] - y[i]);
      return sortDescending(abs);
    });
  }

  /** Per-row log loss as scikit-learn computes it: clip to [eps, 1 - eps], renormalise, -log p(true). */
  rowLogLoss(): Float64Array {
    return this.once('rowLogLoss', () => {
      const out = new Float64Array(this.n);
      const clip = (v: number) => (v < EPS ? EPS : v > 1 - EPS ? 1 - EPS : v);
      if (this.input.kind === 'binary') {
        const { y, score } = this.input;
        for (let i = 0; i < this.n; i++) {
          const p1 = clip(score![i]);
          const p0 = 1 - p1;
          out[i] = -Math.log((y[i] ? p1 : p0) / (p0 + p1));
        }
      } else {
        const { y, proba, classes: k } = this.input as MulticlassInput;
        for (let i = 0; i < this.n; i++) {
          let s = 0;
          for (let c = 0; c < k; c++) s += clip(proba![i * k + c]);
          out[i] = -Math.log(clip(proba![i * k + y[i]]) / s);
        }
      }
      return out;
    });
  }

  /** Calibration bin of each row: scikit-learn's searchsorted(edges[1:-1], p) with 10 uniform bins. */
  calibrationBins(): Uint8Array {
    return this.once('calibrationBins', () => uniformBins((this.input as BinaryInput).score!, 10) as Uint8Array);
  }
}

/** Bin edges of np.linspace(0, 1, nBins + 1): i * (1 / nBins), last exactly 1. */
export function uniformEdges(nBins: number): Float64Array {
  const edges = new Float64Array(nBins + 1);
  const step = 1 / nBins;
  for (let i = 0; i <= nBins; i++) edges[i] = i * step;
  edges[nBins] = 1;
  return edges;
}

/** For each p, the number of inner edges strictly below it (np.searchsorted side='left'). */
export function binsFor(p: Float64Array, edges: Float64Array): Uint8Array | Int32Array {
  const inner = edges.length - 2;
  const out = inner < 255 ? new Uint8Array(p.length) : new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    let lo = 0;
    let hi = inner;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid + 1] < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}

export function uniformBins(p: Float64Array, nBins: number): Uint8Array | Int32Array {
  return binsFor(p, uniformEdges(nBins));
}

function firstNonFinite(a: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}
