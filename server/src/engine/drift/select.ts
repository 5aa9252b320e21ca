/**
 * Which test runs on a column, its threshold, and the drift rule, as Evidently's
 * `_get_default_stattest` and each StatTest's default_threshold and comparison.
 */
import { PlumbError } from '../errors';
import type { DriftMethod, DriftTest, DriftThreshold } from './types';

export const DRIFT_TESTS: readonly DriftTest[] = ['ks', 'chisquare', 'ztest', 'psi', 'wasserstein', 'jensenshannon'];
export const DRIFT_METHODS: readonly DriftMethod[] = ['auto', ...DRIFT_TESTS];

/** Evidently's default thresholds. */
export const DEFAULT_THRESHOLDS: Readonly<Record<DriftTest, number>> = {
  ks: 0.05,
  chisquare: 0.05,
  ztest: 0.05,
  psi: 0.1,
  wasserstein: 0.1,
  jensenshannon: 0.1,
};

export const P_VALUE_TESTS: ReadonlySet<DriftTest> = new Set(['ks', 'chisquare', 'ztest']);

/** Reference sizes up to this use p-value tests under `auto`; above it, distances. */
export const AUTO_SMALL_REFERENCE = 1000;
/** Numeric columns with at most this many distinct values (both sides) are tested as categories. */
export const AUTO_FEW_VALUES = 5;
/** chisquare on a numeric column treats values as categories only up to this many distinct values. */
export const MAX_VALUES_AS_CATEGORIES = 20;

export interface ColumnFacts {
  kind: 'numeric' | 'categorical';
  /** Non-missing reference values. */
  referenceSize: number;
  /** Distinct non-missing values over both sides. */
  combinedUnique: number;
}

export function checkMethod(method: string): DriftMethod {
  if ((DRIFT_METHODS as readonly string[]).includes(method)) return method as DriftMethod;
  throw new PlumbError('drift.unknown-method', `Unknown drift method \`${method}\`; use one of ${DRIFT_METHODS.join(', ')}.`);
}

/** Evidently's default test for a column. */
export function autoTest(f: ColumnFacts): { test: DriftTest; reason: string } {
  const size = `reference has ${f.referenceSize} values`;
  const values = `${f.combinedUnique} distinct value${f.combinedUnique === 1 ? '' : 's'}`;
  if (f.referenceSize <= AUTO_SMALL_REFERENCE) {
    if (f.kind === 'numeric' && f.combinedUnique > AUTO_FEW_VALUES) {
      return { test: 'ks', reason: `auto: ${size} (<= ${AUTO_SMALL_REFERENCE}), numeric with ${values} (> ${AUTO_FEW_VALUES}): Kolmogorov-Smirnov` };
    }
    const what = f.kind === 'numeric' ? `numeric with ${values} (<= ${AUTO_FEW_VALUES})` : `categorical with ${values}`;
    if (f.combinedUnique > 2) return { test: 'chisquare', reason: `auto: ${size} (<= ${AUTO_SMALL_REFERENCE}), ${what}: chi-square` };
    return { test: 'ztest', reason: `auto: ${size} (<= ${AUTO_SMALL_REFERENCE}), ${what} (at most 2): z-test for proportions` };
  }
  if (f.kind === 'numeric' && f.combinedUnique > AUTO_FEW_VALUES) {
    return { test: 'wasserstein', reason: `auto: ${size} (> ${AUTO_SMALL_REFERENCE}), numeric with ${values} (> ${AUTO_FEW_VALUES}): Wasserstein distance normed by the reference std` };
  }
  const what = f.kind === 'numeric' ? `numeric with ${values} (<= ${AUTO_FEW_VALUES})` : 'categorical';
  return { test: 'jensenshannon', reason: `auto: ${size} (> ${AUTO_SMALL_REFERENCE}), ${what}: Jensen-Shannon distance` };
}

/** The test to run: the requested one when it applies to the column, otherwise auto's choice. */
export function chooseTest(method: DriftMethod, f: ColumnFacts): { test: DriftTest; reason: string; fallback: boolean } {
  if (method === 'auto') return { ...autoTest(f), fallback: false };
  const why = applicability(method, f);
  if (!why) return { test: method, reason: `requested: method ${method}`, fallback: false };
  const auto = autoTest(f);
  return { test: auto.test, reason: `${why}, so the default test ran (${auto.reason})`, fallback: true };
}

/** Why `test` does not apply to the column, or null when it does. */
function applicability(test: DriftTest, f: ColumnFacts): string | null {
  if ((test === 'ks' || test === 'wasserstein') && f.kind === 'categorical') return `${test} needs a numeric column and this one is categorical`;
  if (test === 'chisquare' && f.kind === 'numeric' && f.combinedUnique > MAX_VALUES_AS_CATEGORIES) {
    return `chisquare compares categories and this numeric column has ${f.combinedUnique} distinct values (> ${MAX_VALUES_AS_CATEGORIES})`;
  }
  if (test === 'ztest' && f.combinedUnique > 2) return `ztest needs at most 2 distinct values and this column has ${f.combinedUnique}`;
  return null;
}

export function thresholdFor(test: DriftTest, threshold: DriftThreshold | undefined, fallback: boolean): number {
  if (typeof threshold === 'number') return fallback ? DEFAULT_THRESHOLDS[test] : threshold;
  return threshold?.[test] ?? DEFAULT_THRESHOLDS[test];
}

/** Evidently's comparisons: ks p <= t; chisquare and ztest p < t; distances >= t. */
export function isDrift(test: DriftTest, score: number, threshold: number): boolean {
  if (Number.isNaN(score)) return false;
  if (test === 'ks') return score <= threshold;
  if (P_VALUE_TESTS.has(test)) return score < threshold;
  return score >= threshold;
}

export function ruleText(test: DriftTest, threshold: number): string {
  if (test === 'ks') return `p_value <= ${threshold}`;
  if (P_VALUE_TESTS.has(test)) return `p_value < ${threshold}`;
  return `${test === 'psi' ? 'psi' : 'distance'} >= ${threshold}`;
}

export function checkThreshold(threshold: DriftThreshold | undefined): void {
  const bad = (v: unknown) => typeof v !== 'number' || !Number.isFinite(v) || v < 0;
  if (threshold === undefined) return;
  if (typeof threshold === 'number') {
    if (bad(threshold)) throw new PlumbError('drift.bad-threshold', `Drift threshold must be a number >= 0, got ${threshold}.`);
    return;
  }
  for (const [k, v] of Object.entries(threshold)) {
    if (!(DRIFT_TESTS as readonly string[]).includes(k)) throw new PlumbError('drift.bad-threshold', `Unknown test \`${k}\` in the drift thresholds; use ${DRIFT_TESTS.join(', ')}.`);
    if (bad(v)) throw new PlumbError('drift.bad-threshold', `Drift threshold for ${k} must be a number >= 0, got ${v}.`);
  }
}
