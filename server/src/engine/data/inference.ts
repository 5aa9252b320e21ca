/**
 * Type inference for text values, shared by CSV text columns and Parquet string columns: a column
 * whose values are all numbers is numeric; all true/false/yes/no (any case) is boolean; all ISO 8601
 * dates or date-times is datetime; anything else is categorical. Missing values do not vote.
 */
import type { ColumnType } from './table';

const NUMBER = /^[ \t]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t]*$/;
const INFINITY = /^[ \t]*([+-]?)(?:inf|infinity)[ \t]*$/i;

/** The number a text means (surrounding spaces allowed, `inf` and `-Infinity` too), or NaN. */
export function parseNumberText(text: string): number {
  if (NUMBER.test(text)) return Number(text);
  const m = INFINITY.exec(text);
  if (m) return m[1] === '-' ? -Infinity : Infinity;
  return NaN;
}

/** 1 for true/yes, 0 for false/no (any case), NaN otherwise. */
export function parseBooleanText(text: string): number {
  switch (text.toLowerCase()) {
    case 'true':
    case 'yes':
      return 1;
    case 'false':
    case 'no':
      return 0;
    default:
      return NaN;
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since 1970-01-01 UTC of an ISO 8601 date (`2024-05-01`) or date-time
 * (`2024-05-01T13:45`, `...:30`, `...:30.250`, with `T` or a space, with `Z` or `+02:00` or no zone,
 * which is read as UTC); fractions below a millisecond are truncated. NaN when not such a date.
 */
export function parseDatetimeText(text: string): number {
  const m = ISO.exec(text);
  if (!m) return NaN;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1) return NaN;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS[month - 1])) return NaN;
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000 + 1e-7);
  let offset = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 23 || om > 59) return NaN;
    offset = sign * (oh * 60 + om) * 60000;
  }
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999; put them back.
  const fixed = year < 100 ? new Date(t).setUTCFullYear(year) : t;
  return fixed - offset;
}

/** The type a set of distinct non-missing texts suggests. No values at all: categorical. */
export function inferTextType(values: readonly string[]): ColumnType {
  if (values.length === 0) return 'categorical';
  if (values.every((v) => !Number.isNaN(parseNumberText(v)))) return 'numeric';
  if (values.every((v) => !Number.isNaN(parseBooleanText(v)))) return 'boolean';
  if (values.every((v) => !Number.isNaN(parseDatetimeText(v)))) return 'datetime';
  return 'categorical';
}

/** The parser for a non-categorical type. */
export function textParser(type: Exclude<ColumnType, 'categorical'>): (text: string) => number {
  return type === 'numeric' ? parseNumberText : type === 'boolean' ? parseBooleanText : parseDatetimeText;
}
