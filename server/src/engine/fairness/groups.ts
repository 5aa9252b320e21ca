/**
 * Rows -> sensitive groups. Each sensitive column becomes sorted levels (strings in code-point order,
 * numbers ascending, bins in order, "(missing)" last); with several columns a group is a non-empty
 * combination of levels, ordered as pandas orders a MultiIndex. One pass per column builds a combined
 * mixed-radix code per row, a second pass renumbers the non-empty codes densely.
 */
import { PlumbError } from '../errors';
import type { Column, Table } from '../data/table';
import { findColumn } from '../data/table';
import type { SensitiveGrouping } from './types';

export const MISSING_GROUP = '(missing)';
export const DEFAULT_MAX_VALUES = 20;
/** Largest product of per-column level counts we index with a dense array. */
const MAX_COMBINATIONS = 1 << 22;

export interface GroupIndex {
  /** Dense group id (0..groups.length-1) per row. */
  ids: Int32Array;
  /** Rows per group. */
  counts: Int32Array;
  groups: { group: Record<string, string>; label: string }[];
  /** Rows with a missing value, per sensitive column. */
  missing: Record<string, number>;
}

interface Levels {
  labels: string[];
  /** Adds this column's level of each row to `combined` (combined = combined * labels.length + level). */
  accumulate(combined: Int32Array): void;
}

export function buildGroups(table: Table, sensitive: string[], options: Record<string, SensitiveGrouping> = {}): GroupIndex {
  if (sensitive.length === 0) {
    throw new PlumbError('fairness.no-sensitive', 'No sensitive columns: name at least one column in `fairness.sensitive`.', { file: table.file });
  }
  for (const name of Object.keys(options)) {
    if (!sensitive.includes(name)) {
      throw new PlumbError('fairness.unknown-grouping', `Grouping options name \`${name}\`, which is not a sensitive column (sensitive: ${sensitive.join(', ')}).`, { file: table.file, column: name });
    }
  }
  const n = table.rowCount;
  const combined = new Int32Array(n);
  const perColumn: string[][] = [];
  const missing: Record<string, number> = {};
  let product = 1;
  for (const name of sensitive) {
    const column = findColumn(table, name);
    if (!column) {
      const names = table.columns.map((c) => c.name).join(', ');
      throw new PlumbError('fairness.unknown-column', `Sensitive column \`${name}\` is not in the data (columns: ${names}).`, { file: table.file, column: name });
    }
    const levels = levelsOf(table, column, options[name] ?? {});
    product *= levels.labels.length;
    if (product > MAX_COMBINATIONS) {
      throw new PlumbError(
        'fairness.too-many-groups',
        `The sensitive columns ${sensitive.map((s) => `\`${s}\``).join(', ')} have more than ${MAX_COMBINATIONS} combinations of values; use fewer or coarser sensitive columns (bin numeric ones with \`bins\`).`,
        { file: table.file, column: name },
      );
    }
    levels.accumulate(combined);
    perColumn.push(levels.labels);
    missing[name] = column.missing;
  }

  const countByCode = new Int32Array(product);
  for (let i = 0; i < n; i++) countByCode[combined[i]]++;
  const dense = new Int32Array(product).fill(-1);
  const groups: GroupIndex['groups'] = [];
  const counts: number[] = [];
  for (let code = 0; code < product; code++) {
    if (countByCode[code] === 0) continue;
    dense[code] = groups.length;
    counts.push(countByCode[code]);
    const group: Record<string, string> = {};
    let rest = code;
    for (let c = sensitive.length - 1; c >= 0; c--) {
      const size = perColumn[c].length;
      group[sensitive[c]] = perColumn[c][rest % size];
      rest = Math.floor(rest / size);
    }
    const ordered: Record<string, string> = {};
    for (const s of sensitive) ordered[s] = group[s];
    groups.push({ group: ordered, label: groupLabel(ordered) });
  }
  for (let i = 0; i < n; i++) combined[i] = dense[combined[i]];
  return { ids: combined, counts: Int32Array.from(counts), groups, missing };
}

export function groupLabel(group: Record<string, string>): string {
  return Object.entries(group)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function levelsOf(table: Table, column: Column, grouping: SensitiveGrouping): Levels {
  if (column.type === 'categorical') {
    if (grouping.bins) {
      throw new PlumbError('fairness.bins-on-categorical', `\`bins\` only applies to numeric columns; \`${column.name}\` holds text, so each of its values is a group already.`, { file: table.file, column: column.name });
    }
    const order = column.categories.map((_, i) => i).sort((a, b) => compareText(column.categories[a], column.categories[b]));
    const rank = new Int32Array(column.categories.length);
    order.forEach((code, r) => (rank[code] = r));
    const labels = order.map((code) => column.categories[code]);
    const miss = labels.length;
    if (column.missing > 0 || column.codes.some((c) => c < 0)) labels.push(MISSING_GROUP);
    const size = labels.length;
    const codes = column.codes;
    return {
      labels,
      accumulate(combined) {
        for (let i = 0; i < combined.length; i++) {
          const c = codes[i];
          combined[i] = combined[i] * size + (c < 0 ? miss : rank[c]);
        }
      },
    };
  }
  const values = column.values;
  const hasMissing = column.missing > 0 || values.some((v) => Number.isNaN(v));
  if (grouping.bins) return binnedLevels(table, column.name, values, grouping.bins, hasMissing);

  const limit = grouping.maxValues ?? DEFAULT_MAX_VALUES;
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v) || distinct.has(v)) continue;
    distinct.add(v);
    if (distinct.size > limit) {
      throw new PlumbError(
        'fairness.numeric-sensitive',
        `Sensitive column \`${column.name}\` is numeric with more than ${limit} distinct values, which would make too many tiny groups. Bin it, e.g. \`bins: [25, 45, 65]\` for \`< 25\`, \`[25, 45)\`, \`[45, 65)\`, \`>= 65\`.`,
        { file: table.file, column: column.name },
      );
    }
  }
  const sorted = [...distinct].sort((a, b) => a - b);
  const rank = new Map<number, number>();
  sorted.forEach((v, r) => rank.set(v, r));
  const labels = sorted.map((v) => valueText(column.type, v));
  const miss = labels.length;
  if (hasMissing) labels.push(MISSING_GROUP);
  const size = labels.length;
  // Booleans (0/1) are the common case: a lookup without hashing.
  const small = sorted.every((v) => Number.isInteger(v) && v >= 0 && v < 256);
  const table8 = new Int32Array(256);
  if (small) sorted.forEach((v, r) => (table8[v] = r));
  return {
    labels,
    accumulate(combined) {
      for (let i = 0; i < combined.length; i++) {
        const v = values[i];
        const level = Number.isNaN(v) ? miss : small ? table8[v] : rank.get(v)!;
        combined[i] = combined[i] * size + level;
      }
    },
  };
}

function binnedLevels(table: Table, name: string, values: Float64Array, bins: number[], hasMissing: boolean): Levels {
  if (bins.length === 0 || bins.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= bins[i - 1]))) {
    throw new PlumbError('fairness.bad-bins', `\`bins\` for \`${name}\` must be finite numbers in increasing order, e.g. \`[25, 45, 65]\`; got [${bins.join(', ')}].`, { file: table.file, column: name });
  }
  const labels = [`< ${bins[0]}`];
  for (let b = 1; b < bins.length; b++) labels.push(`[${bins[b - 1]}, ${bins[b]})`);
  labels.push(`>= ${bins[bins.length - 1]}`);
  const miss = labels.length;
  if (hasMissing) labels.push(MISSING_GROUP);
  const size = labels.length;
  return {
    labels,
    accumulate(combined) {
      for (let i = 0; i < combined.length; i++) {
        const v = values[i];
        let level: number;
        if (Number.isNaN(v)) level = miss;
        else {
          // Number of cut points <= v: the bin index.
          let lo = 0;
          let hi = bins.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (bins[mid] <= v) lo = mid + 1;
            else hi = mid;
          }
          level = lo;
        }
        combined[i] = combined[i] * size + level;
      }
    },
  };
}

function valueText(type: Column['type'], v: number): string {
  if (type === 'boolean') return v ? 'true' : 'false';
  if (type === 'datetime') return new Date(v).toISOString();
  return String(v);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows of each group, as one index array sliced by offsets (a counting sort of `ids`). */
export function rowsByGroup(index: GroupIndex): { order: Int32Array; offsets: Int32Array } {
  const g = index.counts.length;
  const offsets = new Int32Array(g + 1);
  for (let k = 0; k < g; k++) offsets[k + 1] = offsets[k] + index.counts[k];
  const next = offsets.slice(0, g);
  const order = new Int32Array(index.ids.length);
  for (let i = 0; i < index.ids.length; i++) order[next[index.ids[i]]++] = i;
  return { order, offsets };
}
