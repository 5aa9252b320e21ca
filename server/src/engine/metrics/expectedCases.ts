/**
 * Test helper: loads the scikit-learn reference cases of expected/*.json (written by
 * expected/generate.py with Debian's scikit-learn) as MetricInputs with their expected outputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricInput } from './types';

export interface ExpectedCase {
  name: string;
  kind: MetricInput['kind'];
  input: MetricInput;
  values: Record<string, number | null>;
  warned: string[];
  // Curves and tables as the generator wrote them (JSON, null for NaN).
  [extra: string]: unknown;
}

interface RawCase {
  name: string;
  kind: MetricInput['kind'];
  classes?: number;
  y: number[];
  pred: number[];
  score?: number[] | null;
  proba?: number[] | null;
  values: Record<string, number | null>;
  warned: string[];
  [extra: string]: unknown;
}

export function loadCases(file: 'binary' | 'multiclass' | 'regression'): ExpectedCase[] {
  const doc = JSON.parse(readFileSync(join(__dirname, 'expected', `${file}.json`), 'utf8')) as { cases: RawCase[] };
  return doc.cases.map((c) => {
    let input: MetricInput;
    if (c.kind === 'binary') {
      input = { kind: 'binary', y: Uint8Array.from(c.y), pred: Uint8Array.from(c.pred), score: c.score ? Float64Array.from(c.score) : null };
    } else if (c.kind === 'multiclass') {
      input = { kind: 'multiclass', classes: c.classes!, y: Int32Array.from(c.y), pred: Int32Array.from(c.pred), proba: c.proba ? Float64Array.from(c.proba) : null };
    } else {
      input = { kind: 'regression', y: Float64Array.from(c.y), pred: Float64Array.from(c.pred) };
    }
    return { ...c, input };
  });
}

/** |actual - expected| <= tol * max(1, |expected|); null expects NaN. */
export function close(actual: number | null, expected: number | null, tol: number): boolean {
  if (expected === null) return actual === null || Number.isNaN(actual);
  if (actual === null) return false;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}
