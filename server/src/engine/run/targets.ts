/**
 * Turns the spec's target column and the model's predictions into the MetricInput every metric
 * takes: binary 0/1 against `positive_label`, class indices for multiclass, numbers for regression.
 * Bad targets (missing values, a binary target with three values, a positive label that never
 * occurs) are PlumbErrors naming the file, the column and the first offending row.
 */
import { PlumbError } from '../errors';
import type { Column, Table } from '../data/table';
import { cellText, findColumn } from '../data/table';
import type { Spec } from '../spec/spec';
import type { BinaryInput, MetricInput, MulticlassInput, RegressionInput } from '../metrics/types';
import type { Prediction } from '../model';

/** Data row N is on line N + 2 of a CSV with a header (when no field spans lines). */
export const lineOfRow = (row: number) => row + 2;

export function sameLabel(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const norm = (x: unknown) => (typeof x === 'boolean' ? (x ? '1' : '0') : typeof x === 'string' && /^(true|false)$/i.test(x) ? (/^true$/i.test(x) ? '1' : '0') : String(x));
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na === nb;
  return norm(a) === norm(b);
}

export function requireColumn(table: Table, name: string, key: string): Column {
  const c = findColumn(table, name);
  if (!c) throw new PlumbError('data.missing-column', `\`${key}\`: column \`${name}\` is not in ${table.file} (columns: ${table.columns.map((x) => x.name).join(', ')}).`, { file: table.file, column: name });
  return c;
}

function firstMissing(c: Column): number {
  for (let i = 0; i < (c.type === 'categorical' ? c.codes.length : c.values.length); i++) {
    if (c.type === 'categorical' ? c.codes[i] < 0 : Number.isNaN(c.values[i])) return i;
  }
  return -1;
}

function noMissing(table: Table, c: Column, what: string): void {
  if (c.missing === 0) return;
  const row = firstMissing(c);
  throw new PlumbError('data.missing-target', `${what} \`${c.name}\` has ${c.missing} missing value(s), first on data row ${row} (line ${lineOfRow(row)}). Fill or drop those rows: a metric cannot score a row without ${what === 'target' ? 'its truth' : 'a prediction'}.`, { file: table.file, line: lineOfRow(row), column: c.name });
}

/** Distinct values of a column, as text, in first-seen order. */
export function distinctValues(c: Column, limit = 1000): string[] {
  if (c.type === 'categorical') return c.categories.slice(0, limit);
  const seen = new Set<number>();
  for (let i = 0; i < c.values.length && seen.size < limit; i++) if (!Number.isNaN(c.values[i])) seen.add(c.values[i]);
  return [...seen].map(String);
}

export function binaryTruth(table: Table, spec: Spec): Uint8Array {
  const target = requireColumn(table, spec.data!.target!, 'data.target');
  noMissing(table, target, 'target');
  const pos = spec.model?.positiveLabel ?? 1;
  const values = distinctValues(target, 3);
  if (values.length > 2) {
    const row = Array.from({ length: table.rowCount }, (_, i) => i).find((i) => !values.slice(0, 2).some((v) => sameLabel(cellText(target, i), v)));
    throw new PlumbError('data.unknown-target', `target \`${target.name}\` has more than two values (${values.join(', ')}, ...) but \`model.task\` is binary-classification. Use multiclass-classification, or map the target to two values.`, { file: table.file, line: row !== undefined ? lineOfRow(row) : undefined, column: target.name });
  }
  if (!values.some((v) => sameLabel(v, pos))) {
    throw new PlumbError('data.positive-label-absent', `\`model.positive_label\` is ${JSON.stringify(pos)} but target \`${target.name}\` only has ${values.map((v) => JSON.stringify(v)).join(' and ')}. Set positive_label to the value that means "positive".`, { file: table.file, column: target.name });
  }
  const y = new Uint8Array(table.rowCount);
  for (let i = 0; i < y.length; i++) y[i] = sameLabel(cellText(target, i), pos) ? 1 : 0;
  return y;
}

/** Binary predictions from a model's output or a prediction column. */
export function binaryInput(y: Uint8Array, prediction: Prediction, spec: Spec, file: string): BinaryInput {
  const pos = spec.model?.positiveLabel ?? 1;
  const threshold = spec.model?.threshold ?? 0.5;
  const n = y.length;
  let score: Float64Array | null = null;
  const pred = new Uint8Array(n);
  if (prediction.kind === 'proba') {
    const C = prediction.classes.length;
    let col = prediction.classes.findIndex((c) => sameLabel(c, pos));
    if (col < 0) {
      if (C !== 2) throw new PlumbError('model.positive-label-absent', `the model's classes are ${prediction.classes.join(', ')}; none is \`model.positive_label\` ${JSON.stringify(pos)}.`, { file });
      col = 1;
    }
    score = new Float64Array(n);
    for (let i = 0; i < n; i++) score[i] = prediction.proba[i * C + col];
  } else if (prediction.kind === 'score' || prediction.kind === 'value') {
    score = prediction.kind === 'score' ? prediction.score : prediction.value;
  } else {
    for (let i = 0; i < n; i++) pred[i] = sameLabel(prediction.labels[i], pos) ? 1 : 0;
    return { kind: 'binary', y, pred, score: null };
  }
  for (let i = 0; i < n; i++) pred[i] = score[i] >= threshold ? 1 : 0;
  return { kind: 'binary', y, pred, score };
}

export function multiclassInput(table: Table, spec: Spec, prediction: Prediction, file: string): { input: MulticlassInput; labels: string[] } {
  const target = requireColumn(table, spec.data!.target!, 'data.target');
  noMissing(table, target, 'target');
  const modelClasses = prediction.kind === 'proba' ? prediction.classes.map(String) : (spec.model?.labels ?? []).map(String);
  const labels = [...modelClasses];
  for (const v of distinctValues(target)) if (!labels.some((l) => sameLabel(l, v))) labels.push(v);
  const index = (v: unknown) => labels.findIndex((l) => sameLabel(l, v));
  const n = table.rowCount;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = index(cellText(target, i));
  const C = labels.length;
  const pred = new Int32Array(n);
  let proba: Float64Array | null = null;
  if (prediction.kind === 'proba') {
    const mc = prediction.classes.length;
    proba = new Float64Array(n * C);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 0; c < mc; c++) {
        const p = prediction.proba[i * mc + c];
        proba[i * C + c] = p;
        if (p > prediction.proba[i * mc + best]) best = c;
      }
      pred[i] = prediction.labels ? index(prediction.labels[i]) : best;
    }
  } else if (prediction.kind === 'label') {
    for (let i = 0; i < n; i++) {
      const k = index(prediction.labels[i]);
      if (k < 0) throw new PlumbError('model.unknown-label', `the model predicted \`${prediction.labels[i]}\`, which is not a class of target \`${target.name}\` (${labels.join(', ')}).`, { file });
      pred[i] = k;
    }
  } else {
    throw new PlumbError('model.output-kind', `a multiclass model must output class probabilities or labels; \`${spec.model?.output ?? 'its output'}\` gives one number per row. Set \`model.output\`.`, { file });
  }
  return { input: { kind: 'multiclass', classes: C, y, pred, proba }, labels };
}

export function regressionInput(table: Table, spec: Spec, prediction: Prediction, file: string): RegressionInput {
  const target = requireColumn(table, spec.data!.target!, 'data.target');
  if (target.type === 'categorical') throw new PlumbError('data.non-numeric-target', `target \`${target.name}\` is not numeric (e.g. \`${target.categories[0]}\`) but \`model.task\` is regression.`, { file: table.file, column: target.name });
  noMissing(table, target, 'target');
  const value = prediction.kind === 'value' ? prediction.value : prediction.kind === 'score' ? prediction.score : null;
  if (!value) throw new PlumbError('model.output-kind', 'a regression model must output one number per row; set `model.output` to that output.', { file });
  return { kind: 'regression', y: target.values, pred: value };
}

/** Predictions from a column of the data (`data.prediction`): scores in [0, 1] or labels. */
export function predictionFromColumn(table: Table, name: string, spec: Spec): Prediction {
  const c = requireColumn(table, name, 'data.prediction');
  noMissing(table, c, 'prediction column');
  if (c.type === 'categorical') return { kind: 'label', labels: Array.from(c.codes, (k) => c.categories[k]) };
  const task = spec.model?.task ?? 'binary-classification';
  if (task === 'regression') return { kind: 'value', value: c.values };
  let fractional = false;
  let inUnit = true;
  for (let i = 0; i < c.values.length; i++) {
    const v = c.values[i];
    if (!Number.isInteger(v)) fractional = true;
    if (v < 0 || v > 1) inUnit = false;
  }
  if (task === 'binary-classification' && fractional && inUnit) return { kind: 'score', score: c.values };
  return { kind: 'label', labels: Array.from(c.values) };
}

export function toMetricInput(table: Table, spec: Spec, prediction: Prediction, file: string): { input: MetricInput; labels: (string | number)[] } {
  const task = spec.model?.task ?? 'binary-classification';
  if (task === 'regression') return { input: regressionInput(table, spec, prediction, file), labels: [] };
  if (task === 'multiclass-classification') return multiclassInput(table, spec, prediction, file);
  const y = binaryTruth(table, spec);
  const target = requireColumn(table, spec.data!.target!, 'data.target');
  const values = distinctValues(target, 2);
  const pos = spec.model?.positiveLabel ?? 1;
  const neg = values.find((v) => !sameLabel(v, pos)) ?? 'other';
  return { input: binaryInput(y, prediction, spec, file), labels: [asLabel(neg), asLabel(pos)] };
}

function asLabel(v: unknown): string | number {
  if (typeof v === 'number') return v;
  const n = Number(v);
  return typeof v === 'string' && v !== '' && Number.isFinite(n) ? n : String(v);
}
