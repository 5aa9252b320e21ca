/**
 * Champion vs challenger from a spec: the champion is the spec's model, the challenger another ONNX
 * file (same features, input, output and threshold) or another model spec (its own model section;
 * its features must be columns of the champion's eval data). Both score the champion's `data.eval`
 * rows once, through the same RunContext code paths `plumb run` uses, and compareInputs does the rest.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { PlumbError } from '../errors';
import { DEFAULT_METRICS, evaluationMetricNames } from '../spec/checkNames';
import { CachedFileInfo } from '../spec/fileInfo';
import type { Spec } from '../spec/spec';
import { validateSpecText } from '../spec/validate';
import { RunContext, type RunOptions } from '../run/runChecks';
import { compareInputs } from './compareInputs';
import type { CompareResult } from './types';

export const isSpecPath = (p: string) => /\.ya?ml$/i.test(p);

/** The challenger as a spec: the champion's data and checks with another model section. */
export async function challengerSpec(champion: Spec, challengerPath: string): Promise<{ spec: Spec; notes: string[] }> {
  const notes: string[] = [];
  if (!isSpecPath(challengerPath)) {
    const data = champion.data ? { ...champion.data, prediction: undefined } : champion.data;
    return { spec: { ...champion, file: champion.file, model: { ...champion.model!, path: challengerPath }, data }, notes };
  }
  let text: string;
  try {
    text = await readFile(challengerPath, 'utf8');
  } catch {
    throw new PlumbError('compare.challenger-missing', `the challenger spec ${challengerPath} cannot be read. Check the path (relative paths in \`compare.challenger\` are relative to the spec).`, { file: challengerPath });
  }
  const v = await validateSpecText(text, challengerPath, new CachedFileInfo());
  const errors = v.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !v.spec) throw new PlumbError('compare.challenger-invalid', `the challenger spec has ${errors.length} error(s), the first: ${errors[0]?.message ?? 'not a spec'}. Run \`plumb check ${challengerPath}\`.`, { file: challengerPath });
  const other = v.spec;
  if (other.kind !== 'model' || !other.model) throw new PlumbError('compare.challenger-invalid', 'the challenger spec has no `model` section.', { file: challengerPath });
  if (other.data?.eval && champion.data?.eval && other.data.eval !== champion.data.eval) notes.push(`The challenger spec evaluates on ${relative(champion.dir, other.data.eval)}; both models are compared on the champion's ${relative(champion.dir, champion.data.eval)}.`);
  const prediction = other.model.path ? undefined : other.data?.prediction;
  return { spec: { ...champion, model: other.model, data: champion.data ? { ...champion.data, prediction } : undefined }, notes };
}

/** Metrics to compare: the evaluation section's (or the task's defaults) plus any a gate names. */
export function compareMetricNames(spec: Spec): string[] {
  const task = spec.model?.task ?? 'binary-classification';
  const known = evaluationMetricNames(task);
  const gated = Object.keys(spec.compare?.gates ?? {}).map((g) => g.replace(/_delta$/, '')).filter((m) => known.includes(m));
  return [...new Set([...(spec.evaluation?.metrics ?? DEFAULT_METRICS[task]), ...gated])];
}

export async function runCompare(spec: Spec, challengerPath: string, options: RunOptions = {}): Promise<CompareResult> {
  const started = performance.now();
  if (!spec.data?.eval || !spec.data.target) throw new PlumbError('compare.needs-data', 'compare needs `data.eval` and `data.target` in the spec: both models are scored on those rows.', { file: spec.file });
  const { spec: other, notes } = await challengerSpec(spec, challengerPath);
  if (other.model!.task !== spec.model?.task) throw new PlumbError('compare.task-mismatch', `the champion's task is ${spec.model?.task} and the challenger's ${other.model!.task}; compare models of one task.`, { file: challengerPath });
  const champ = new RunContext(spec, options);
  const chall = new RunContext(other, options);
  try {
    const table = await champ.evalTable();
    options.onProgress?.('Scoring the champion');
    const a = await champ.metricInput(table);
    options.onProgress?.('Scoring the challenger');
    const b = await chall.metricInput(table);
    const ev = spec.evaluation;
    const f = spec.fairness;
    options.onProgress?.('Comparing');
    const core = compareInputs(a.input, b.input, {
      metrics: compareMetricNames(spec),
      gates: spec.compare?.gates ?? {},
      bootstrap: (ev?.bootstrap ?? 200) > 0 ? { n: ev?.bootstrap ?? 200, seed: ev?.seed ?? 0 } : false,
      fairness: f ? { table, sensitive: f.sensitive, groups: Object.fromEntries(Object.entries(f.bins).map(([k, bins]) => [k, { bins }])), metrics: f.metrics, minGroupSize: f.minGroupSize, relativeTo: f.relativeTo } : undefined,
      championLabels: a.labels,
      challengerLabels: b.labels,
      signal: options.signal,
    });
    const ref = (s: Spec) => ({ model: s.model?.path ? relative(spec.dir, s.model.path) : `column:${s.data?.prediction}`, spec: relative(spec.dir, s.file) || s.file, ...(s.model?.task === 'binary-classification' ? { threshold: s.model.threshold } : {}) });
    const challengerRef = isSpecPath(challengerPath) ? { ...ref(other), spec: relative(spec.dir, challengerPath) } : ref(other);
    return {
      spec: spec.file,
      name: spec.name,
      champion: ref(spec),
      challenger: challengerRef,
      data: relative(spec.dir, table.file) || table.file,
      rows: table.rowCount,
      task: spec.model!.task,
      ...core,
      notes: [...notes, ...core.notes],
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } finally {
    await champ.dispose();
    await chall.dispose();
  }
}
