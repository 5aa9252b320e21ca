/**
 * Monitoring windows over the current data: fixed-length time windows over a timestamp column, or
 * consecutive row ranges in file order. Time windows start at the first timestamp rounded down to
 * the window's unit (a UTC midnight for day and week windows, the hour for hour windows, the minute
 * for minute windows), so "7d" windows start on a date and read well in a recommendation.
 */
import type { Column, Table } from '../data/table';
import { findColumn } from '../data/table';
import { parseDatetimeText } from '../data/inference';
import { PlumbError } from '../errors';
import { parseWindow } from '../spec/spec';

export interface WindowRows {
  start: string | number;
  end: string | number;
  label: string;
  rows: Int32Array;
}

export interface Windowing {
  kind: 'duration' | 'rows';
  size: string;
  ms?: number;
  rowsPerWindow?: number;
  windows: WindowRows[];
  empty: { start: string; end: string }[];
  withoutTimestamp: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
export const MAX_WINDOWS = 10_000;

/** Milliseconds per row from a datetime or date-text column; NaN where missing. */
function timestamps(col: Column, file: string): Float64Array {
  if (col.type === 'datetime') return col.values;
  if (col.type === 'categorical') {
    const parsed = col.categories.map(parseDatetimeText);
    const out = new Float64Array(col.codes.length);
    for (let i = 0; i < col.codes.length; i++) {
      const c = col.codes[i];
      if (c < 0) out[i] = NaN;
      else if (Number.isNaN(parsed[c])) {
        throw new PlumbError('monitoring.bad-timestamp', `Timestamp column \`${col.name}\` has ${JSON.stringify(col.categories[c])} on row ${i + 1}, which is not an ISO 8601 date or date-time (such as 2026-03-01 or 2026-03-01T12:00:00Z).`, { file, column: col.name });
      } else out[i] = parsed[c];
    }
    return out;
  }
  throw new PlumbError('monitoring.bad-timestamp', `Timestamp column \`${col.name}\` holds ${col.type === 'boolean' ? 'booleans' : 'plain numbers'}, not dates; write ISO 8601 dates (such as 2026-03-01) or use a row-count window.`, { file, column: col.name });
}

const iso = (ms: number) => new Date(ms).toISOString();

function alignStart(min: number, ms: number): number {
  const unit = ms % DAY === 0 ? DAY : ms % HOUR === 0 ? HOUR : ms % MINUTE === 0 ? MINUTE : 1;
  return Math.floor(min / unit) * unit;
}

export function buildWindows(current: Table, window: string | number, timestamp?: string): Windowing {
  const parsed = parseWindow(window);
  const size = String(window);
  if (!parsed) {
    throw new PlumbError('monitoring.bad-window', `Monitoring window \`${size}\` is neither a duration (such as 7d, 12h, 2w, 30m) nor a row count (such as 5000).`);
  }
  const n = current.rowCount;
  if (parsed.kind === 'rows') {
    const windows: WindowRows[] = [];
    for (let s = 0; s < n; s += parsed.rows) {
      const e = Math.min(n, s + parsed.rows);
      const rows = new Int32Array(e - s);
      for (let i = 0; i < rows.length; i++) rows[i] = s + i;
      windows.push({ start: s, end: e, label: `rows ${s + 1}-${e}`, rows });
    }
    return { kind: 'rows', size, rowsPerWindow: parsed.rows, windows, empty: [], withoutTimestamp: 0 };
  }
  if (!timestamp) {
    throw new PlumbError('monitoring.no-timestamp', `Monitoring window \`${size}\` is a duration, so it needs data.timestamp (a date column); or use a row count such as 5000.`, { file: current.file });
  }
  const col = findColumn(current, timestamp);
  if (!col) {
    throw new PlumbError('monitoring.no-timestamp', `Timestamp column \`${timestamp}\` is not in ${current.file} (columns: ${current.columns.map((c) => c.name).join(', ')}).`, { file: current.file, column: timestamp });
  }
  const ts = timestamps(col, current.file);
  let min = Infinity;
  let max = -Infinity;
  let without = 0;
  for (let i = 0; i < n; i++) {
    const t = ts[i];
    if (Number.isNaN(t)) without++;
    else {
      if (t < min) min = t;
      if (t > max) max = t;
    }
  }
  if (min === Infinity) {
    throw new PlumbError('monitoring.no-timestamp', `Timestamp column \`${timestamp}\` has no values in ${current.file}.`, { file: current.file, column: timestamp });
  }
  const ms = parsed.ms;
  const start = alignStart(min, ms);
  const count = Math.floor((max - start) / ms) + 1;
  if (count > MAX_WINDOWS) {
    throw new PlumbError('monitoring.too-many-windows', `Window \`${size}\` cuts ${iso(min)} to ${iso(max)} into ${count} windows (at most ${MAX_WINDOWS}); use a longer window.`, { file: current.file, column: timestamp });
  }
  const sizes = new Int32Array(count);
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(ts[i])) slot[i] = -1;
    else sizes[(slot[i] = Math.floor((ts[i] - start) / ms))]++;
  }
  const rowsOf = Array.from(sizes, (s) => new Int32Array(s));
  const fill = new Int32Array(count);
  for (let i = 0; i < n; i++) if (slot[i] >= 0) rowsOf[slot[i]][fill[slot[i]]++] = i;
  const windows: WindowRows[] = [];
  const empty: { start: string; end: string }[] = [];
  for (let w = 0; w < count; w++) {
    const s = iso(start + w * ms);
    const e = iso(start + (w + 1) * ms);
    if (sizes[w] === 0) empty.push({ start: s, end: e });
    else windows.push({ start: s, end: e, label: `${s.slice(0, ms % DAY === 0 ? 10 : 16)} (${size})`, rows: rowsOf[w] });
  }
  return { kind: 'duration', size, ms, windows, empty, withoutTimestamp: without };
}
