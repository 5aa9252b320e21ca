/**
 * computeMetric / computeMetrics: one name or many over one input. Metrics of one call share their
 * statistics (one pass for the confusion counts, one sort for the ranking metrics). Undefined values
 * are NaN from computeMetric and null (with a note saying why) from computeMetrics; zero divisions
 * give 0 as in scikit-learn and are noted too.
 *
 * Besides the catalog's names, a few rates used per fairness group are computable:
 * true_positive_rate, true_negative_rate, base_rate (binary) and mean_prediction (regression).
 */
import { PlumbError } from '../errors';
import { BINARY_METRICS, type MetricFn, type Note } from './binaryMetrics';
import { METRIC_CATALOG } from './catalog';
import { MULTICLASS_METRICS } from './multiclassMetrics';
import { prepare, type Prepared } from './prepared';
import { REGRESSION_METRICS } from './regressionMetrics';
import { MetricStats, type KnownStats, type Weights } from './stats';
import type { MetricInput } from './types';

const BY_KIND: Record<MetricInput['kind'], Record<string, MetricFn>> = {
  binary: BINARY_METRICS,
  multiclass: MULTICLASS_METRICS,
  regression: REGRESSION_METRICS,
};

const TASK_OF_KIND = { binary: 'binary-classification', multiclass: 'multiclass-classification', regression: 'regression' } as const;

/** Every metric name computeMetric accepts for inputs of this kind. */
export function computableMetrics(kind: MetricInput['kind']): string[] {
  return Object.keys(BY_KIND[kind]);
}

export function metricFunction(name: string, kind: MetricInput['kind']): MetricFn {
  const fn = Object.prototype.hasOwnProperty.call(BY_KIND[kind], name) ? BY_KIND[kind][name] : undefined;
  if (fn) return fn;
  const info = METRIC_CATALOG[name];
  if (info) {
    throw new PlumbError('metric.wrong-task', `metric \`${name}\` is defined for ${info.tasks.join(', ')}, not for ${TASK_OF_KIND[kind]}. Remove it from the spec or change \`model.task\`.`);
  }
  throw new PlumbError('metric.unknown', `unknown metric \`${name}\` for ${TASK_OF_KIND[kind]}. Known: ${computableMetrics(kind).join(', ')}.`);
}

/** One metric over all rows; NaN when it has no value for this input. */
export function computeMetric(name: string, input: MetricInput): number {
  const fn = metricFunction(name, input.kind);
  return fn(new MetricStats(prepare(input), null), () => {});
}

export interface MetricValues {
  /** Metric name -> value; null when undefined for this input (a note says why). */
  values: Record<string, number | null>;
  /** "`name`: why", for undefined values and zero divisions. */
  notes: string[];
}

export function computeMetrics(names: readonly string[], input: MetricInput): MetricValues {
  const fns = names.map((n) => metricFunction(n, input.kind));
  return evaluate(names, fns, new MetricStats(prepare(input), null));
}

/** Evaluates resolved metrics on one statistics object (all rows or one bootstrap resample). */
export function evaluate(names: readonly string[], fns: MetricFn[], stats: MetricStats): MetricValues {
  const values: Record<string, number | null> = {};
  const notes: string[] = [];
  names.forEach((name, i) => {
    const seen = new Set<string>();
    const note: Note = (m) => {
      if (!seen.has(m)) notes.push(`\`${name}\`: ${m}`);
      seen.add(m);
    };
    const v = fns[i](stats, note);
    values[name] = Number.isNaN(v) ? null : v;
  });
  return { values, notes };
}

/**
 * Evaluates metrics under per-row weights; NaN for undefined. Notes are dropped. `known`: statistics
 * already computed for these weights. Returns the statistics object (its `used()` keys tell which
 * statistics the metrics asked for).
 */
export function evaluateWeighted(fns: MetricFn[], prep: Prepared, w: Weights | null, out: Float64Array, total?: number, known?: KnownStats): MetricStats {
  return evaluateStats(fns, new MetricStats(prep, w, total, known), out);
}

/** Evaluates metrics on a statistics object; NaN for undefined. Notes are dropped. */
export function evaluateStats(fns: MetricFn[], stats: MetricStats, out: Float64Array): MetricStats {
  const quiet: Note = () => {};
  for (let i = 0; i < fns.length; i++) out[i] = fns[i](stats, quiet);
  return stats;
}
