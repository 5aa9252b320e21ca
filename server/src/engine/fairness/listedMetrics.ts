/**
 * Any evaluation metric of the catalog, per group, through the metrics module's computeMetric on the
 * group's rows. These need the rows themselves, so their bootstrap really resamples rows (each group
 * draws its resampled size from its own rows) — only while rows x resamples stays within
 * ROW_BOOTSTRAP_BUDGET; above it their disparities have no interval and a note says so.
 */
import type { MetricInput } from '../metrics/types';
import type { Random } from '../util/random';
import type { Family, MetricValues } from './family';

export const ROW_BOOTSTRAP_BUDGET = 20_000_000;

export interface MetricFunctions {
  /** NaN when undefined. */
  computeMetric(name: string, input: MetricInput): number;
  /** null when undefined; notes are "`name`: why" (undefined values and zero divisions). */
  computeMetrics(names: readonly string[], input: MetricInput): { values: Record<string, number | null>; notes: string[] };
  subsetInput(input: MetricInput, indices: Int32Array): MetricInput;
}

const finite = (v: number | null | undefined): number | null => (v !== null && v !== undefined && Number.isFinite(v) ? v : null);

export function listedFamily(
  fns: MetricFunctions,
  names: string[],
  input: MetricInput,
  order: Int32Array,
  offsets: Int32Array,
  resamples: number,
): Family {
  const groups = offsets.length - 1;
  const value = (name: string, inp: MetricInput): number | null => {
    const v = fns.computeMetric(name, inp);
    return Number.isFinite(v) ? v : null;
  };
  const perGroup: ReturnType<MetricFunctions['computeMetrics']>[] = [];
  for (let g = 0; g < groups; g++) perGroup.push(fns.computeMetrics(names, fns.subsetInput(input, order.subarray(offsets[g], offsets[g + 1]))));
  const overall = fns.computeMetrics(names, input);
  const point: MetricValues = {};
  for (const name of names) {
    point[name] = { groups: perGroup.map((r) => finite(r.values[name])), overall: finite(overall.values[name]) };
  }
  // The metrics module's own reasons, e.g. "`roc_auc`: only one class is present in y_true".
  const reason = (name: string, g: number): string | undefined => {
    const prefix = `\`${name}\`: `;
    const hit = perGroup[g].notes.find((n) => n.startsWith(prefix));
    return hit?.slice(prefix.length).replace(/^undefined: /, '');
  };
  const rows = order.length;
  const skipped =
    rows * resamples > ROW_BOOTSTRAP_BUDGET
      ? `${names.map((m) => `\`${m}\``).join(', ')} ${names.length > 1 ? 'need' : 'needs'} the rows themselves to resample, and ${rows} rows x ${resamples} resamples is past the budget of ${ROW_BOOTSTRAP_BUDGET.toExponential(0)} row draws, so ${names.length > 1 ? 'their' : 'its'} disparities have no interval.`
      : undefined;
  return {
    names,
    point,
    skipped,
    why: (name, g) => reason(name, g) ?? "the metric has no value on this group's rows",
    notes: (labels) =>
      perGroup.flatMap((r, g) => r.notes.filter((n) => !names.some((m) => r.values[m] === null && n.startsWith(`\`${m}\`: `))).map((n) => `Group \`${labels[g]}\`: ${n}`)),
    resample(rng: Random, groupCounts: Int32Array) {
      if (skipped) return null;
      let total = 0;
      for (let g = 0; g < groups; g++) total += groupCounts[g];
      const all = new Int32Array(total);
      const parts: (MetricInput | null)[] = [];
      let at = 0;
      for (let g = 0; g < groups; g++) {
        const start = offsets[g];
        const size = offsets[g + 1] - start;
        const m = groupCounts[g];
        for (let j = 0; j < m; j++) all[at + j] = order[start + rng.int(size)];
        parts.push(m ? fns.subsetInput(input, all.subarray(at, at + m)) : null);
        at += m;
      }
      const whole = fns.subsetInput(input, all);
      const out: MetricValues = {};
      for (const name of names) {
        out[name] = { groups: parts.map((p) => (p ? value(name, p) : null)), overall: value(name, whole) };
      }
      return out;
    },
  };
}
