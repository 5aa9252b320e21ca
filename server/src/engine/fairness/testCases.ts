/**
 * Test helper: the cases of expected/cases.json (written by expected/generate.py with pandas and
 * scikit-learn) as Plumb Tables and metric inputs. Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Column, Table } from '../data/table';
import type { MetricInput } from '../metrics/types';

export interface ExpectedGroup {
  group: Record<string, string>;
  count: number;
  share: number;
  [metric: string]: number | null | Record<string, string>;
}

export interface ExpectedCase {
  name: string;
  kind: 'binary' | 'multiclass' | 'regression' | 'labels' | 'numeric-labels';
  sensitive: string[];
  relative_to: 'groups' | 'overall';
  min_group_size: number;
  metrics_listed: string[];
  bins?: Record<string, number[]>;
  data: Record<string, (string | number | null)[]>;
  expected: {
    groups: ExpectedGroup[];
    overall: Record<string, number | null>;
    metrics: Record<string, number | null>;
    four_fifths: { ratio: number; passed: boolean; failing: string[] } | null;
  };
  bootstrap?: { n: number; seed: number; intervals: Record<string, { low: number; high: number }> };
}

const file = join(__dirname, 'expected', 'cases.json');
export const CASES: ExpectedCase[] = JSON.parse(readFileSync(file, 'utf8')).cases;

export function getCase(name: string): ExpectedCase {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name} in ${file}`);
  return c;
}

/** Sensitive columns as a Table: text -> categorical (codes in order of first appearance), numbers -> numeric. */
export function tableOf(c: ExpectedCase): Table {
  const rowCount = c.data[c.sensitive[0]].length;
  const columns: Column[] = c.sensitive.map((name) => {
    const values = c.data[name];
    if (values.some((v) => typeof v === 'string')) {
      const categories: string[] = [];
      const codes = new Int32Array(rowCount);
      values.forEach((v, i) => {
        if (v === null) {
          codes[i] = -1;
          return;
        }
        let k = categories.indexOf(String(v));
        if (k < 0) k = categories.push(String(v)) - 1;
        codes[i] = k;
      });
      return { name, type: 'categorical', codes, categories, missing: values.filter((v) => v === null).length };
    }
    const arr = Float64Array.from(values, (v) => (v === null ? NaN : Number(v)));
    return { name, type: 'numeric', values: arr, missing: values.filter((v) => v === null).length };
  });
  return { file: `${c.name}.csv`, rowCount, columns };
}

export function inputOf(c: ExpectedCase): MetricInput | null {
  const { y, pred, score } = c.data;
  if (c.kind === 'binary') {
    return { kind: 'binary', y: Uint8Array.from(y as number[]), pred: Uint8Array.from(pred as number[]), score: score ? Float64Array.from(score as number[]) : null };
  }
  if (c.kind === 'multiclass') return { kind: 'multiclass', classes: 3, y: Int32Array.from(y as number[]), pred: Int32Array.from(pred as number[]), proba: null };
  if (c.kind === 'regression') return { kind: 'regression', y: Float64Array.from(y as number[]), pred: Float64Array.from(pred as number[]) };
  return null;
}

/** Labels for the data-only cases. */
export function labelsOf(c: ExpectedCase): Uint8Array | Float64Array | null {
  if (c.kind === 'labels') return Uint8Array.from(c.data.y as number[]);
  if (c.kind === 'numeric-labels') return Float64Array.from(c.data.y, (v) => (v === null ? NaN : Number(v)));
  return null;
}

export function labelOf(group: Record<string, string>): string {
  return Object.entries(group).map(([k, v]) => `${k}=${v}`).join(', ');
}
