/** The drift and monitoring sections: reference vs current per column, predictions, and windows over time. */
import { computeDrift, computeMonitoring, computePredictionDrift, type DriftMethod, type DriftResult, type FeatureDrift, type MonitoringResult } from '../drift';
import { gatePasses, parseGate } from '../spec/gates';
import { computeMetrics, subsetInput } from '../metrics';
import { findColumn, type Table } from '../data/table';
import { evaluateGates, type GateResult } from './gates';
import type { RunContext, Section } from './runChecks';
import { sameLabel } from './targets';

export type DriftSectionResult = DriftResult & { prediction_drift?: FeatureDrift };

/** One score per row for prediction drift: P(positive), the value, or the 0/1 label. */
async function scores(ctx: RunContext, table: Table): Promise<Float64Array | null> {
  if (!ctx.hasPredictions()) return null;
  if (ctx.spec.data?.prediction && !findColumn(table, ctx.spec.data.prediction)) return null;
  const p = await ctx.predict(table);
  const pos = ctx.spec.model?.positiveLabel ?? 1;
  if (p.kind === 'score') return p.score;
  if (p.kind === 'value') return p.value;
  if (p.kind === 'proba') {
    const C = p.classes.length;
    let col = p.classes.findIndex((c) => sameLabel(c, pos));
    if (col < 0) col = C - 1;
    return Float64Array.from({ length: table.rowCount }, (_, i) => p.proba[i * C + col]);
  }
  return Float64Array.from(p.labels, (l) => (sameLabel(l, pos) ? 1 : 0));
}

/** A monitoring gate holds when it holds in every window; its value is the first failing window's, else the last's. */
function monitoringGates(gates: Record<string, string>, monitoring: MonitoringResult): GateResult[] {
  return Object.entries(gates).map(([metric, condition]) => {
    const values = monitoring.windows.map((w) => (metric === 'drift_share' ? w.drift_share : metric === 'drifted_columns' ? w.drifted_columns.length : (w.metrics?.[metric] ?? null)));
    const g = parseGate(condition);
    const failing = g.ok ? values.findIndex((v) => !gatePasses(g.condition, v)) : -1;
    const value = failing >= 0 ? values[failing] : values.length ? values[values.length - 1] : null;
    const [result] = evaluateGates('monitoring', { [metric]: condition }, { [metric]: value });
    if (failing >= 0) result.note = `first fails in the window starting ${String(monitoring.windows[failing].start).slice(0, 10)}`;
    return result;
  });
}

export async function runDriftSections(ctx: RunContext, sections: Section[]): Promise<{ drift?: DriftSectionResult; monitoring?: MonitoringResult; gates: GateResult[] }> {
  const spec = ctx.spec;
  const reference = await ctx.table(spec.data!.reference!, 'reference');
  const current = await ctx.table(spec.data!.current!, 'current');
  const dr = spec.drift;
  const d = spec.data ?? {};
  const common = {
    reference,
    current,
    columns: dr?.columns,
    exclude: [d.target, d.prediction, d.timestamp].filter((x): x is string => !!x),
    method: (dr?.method ?? 'auto') as DriftMethod,
    threshold: dr?.threshold,
    shareThreshold: dr?.shareThreshold ?? 0.5,
    signal: ctx.options.signal,
  };
  const refScores = await scores(ctx, reference);
  const curScores = refScores ? await scores(ctx, current) : null;
  const out: { drift?: DriftSectionResult; monitoring?: MonitoringResult; gates: GateResult[] } = { gates: [] };

  if (sections.includes('drift') && dr) {
    ctx.options.onProgress?.('Comparing reference and current data');
    const drift: DriftSectionResult = computeDrift(common);
    if (refScores && curScores) drift.prediction_drift = computePredictionDrift(refScores, curScores, { method: common.method, threshold: common.threshold, signal: common.signal });
    out.drift = drift;
    out.gates.push(
      ...evaluateGates('drift', dr.gates, {
        drift_share: drift.drift_share,
        drifted_columns: drift.number_of_drifted_columns,
        dataset_drift: drift.dataset_drift ? 1 : 0,
        prediction_drift: drift.prediction_drift ? (drift.prediction_drift.drifted ? 1 : 0) : null,
      }),
    );
  }
  if (sections.includes('monitoring') && spec.monitoring) {
    ctx.options.onProgress?.('Following the model over time windows');
    const mo = spec.monitoring;
    const labelled = !!d.target && !!findColumn(current, d.target) && ctx.hasPredictions();
    const truth = labelled ? await ctx.metricInput(current) : null;
    const metricNames = [...new Set([...(spec.evaluation?.metrics ?? []), ...Object.keys(mo.gates).filter((m) => !['drift_share', 'drifted_columns', 'prediction_drift'].includes(m))])];
    const monitoring = computeMonitoring({
      ...common,
      timestamp: d.timestamp,
      window: mo.window,
      referenceScores: refScores ?? undefined,
      currentScores: curScores ?? undefined,
      metricsForWindow: truth && metricNames.length ? (rows) => computeMetrics(metricNames, subsetInput(truth.input, rows)).values : undefined,
      passes: (metric, value) => {
        const condition = mo.gates[metric];
        const g = condition ? parseGate(condition) : undefined;
        return !g || (g.ok && gatePasses(g.condition, value));
      },
    });
    out.monitoring = monitoring;
    out.gates.push(...monitoringGates(mo.gates, monitoring));
  }
  return out;
}
