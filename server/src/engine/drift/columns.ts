/**
 * Which columns to compare, and making the two sides of a column comparable: a column read as
 * numbers in one file and as text in the other is compared as numbers when every text value is a
 * number, and is an error otherwise (dates against numbers too).
 */
import type { CategoricalColumn, Column, NumericColumn, Table } from '../data/table';
import { findColumn } from '../data/table';
import { PlumbError } from '../errors';

function listColumns(t: Table): string {
  const names = t.columns.map((c) => c.name);
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, ... (${names.length} columns)` : names.join(', ');
}

export interface ColumnSelection {
  columns: string[];
  notes: string[];
}

export function selectColumns(reference: Table, current: Table, columns?: string[], exclude: string[] = []): ColumnSelection {
  const notes: string[] = [];
  if (columns) {
    const unique = [...new Set(columns)];
    for (const name of unique) {
      for (const t of [reference, current]) {
        if (!findColumn(t, name)) {
          throw new PlumbError('drift.unknown-column', `Column \`${name}\` is not in ${t.file} (columns: ${listColumns(t)}). Fix the name in drift.columns or remove it.`, {
            file: t.file,
            column: name,
          });
        }
      }
    }
    return { columns: unique, notes };
  }
  const skip = new Set(exclude);
  const cur = new Set(current.columns.map((c) => c.name));
  const chosen = reference.columns.map((c) => c.name).filter((n) => cur.has(n) && !skip.has(n));
  const onlyRef = reference.columns.map((c) => c.name).filter((n) => !cur.has(n) && !skip.has(n));
  const refNames = new Set(reference.columns.map((c) => c.name));
  const onlyCur = current.columns.map((c) => c.name).filter((n) => !refNames.has(n) && !skip.has(n));
  if (onlyRef.length) notes.push(`Only in the reference data, not compared: ${onlyRef.join(', ')}.`);
  if (onlyCur.length) notes.push(`Only in the current data, not compared: ${onlyCur.join(', ')}.`);
  if (!chosen.length) {
    throw new PlumbError(
      'drift.no-columns',
      `${reference.file} and ${current.file} have no column in common to compare (reference: ${listColumns(reference)}; current: ${listColumns(current)}).`,
      { file: current.file },
    );
  }
  return { columns: chosen, notes };
}

const NUMBER_RE = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$|^\s*[-+]?(?:inf|infinity)\s*$/i;

function parseNumber(s: string): number | null {
  if (!NUMBER_RE.test(s)) return null;
  const t = s.trim().toLowerCase().replace(/^\+/, '');
  if (t === 'inf' || t === 'infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return Number(t);
}

/** A categorical column as numbers, or the first few values that are not numbers. */
function asNumbers(c: CategoricalColumn): NumericColumn | string[] {
  const parsed = c.categories.map(parseNumber);
  const used = new Uint8Array(c.categories.length);
  for (let i = 0; i < c.codes.length; i++) if (c.codes[i] >= 0) used[c.codes[i]] = 1;
  const bad = c.categories.filter((_, k) => used[k] && parsed[k] === null);
  if (bad.length) return bad.slice(0, 3);
  const values = new Float64Array(c.codes.length);
  for (let i = 0; i < c.codes.length; i++) values[i] = c.codes[i] < 0 ? NaN : (parsed[c.codes[i]] as number);
  return { name: c.name, type: 'numeric', values, missing: c.missing };
}

/** The two sides of a column, of the same kind. */
export function alignColumn(name: string, reference: Table, current: Table): { reference: Column; current: Column; note?: string } {
  const ref = findColumn(reference, name)!;
  const cur = findColumn(current, name)!;
  if ((ref.type === 'categorical') === (cur.type === 'categorical')) {
    if (ref.type !== 'categorical' && (ref.type === 'datetime') !== (cur.type === 'datetime')) {
      const [dated, other] = ref.type === 'datetime' ? [reference, current] : [current, reference];
      throw new PlumbError(
        'drift.type-mismatch',
        `Column \`${name}\` holds dates in ${dated.file} but plain numbers in ${other.file}; make both files use the same format.`,
        { file: other.file, column: name },
      );
    }
    return { reference: ref, current: cur };
  }
  const [textCol, textTable, otherTable] = ref.type === 'categorical' ? [ref, reference, current] : [cur as CategoricalColumn, current, reference];
  const converted = asNumbers(textCol as CategoricalColumn);
  if (Array.isArray(converted)) {
    throw new PlumbError(
      'drift.type-mismatch',
      `Column \`${name}\` is numeric in ${otherTable.file} but has text in ${textTable.file} (for example ${converted.map((v) => JSON.stringify(v)).join(', ')}); fix those values or leave the column out of drift.columns.`,
      { file: textTable.file, column: name },
    );
  }
  const note = `\`${name}\` was read as text in ${textTable.file} but every value is a number, so it is compared as numbers.`;
  return ref.type === 'categorical' ? { reference: converted, current: cur, note } : { reference: ref, current: converted, note };
}
