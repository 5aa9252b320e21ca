/**
 * Tests on counts per category (or per distinct value): Evidently's chi-square (scipy.stats.chisquare
 * of the current counts against the reference proportions scaled to the current size) and its
 * two-proportion z-test for binary columns.
 */
import { chi2Sf, normalSf } from './special';

/** Counts per key over the keys either side has (a key may have 0 on one side). */
export interface KeyCounts {
  keys: (string | number)[];
  reference: number[];
  current: number[];
}

export interface ChiSquareResult {
  /** null when infinite: a category absent from the reference has expected count 0. */
  statistic: number | null;
  p_value: number;
  df: number;
  /** Keys with current counts but none in the reference (each makes the statistic infinite). */
  absent_from_reference: string[];
}

export function chiSquare(c: KeyCounts): ChiSquareResult {
  let nRef = 0;
  let nCur = 0;
  for (let k = 0; k < c.keys.length; k++) {
    nRef += c.reference[k];
    nCur += c.current[k];
  }
  const scale = nCur / nRef;
  const absent: string[] = [];
  let stat = 0;
  for (let k = 0; k < c.keys.length; k++) {
    const expected = c.reference[k] * scale;
    const observed = c.current[k];
    if (expected === 0) {
      if (observed > 0) absent.push(String(c.keys[k]));
      continue;
    }
    stat += ((observed - expected) * (observed - expected)) / expected;
  }
  const df = c.keys.length - 1;
  if (absent.length) return { statistic: null, p_value: 0, df, absent_from_reference: absent };
  // One category only: nothing can differ (scipy would return NaN for 0 degrees of freedom).
  if (df === 0) return { statistic: 0, p_value: 1, df, absent_from_reference: [] };
  return { statistic: stat, p_value: chi2Sf(stat, df), df, absent_from_reference: [] };
}

export interface ZTestResult {
  statistic: number;
  p_value: number;
  /** The value whose share is compared (shares of "not the first key in sorted order", as Evidently). */
  compared: string;
}

/** Evidently's proportions z-test: at most two distinct values over both sides. */
export function zTest(c: KeyCounts): ZTestResult {
  const order = c.keys.map((_, k) => k).sort((x, y) => compareKeys(c.keys[x], c.keys[y]));
  const first = order[0];
  let n1 = 0;
  let n2 = 0;
  for (let k = 0; k < c.keys.length; k++) {
    n1 += c.reference[k];
    n2 += c.current[k];
  }
  const other = order.length > 1 ? String(c.keys[order[1]]) : String(c.keys[first]);
  const refOnly = c.reference.filter((x) => x > 0).length;
  const curOnly = c.current.filter((x) => x > 0).length;
  if (refOnly === 1 && curOnly === 1 && c.reference.findIndex((x) => x > 0) === c.current.findIndex((x) => x > 0)) {
    return { statistic: 0, p_value: 1, compared: other };
  }
  const p1 = (n1 - c.reference[first]) / n1;
  const p2 = (n2 - c.current[first]) / n2;
  const P = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2));
  return { statistic: z, p_value: Math.min(1, 2 * normalSf(Math.abs(z))), compared: other };
}

/** Python's sorted order: numbers numerically, strings by code point. */
function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Two-proportion z-test on missing-value rates (same formula; p = 1 when both rates are equal and 0 or 1). */
export function proportionsZ(k1: number, n1: number, k2: number, n2: number): { statistic: number; p_value: number } | null {
  if (n1 === 0 || n2 === 0) return null;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const P = (k1 + k2) / (n1 + n2);
  const v = P * (1 - P) * (1 / n1 + 1 / n2);
  if (v === 0) return { statistic: 0, p_value: 1 };
  const z = (p2 - p1) / Math.sqrt(v);
  return { statistic: z, p_value: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
