/**
 * The explain section: permutation importance on a seeded sample of the eval data, a local SHAP
 * explanation (row 0 for the panel's first view; any row through `plumb explain --row`), partial
 * dependence for the top features, and a plain-language summary.
 */
import { explainRow, partialDependence, permutationImportance, sampleBackground, summarizeImportance } from '../explain';
import { computeMetric } from '../metrics';
import { METRIC_CATALOG } from '../metrics/catalog';
import { PlumbError, type CancelSignal } from '../errors';
import { DEFAULT_IMPORTANCE_METRIC } from '../spec/checkNames';
import type { Spec } from '../spec/spec';
import type { MetricInput } from '../metrics/types';
import { Random } from '../util/random';
import { RunContext } from './runChecks';
import { classIndexPredict, featureSpace, scalarPredict, toRowMajor, type FeatureSpace } from './explainInputs';

async function background(ctx: RunContext, space: FeatureSpace, evalX: Float64Array, rows: number): Promise<Float64Array> {
  const ex = ctx.spec.explain;
  const k = space.names.length;
  if (ex?.background) return toRowMajor(await ctx.table(ex.background, 'background'), space);
  const idx = sampleBackground(rows, Math.min(ex?.backgroundSize ?? 100, rows), ex?.seed ?? 0);
  const B = new Float64Array(idx.length * k);
  idx.forEach((r, i) => B.set(evalX.subarray(r * k, r * k + k), i * k));
  return B;
}

function metricFor(spec: Spec, input: MetricInput, name: string): (pred: Float64Array) => number {
  const threshold = spec.model?.threshold ?? 0.5;
  if (input.kind === 'binary') {
    return (score) => {
      const pred = new Uint8Array(score.length);
      for (let i = 0; i < score.length; i++) pred[i] = score[i] >= threshold ? 1 : 0;
      return computeMetric(name, { kind: 'binary', y: input.y, pred, score });
    };
  }
  if (input.kind === 'regression') return (value) => computeMetric(name, { kind: 'regression', y: input.y, pred: value });
  return (cls) => computeMetric(name, { kind: 'multiclass', classes: input.classes, y: input.y, pred: Int32Array.from(cls), proba: null });
}

function subsetMetricInput(input: MetricInput, rows: Int32Array): MetricInput {
  if (input.kind === 'binary') return { kind: 'binary', y: Uint8Array.from(rows, (r) => input.y[r]), pred: Uint8Array.from(rows, (r) => input.pred[r]), score: input.score ? Float64Array.from(rows, (r) => input.score![r]) : null };
  if (input.kind === 'regression') return { kind: 'regression', y: Float64Array.from(rows, (r) => input.y[r]), pred: Float64Array.from(rows, (r) => input.pred[r]) };
  return { kind: 'multiclass', classes: input.classes, y: Int32Array.from(rows, (r) => input.y[r]), pred: Int32Array.from(rows, (r) => input.pred[r]), proba: null };
}

export async function runExplainSection(ctx: RunContext): Promise<unknown> {
  const spec = ctx.spec;
  const ex = spec.explain!;
  const model = spec.model!;
  if (!model.path) throw new PlumbError('explain.needs-model', '`explain` needs `model.path`: explanations run the model on changed inputs.', { file: spec.file });
  const table = await ctx.evalTable();
  const predictor = await ctx.getPredictor();
  const space = featureSpace(table, model.features);
  const k = space.names.length;
  const pos = typeof model.positiveLabel === 'boolean' ? Number(model.positiveLabel) : model.positiveLabel;
  const scalar = scalarPredict(predictor, space, model.task === 'binary-classification' ? pos : undefined);

  // Permutation importance on a seeded sample.
  const n = table.rowCount;
  let rows: Int32Array | undefined;
  if (n > ex.maxRows) {
    rows = new Random(ex.seed).shuffle(Int32Array.from({ length: n }, (_, i) => i)).slice(0, ex.maxRows).sort();
  }
  const X = toRowMajor(table, space, rows);
  const used = rows ? rows.length : n;
  const metricName = ex.metric ?? DEFAULT_IMPORTANCE_METRIC[model.task];
  let importance = null;
  let summary: string | undefined;
  if (spec.data?.target) {
    const { input, labels } = await ctx.metricInput(table);
    const sub = rows ? subsetMetricInput(input, rows) : input;
    const predict = model.task === 'multiclass-classification' ? classIndexPredict(predictor, space, labels) : scalar;
    ctx.options.onProgress?.('Permutation importance');
    importance = await permutationImportance({
      X, rows: used, k, featureNames: space.names, predict, metric: metricFor(spec, sub, metricName), metricName,
      higherIsBetter: METRIC_CATALOG[metricName]?.higherIsBetter ?? true, repeats: ex.repeats, seed: ex.seed, signal: ctx.options.signal,
      onProgress: (d, t) => ctx.options.onProgress?.('Permutation importance', d / t),
    });
    summary = summarizeImportance(importance, { metricLabel: metricName });
  }
  // Partial dependence for the chosen or most important features.
  const ranked = importance ? Object.entries(importance.importance).sort((a, b) => b[1].mean - a[1].mean).map(([f]) => f) : space.names;
  const pdpFeatures = (ex.features ?? ranked.slice(0, 3)).filter((f) => space.names.includes(f));
  const partial_dependence = [];
  for (const f of pdpFeatures) {
    ctx.options.onProgress?.(`Partial dependence of ${f}`);
    const j = space.names.indexOf(f);
    partial_dependence.push(await partialDependence({ X, rows: used, k, feature: j, featureName: f, predict: scalar, seed: ex.seed, featureCategories: space.categories, signal: ctx.options.signal }));
  }
  // One local explanation, so the panel has a waterfall from the start.
  ctx.options.onProgress?.('SHAP values for row 0');
  const full = toRowMajor(table, space, [0]);
  const B = await background(ctx, space, X, used);
  const local = { row: 0, ...(await explainRow({ x: full, background: B, k, featureNames: space.names, predict: scalar, seed: ex.seed, signal: ctx.options.signal })) };
  return { metric: metricName, rows: used, importance: importance?.importance ?? {}, baseline: importance?.baseline ?? null, summary, partial_dependence, local };
}

/** `plumb explain --row N` and the panel's row picker: SHAP values for one row of the eval data. */
export async function explainRowOfSpec(spec: Spec, row: number, options: { signal?: CancelSignal; onProgress?: (m: string, f?: number) => void }): Promise<unknown> {
  const ctx = new RunContext(spec, options);
  try {
    const model = spec.model;
    if (!model?.path || !spec.data?.eval) throw new PlumbError('explain.needs-model', 'Explaining a row needs `model.path` and `data.eval`.', { file: spec.file });
    const table = await ctx.evalTable();
    if (!Number.isInteger(row) || row < 0 || row >= table.rowCount) throw new PlumbError('explain.bad-row', `row ${row} is not a data row of ${table.file} (rows 0 to ${table.rowCount - 1}, header excluded).`, { file: table.file });
    const predictor = await ctx.getPredictor();
    const space = featureSpace(table, model.features);
    const pos = typeof model.positiveLabel === 'boolean' ? Number(model.positiveLabel) : model.positiveLabel;
    const scalar = scalarPredict(predictor, space, model.task === 'binary-classification' ? pos : undefined);
    const X = toRowMajor(table, space);
    const B = await background(ctx, space, X, table.rowCount);
    const x = X.subarray(row * space.names.length, (row + 1) * space.names.length);
    const values = Object.fromEntries(space.names.map((f, j) => [f, space.categories[j] ? space.categories[j]![x[j]] : x[j]]));
    return { row, ...(await explainRow({ x: Float64Array.from(x), background: B, k: space.names.length, featureNames: space.names, predict: scalar, seed: spec.explain?.seed ?? 0, signal: options.signal })), values };
  } finally {
    await ctx.dispose();
  }
}
