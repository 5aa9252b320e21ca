/**
 * Warnings (results to distrust: small groups, a single group) and notes (why a value is null, what a
 * group stands for) in words a reader can act on. Groups are named by their label: `sex=F, race=B`.
 */
import type { Family, MetricValues } from './family';
import { MISSING_GROUP, type GroupIndex } from './groups';
import type { RelativeTo } from './types';

const LIST_AT_MOST = 10;

function list(items: string[]): string {
  const shown = items.slice(0, LIST_AT_MOST).join(', ');
  return items.length > LIST_AT_MOST ? `${shown} and ${items.length - LIST_AT_MOST} more` : shown;
}

const code = (s: string) => `\`${s}\``;

export function missingNotes(index: GroupIndex, sensitive: string[]): string[] {
  const out: string[] = [];
  for (const column of sensitive) {
    let rows = 0;
    index.groups.forEach((g, k) => {
      if (g.group[column] === MISSING_GROUP) rows += index.counts[k];
    });
    if (rows > 0) out.push(`${code(column)}: ${rows} row${rows === 1 ? ' has' : 's have'} no value; they form the group "${MISSING_GROUP}".`);
  }
  return out;
}

export function groupWarnings(index: GroupIndex, minGroupSize: number): string[] {
  const out: string[] = [];
  const small = index.groups.map((g, k) => ({ label: g.label, count: index.counts[k] })).filter((g) => g.count < minGroupSize);
  if (small.length) {
    out.push(
      `${small.length} group${small.length === 1 ? ' has' : 's have'} fewer than ${minGroupSize} rows (min_group_size), so ${small.length === 1 ? 'its' : 'their'} rates are noisy; ${small.length === 1 ? 'it stays' : 'they stay'} in the disparities, as in Fairlearn: ${list(small.map((g) => `${code(g.label)} (${g.count})`))}.`,
    );
  }
  if (index.groups.length === 1) {
    out.push(`All rows fall in one group (${code(index.groups[0].label)}), so there is nothing to compare: differences are 0 and ratios 1 by definition.`);
  }
  if (index.groups.length > 100) {
    out.push(`${index.groups.length} groups: with this many, most are small and disparities mostly measure noise; consider fewer or coarser sensitive columns.`);
  }
  return out;
}

/** One note per group and reason: which metrics are undefined there, and that the group is left out of their disparities. */
export function undefinedNotes(index: GroupIndex, families: Family[], point: MetricValues): string[] {
  const out: string[] = [];
  index.groups.forEach((g, k) => {
    const byReason = new Map<string, string[]>();
    for (const f of families) {
      for (const m of f.names) {
        if (!point[m] || point[m].groups[k] !== null) continue;
        const why = f.why(m, k);
        byReason.set(why, [...(byReason.get(why) ?? []), m]);
      }
    }
    for (const [why, ms] of byReason) {
      out.push(`Group ${code(g.label)}: ${ms.map(code).join(', ')} ${ms.length === 1 ? 'is' : 'are'} undefined (${why}); the group is left out of ${ms.length === 1 ? 'its' : 'their'} disparities.`);
    }
  });
  return out;
}

/** Why a disparity is null, or trivially 0 because only one group has a value. */
export function disparityNotes(point: MetricValues, metrics: Record<string, number | null>, relativeTo: RelativeTo): string[] {
  const out: string[] = [];
  for (const [m, v] of Object.entries(point)) {
    const defined = v.groups.filter((x) => x !== null);
    if (defined.length === 0) {
      out.push(`${code(`${m}_difference`)} and ${code(`${m}_ratio`)} are undefined: no group has a value of ${code(m)}.`);
      continue;
    }
    if (relativeTo === 'overall' && v.overall === null) {
      out.push(`${code(`${m}_difference`)} and ${code(`${m}_ratio`)} are undefined: ${code(m)} has no value over all rows.`);
      continue;
    }
    if (defined.length === 1 && relativeTo === 'groups' && v.groups.length > 1) {
      out.push(`Only one group has a value of ${code(m)}, so ${code(`${m}_difference`)} is 0 and ${code(`${m}_ratio`)} 1 by definition.`);
    }
    if (metrics[`${m}_ratio`] === null) {
      const why = relativeTo === 'groups' ? `the largest group value of ${code(m)} is 0` : `the overall value of ${code(m)} is 0`;
      out.push(`${code(`${m}_ratio`)} is undefined: ${why}, and a ratio to 0 has no value (Fairlearn returns NaN or 0 here).`);
    }
  }
  for (const [named, value] of Object.entries(metrics)) {
    if (value === null && /^(demographic_parity|equalized_odds|equal_opportunity)_(difference|ratio)$/.test(named)) {
      out.push(`${code(named)} is undefined because a rate it is built from has no disparity (see the notes above).`);
    }
  }
  return out;
}
