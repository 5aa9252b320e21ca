/**
 * The four-fifths rule (US EEOC Uniform Guidelines, 29 CFR 1607.4(D)): a group's selection rate below
 * four fifths of the highest group's rate indicates adverse impact. The ratio is the lowest rate over
 * the highest — Fairlearn's demographic_parity_ratio between groups — whatever `relative_to` says.
 */
import type { GroupIndex } from './groups';
import type { FourFifths } from './types';

export const FOUR_FIFTHS = 0.8;
/** Rates that are four fifths on paper (0.28 / 0.35) must not fail on a rounding error. */
const TOLERANCE = 1e-12;

export function fourFifths(index: GroupIndex, selectionRates: (number | null)[], notes: string[]): FourFifths | null {
  let max = -Infinity;
  let min = Infinity;
  for (const r of selectionRates) {
    if (r === null) continue;
    max = Math.max(max, r);
    min = Math.min(min, r);
  }
  if (!(max > 0)) {
    notes.push('The four-fifths rule has no value: no group has any row predicted positive.');
    return null;
  }
  const failing: FourFifths['failing_groups'] = [];
  selectionRates.forEach((r, g) => {
    if (r === null) return;
    const impact = r / max;
    if (impact < FOUR_FIFTHS - TOLERANCE) failing.push({ group: index.groups[g].group, label: index.groups[g].label, selection_rate: r, impact_ratio: impact });
  });
  const ratio = min / max;
  return { passed: ratio >= FOUR_FIFTHS - TOLERANCE, ratio, threshold: FOUR_FIFTHS, failing_groups: failing };
}
