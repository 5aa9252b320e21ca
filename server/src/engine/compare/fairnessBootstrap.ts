/**
 * Paired bootstrap intervals for the fairness deltas (challenger - champion of each disparity).
 * Both models are scored on the same rows, so each row falls in one joint cell per group: binary
 * (label, champion's prediction, challenger's prediction), 8 cells; multiclass (champion right,
 * challenger right), 4 cells. A resample draws the groups' sizes from Multinomial(N, count_g / N)
 * and each group's joint cells from Multinomial(size, cells / count), which is the same distribution
 * as drawing N rows with replacement (the metric deltas' paired bootstrap) at the cost of the cells,
 * not the rows. Each model's count table is a margin of the joint one, so a resample yields both
 * models' disparities on the same rows, and the interval is the percentile interval of their
 * difference (numpy.quantile's linear rule, as the fairness check's own intervals).
 * Regression models and the listed metrics' disparities get no interval (a note says so).
 */
import { throwIfCancelled, type CancelSignal } from '../errors';
import type { Table } from '../data/table';
import { BINARY, cellRates, MULTICLASS, type CellModel } from '../fairness/cellStats';
import { allDisparities } from '../fairness/disparity';
import { buildGroups } from '../fairness/groups';
import { multinomial, quantileSorted } from '../fairness/sampling';
import type { Interval, RelativeTo, SensitiveGrouping } from '../fairness/types';
import type { MetricInput } from '../metrics/types';
import { Random } from '../util/random';

export interface PairedFairnessOptions {
  table: Table;
  sensitive: string[];
  groups?: Record<string, SensitiveGrouping>;
  relativeTo: RelativeTo;
  champion: MetricInput;
  challenger: MetricInput;
  /** The point deltas: intervals are made for those that are not null. */
  deltas: Record<string, number | null>;
  n: number;
  seed: number;
  level: number;
  signal?: CancelSignal;
}

interface Joint {
  model: CellModel;
  /** Joint cells per group. */
  s: number;
  /** Joint cell of row i. */
  cellOf(i: number): number;
  /** The champion's and the challenger's count cell for each joint cell. */
  marginA: Int32Array;
  marginB: Int32Array;
}

function jointFor(a: MetricInput, b: MetricInput): Joint | null {
  if (a.kind === 'binary' && b.kind === 'binary') {
    // Joint cell y*4 + predA*2 + predB; the model's own cell is y*2 + pred (TN, FP, FN, TP).
    const marginA = Int32Array.from({ length: 8 }, (_, c) => (c >> 2) * 2 + ((c >> 1) & 1));
    const marginB = Int32Array.from({ length: 8 }, (_, c) => (c >> 2) * 2 + (c & 1));
    return { model: BINARY, s: 8, cellOf: (i) => a.y[i] * 4 + a.pred[i] * 2 + b.pred[i], marginA, marginB };
  }
  if (a.kind === 'multiclass' && b.kind === 'multiclass') {
    // Joint cell rightA*2 + rightB; the model's own cell is wrong (0) or right (1).
    return { model: MULTICLASS, s: 4, cellOf: (i) => (a.pred[i] === a.y[i] ? 2 : 0) + (b.pred[i] === b.y[i] ? 1 : 0), marginA: Int32Array.of(0, 0, 1, 1), marginB: Int32Array.of(0, 1, 0, 1) };
  }
  return null;
}

export function pairedFairnessIntervals(o: PairedFairnessOptions): { intervals: Record<string, Interval>; notes: string[] } {
  const wanted = Object.keys(o.deltas).filter((k) => o.deltas[k] !== null);
  const joint = jointFor(o.champion, o.challenger);
  if (!joint) return { intervals: {}, notes: wanted.length ? ['The fairness deltas of regression models have no intervals (only classifiers\' rate-based disparities are resampled).'] : [] };
  const index = buildGroups(o.table, o.sensitive, o.groups);
  const G = index.groups.length;
  const { s, model } = joint;
  const k = model.k;
  const cells = new Float64Array(G * s);
  for (let i = 0; i < index.ids.length; i++) cells[index.ids[i] * s + joint.cellOf(i)]++;

  // Which deltas the rates can give (the listed metrics' disparities cannot).
  const covered = new Set(Object.keys(allDisparities(cellRates(model, new Float64Array(G * k), G), o.relativeTo)));
  const resampled = wanted.filter((name) => covered.has(name));
  const samples: Record<string, number[]> = Object.fromEntries(resampled.map((name) => [name, []]));
  let total = 0;
  for (const c of index.counts) total += c;
  const rng = new Random(o.seed);
  const drawn = new Int32Array(G);
  const sample = new Float64Array(G * s);
  const ca = new Float64Array(G * k);
  const cb = new Float64Array(G * k);
  for (let r = 0; r < o.n && resampled.length; r++) {
    if ((r & 15) === 0) throwIfCancelled(o.signal);
    multinomial(rng, total, index.counts, drawn);
    for (let g = 0; g < G; g++) multinomial(rng, drawn[g], cells, sample, g * s, s, g * s);
    ca.fill(0);
    cb.fill(0);
    for (let g = 0; g < G; g++) {
      for (let c = 0; c < s; c++) {
        const v = sample[g * s + c];
        ca[g * k + joint.marginA[c]] += v;
        cb[g * k + joint.marginB[c]] += v;
      }
    }
    const da = allDisparities(cellRates(model, ca, G), o.relativeTo);
    const db = allDisparities(cellRates(model, cb, G), o.relativeTo);
    for (const name of resampled) {
      const x = da[name];
      const y = db[name];
      if (x !== null && x !== undefined && y !== null && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) samples[name].push(y - x);
    }
  }

  const intervals: Record<string, Interval> = {};
  const notes: string[] = [];
  const alpha = (1 - o.level) / 2;
  const partial: string[] = [];
  for (const name of resampled) {
    const xs = samples[name];
    if (xs.length < 2) {
      notes.push(`\`${name}\` delta has no interval: fewer than 2 of ${o.n} resamples gave both models a value.`);
      continue;
    }
    if (xs.length < o.n) partial.push(`\`${name}\` (${o.n - xs.length})`);
    xs.sort((p, q) => p - q);
    intervals[name] = { low: quantileSorted(xs, alpha), high: quantileSorted(xs, 1 - alpha) };
  }
  if (partial.length) notes.push(`In some of the ${o.n} resamples a fairness delta had no value (a group drew no row it could be computed on); those intervals use the other resamples: ${partial.join(', ')}.`);
  const unresampled = wanted.filter((name) => !covered.has(name));
  if (unresampled.length) notes.push(`No intervals for the deltas of the listed metrics' disparities (${unresampled.map((n) => `\`${n}\``).join(', ')}): only the rate-based disparities are resampled.`);
  return { intervals, notes };
}
