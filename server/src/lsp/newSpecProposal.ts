/**
 * New Spec from Model: from an ONNX signature and a data file's columns, propose what a spec needs
 * (task, features, target, positive label) and write the spec's text. Pure functions (no I/O), so
 * the proposal is tested on its own; `newSpec.ts` reads the files and answers the client.
 */
import { basename, dirname, relative, sep } from 'node:path';
import type { ColumnType } from '../engine/data/table';
import type { Task } from '../engine/metrics/types';
import type { ColumnSummary, ModelSummary, SpecProposal, TargetCandidate } from '../protocol/newSpec';
import { DEFAULT_METRICS } from '../engine/spec/checkNames';

export type { ColumnSummary, ModelSummary, SpecProposal, TargetCandidate, TensorSummary } from '../protocol/newSpec';

export const MAX_LISTED = 20;

const TARGET_WORDS = ['label', 'target', 'default', 'y', 'class', 'outcome', 'churn', 'fraud', 'survived', 'response'];
const NUMERIC: ColumnType[] = ['numeric', 'boolean'];

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Columns that look like a target: low cardinality and named like one; binary ones first. */
export function targetCandidates(columns: ColumnSummary[], model: ModelSummary): TargetCandidate[] {
  const inputs = new Set(model.inputs.map((i) => i.name));
  const scored: { c: ColumnSummary; score: number; reason: string }[] = [];
  for (const c of columns) {
    if (inputs.has(c.name) || c.type === 'datetime' || c.distinct < 2 || c.distinct > MAX_LISTED) continue;
    const w = words(c.name);
    const exact = TARGET_WORDS.includes(c.name.toLowerCase());
    const named = exact || w.some((x) => TARGET_WORDS.includes(x)) || w[0] === 'is' || w[0] === 'has';
    const binary = c.distinct === 2;
    if (!named && !binary) continue;
    const score = (exact ? 4 : named ? 2 : 0) + (binary ? 1 : 0);
    const reason = `${named ? 'named like a target' : 'binary'}${named && binary ? ', binary' : ''}${!binary ? `, ${c.distinct} values` : ''}`;
    scored.push({ c, score, reason });
  }
  return scored
    .sort((a, b) => b.score - a.score || columns.indexOf(a.c) - columns.indexOf(b.c))
    .map(({ c, reason }) => ({ column: c.name, reason, ...(c.values ? { values: c.values } : {}) }));
}

function isBinaryLabels(values: (number | string)[] | undefined): boolean {
  return !!values && values.length === 2;
}

function chooseTask(model: ModelSummary, target: ColumnSummary | undefined): { task: Task; reason: string } {
  const labels = model.classLabels;
  if (labels && labels.length === 2) return { task: 'binary-classification', reason: `the model has 2 class labels (${labels.join(', ')})` };
  if (labels && labels.length > 2) return { task: 'multiclass-classification', reason: `the model has ${labels.length} class labels` };
  const width = model.outputs.map((o) => o.shape?.[1]).find((d) => typeof d === 'number');
  if (typeof width === 'number' && width > 2) return { task: 'multiclass-classification', reason: `the model outputs ${width} columns` };
  if (target && target.distinct === 2) return { task: 'binary-classification', reason: `\`${target.name}\` has 2 values and the model outputs a score` };
  if (target && target.type === 'categorical') return { task: 'multiclass-classification', reason: `\`${target.name}\` is categorical` };
  return { task: 'regression', reason: target ? `\`${target.name}\` is numeric with ${target.distinct > MAX_LISTED ? 'many' : target.distinct} values and the model has no class labels` : 'the model has no class labels' };
}

function choosePositive(model: ModelSummary, target: ColumnSummary | undefined): number | string | undefined {
  const labels = model.classLabels;
  if (labels && labels.length === 2) return labels[1];
  const values = target?.values;
  if (!isBinaryLabels(values)) return undefined;
  const found = values!.find((v) => v === 1 || ['1', 'yes', 'true', 'positive', 'y'].includes(String(v).toLowerCase()));
  return found ?? values![1];
}

/** The proposal for one choice of target (null: no target column). */
export function proposeSpec(model: ModelSummary, columns: ColumnSummary[], target: string | null, featureOverride?: string[]): SpecProposal {
  const warnings: string[] = [];
  const t = target ? columns.find((c) => c.name === target) : undefined;
  if (target && !t) warnings.push(`\`${target}\` is not a column of the data file.`);
  const { task, reason: taskReason } = chooseTask(model, t);
  let features: string[];
  let featureReason: string;
  let input: string | undefined;
  const names = new Set(columns.map((c) => c.name));
  if (model.inputs.length > 1) {
    features = model.inputs.map((i) => i.name).filter((n) => names.has(n));
    const missing = model.inputs.map((i) => i.name).filter((n) => !names.has(n));
    featureReason = `one model input per feature, matched to columns by name`;
    if (missing.length) warnings.push(`Model inputs without a column of that name: ${missing.join(', ')}.`);
  } else {
    const only = model.inputs[0];
    input = only?.name;
    const k = only?.shape?.[1];
    const numeric = columns.filter((c) => c.name !== target && NUMERIC.includes(c.type)).map((c) => c.name);
    if (typeof k === 'number') {
      features = numeric.slice(0, k);
      featureReason = `the first ${k} numeric columns (the model's input \`${only.name}\` is [N, ${k}])`;
      if (numeric.length < k) warnings.push(`The model takes ${k} features but the data has ${numeric.length} numeric columns besides the target.`);
      else if (numeric.length > k) warnings.push(`The data has ${numeric.length} numeric columns and the model takes ${k}: check that the first ${k} are the model's features, in its order.`);
    } else {
      features = numeric;
      featureReason = only ? `every numeric column (the width of \`${only.name}\` is not declared)` : 'every numeric column';
      if (only) warnings.push(`The model does not declare how many features \`${only.name}\` takes; check the feature list.`);
    }
  }
  if (featureOverride) {
    features = featureOverride.filter((f) => names.has(f) && f !== target);
    featureReason = 'chosen by you';
  }
  if (!features.length) warnings.push('No feature columns: add `model.features` by hand.');
  const positiveLabel = task === 'binary-classification' ? choosePositive(model, t) : undefined;
  return { task, taskReason, features, featureReason, input, target: t ? t.name : null, ...(positiveLabel !== undefined ? { positiveLabel } : {}), warnings };
}

const PLAIN = /^[A-Za-z_.][A-Za-z0-9_.\-/]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

/** A YAML scalar: plain when safe, otherwise double-quoted (JSON strings are valid YAML). */
export function yamlScalar(v: string | number): string {
  if (typeof v === 'number') return String(v);
  return PLAIN.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v);
}

function posix(p: string): string {
  return p.split(sep).join('/');
}

/** The spec's text. `specPath` is where it will be written (beside the model). */
export function specText(p: SpecProposal, o: { specPath: string; modelPath: string; dataPath: string; name?: string }): string {
  const dir = dirname(o.specPath);
  const name = o.name ?? basename(o.modelPath).replace(/\.onnx$/i, '');
  const lines = [
    '# Drafted by Plumb: New Spec from Model. Check the features (in the model\'s input order), the',
    '# target and the task, then add gates: a failing gate fails the run and shows in Problems.',
    'plumb: 1',
    'kind: model',
    `name: ${yamlScalar(name)}`,
    'model:',
    `  path: ${yamlScalar(posix(relative(dir, o.modelPath)))}`,
    `  task: ${p.task}`,
    ...(p.features.length ? [`  features: [${p.features.map(yamlScalar).join(', ')}]`] : ['  # features: [column_a, column_b]']),
    ...(p.input ? [`  input: ${yamlScalar(p.input)}`] : []),
    ...(p.positiveLabel !== undefined ? [`  positive_label: ${yamlScalar(p.positiveLabel)}`] : []),
    'data:',
    `  eval: ${yamlScalar(posix(relative(dir, o.dataPath)))}`,
    ...(p.target ? [`  target: ${yamlScalar(p.target)}`] : ['  # target: label_column']),
  ];
  if (p.target) {
    const example = p.task === 'regression' ? 'r2: ">= 0.5"' : p.task === 'binary-classification' ? 'roc_auc: ">= 0.75"' : 'macro_f1: ">= 0.7"';
    lines.push('evaluation:', `  metrics: [${DEFAULT_METRICS[p.task].join(', ')}]`, `  # gates: { ${example} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** `<model>.plumb.yaml` beside the model, or `<model>-2.plumb.yaml`, ... when taken. */
export function freeSpecPath(modelPath: string, exists: (p: string) => boolean): string {
  const base = modelPath.replace(/\.onnx$/i, '');
  for (let i = 1; ; i++) {
    const p = `${base}${i === 1 ? '' : `-${i}`}.plumb.yaml`;
    if (!exists(p)) return p;
  }
}
