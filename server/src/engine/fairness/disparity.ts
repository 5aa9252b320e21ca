/**
 * Disparities with Fairlearn's definitions (MetricFrame.difference / .ratio and _fairness_metrics.py):
 *   between groups: difference = max - min, ratio = min / max
 *   to overall:     difference = max |group - overall|, ratio = min over groups of
 *                   group / overall, inverted when above 1
 * Groups whose value is undefined (null) are left out, as pandas' min/max skip NaN.
 * Plumb differs from Fairlearn only where Fairlearn would divide by zero: a ratio is null when the
 * largest value (or the overall value) is 0.
 */
import type { MetricValues } from './family';
import type { RelativeTo } from './types';

export interface Disparity {
  difference: number | null;
  ratio: number | null;
}

export function disparity(values: (number | null)[], overall: number | null, relativeTo: RelativeTo): Disparity {
  let min = Infinity;
  let max = -Infinity;
  let defined = 0;
  for (const v of values) {
    if (v === null || Number.isNaN(v)) continue;
    defined++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (defined === 0) return { difference: null, ratio: null };
  if (relativeTo === 'groups') {
    return { difference: max - min, ratio: max === 0 ? null : min / max };
  }
  if (overall === null || Number.isNaN(overall)) return { difference: null, ratio: null };
  let difference = 0;
  let ratio = Infinity;
  for (const v of values) {
    if (v === null || Number.isNaN(v)) continue;
    difference = Math.max(difference, Math.abs(v - overall));
    if (overall !== 0) {
      const r = v / overall;
      ratio = Math.min(ratio, r > 1 ? 1 / r : r);
    }
  }
  return { difference, ratio: overall === 0 ? null : ratio };
}

/** Fairlearn's named metrics, built from the per-group rates they compose. */
export const NAMED_FROM: Record<string, { from: string[]; take: 'max-difference' | 'min-ratio'; part: 'difference' | 'ratio' }> = {
  demographic_parity_difference: { from: ['selection_rate'], take: 'max-difference', part: 'difference' },
  demographic_parity_ratio: { from: ['selection_rate'], take: 'min-ratio', part: 'ratio' },
  equalized_odds_difference: { from: ['true_positive_rate', 'false_positive_rate'], take: 'max-difference', part: 'difference' },
  equalized_odds_ratio: { from: ['true_positive_rate', 'false_positive_rate'], take: 'min-ratio', part: 'ratio' },
  equal_opportunity_difference: { from: ['true_positive_rate'], take: 'max-difference', part: 'difference' },
  equal_opportunity_ratio: { from: ['true_positive_rate'], take: 'min-ratio', part: 'ratio' },
};

/**
 * Every disparity of these per-group values: `<m>_difference`, `<m>_ratio` for each metric, the named
 * Fairlearn metrics whose rates are present, and `disparate_impact` (always between groups).
 */
export function allDisparities(values: MetricValues, relativeTo: RelativeTo): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const per: Record<string, Disparity> = {};
  for (const [name, v] of Object.entries(values)) {
    per[name] = disparity(v.groups, v.overall, relativeTo);
  }
  for (const [named, def] of Object.entries(NAMED_FROM)) {
    if (!def.from.every((m) => per[m])) continue;
    const parts = def.from.map((m) => per[m][def.part]);
    // Fairlearn's max()/min() over the parts; undefined when any part is (no silent half answer).
    out[named] = parts.some((p) => p === null) ? null : def.take === 'max-difference' ? Math.max(...(parts as number[])) : Math.min(...(parts as number[]));
  }
  if (values.selection_rate) {
    out.disparate_impact = relativeTo === 'groups' ? per.selection_rate.ratio : disparity(values.selection_rate.groups, null, 'groups').ratio;
  }
  for (const [name, d] of Object.entries(per)) {
    out[`${name}_difference`] = d.difference;
    out[`${name}_ratio`] = d.ratio;
  }
  return out;
}
