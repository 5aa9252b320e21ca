/** The drift and monitoring sections: reference vs current per column, predictions, and windows over time. */
import { computeDrift, computeMonitoring, computePredictionDrift } from '../drift';
import { gatePasses, parseGate } from '../spec/gates';
import { computeMetrics, subsetInput } from '../metrics';
import type { Table } from '../data/table';
import { evaluateGates, type GateResult } from './gates';
import type { RunContext, Section } from './runChecks';
import { sameLabel } from './targets';

function defaultColumns(ctx: RunContext, reference: Table, current: Table): string[] {
  const d = ctx.spec.data ?? {};
  const skip = new Set([d.target, d.prediction, d.timestamp].filter(Boolean) as string[]);
  const cur = new Set(current.columns.map((c) => c.name));
  return reference.columns.map((c) => c.name).filter((n) => cur.has(n) && !skip.has(n));
}

async function scores(ctx: RunContext, table: Table): Promise<Float64Array | null> {
  if (!ctx.hasPredictions()) return null;
  const p = await ctx.predict(table);
  if (p.kind === 'score') return p.score;
  if (p.kind === 'value') return p.value;
  if (p.kind === 'proba') {
    const C = p.classes.length;
    const pos = ctx.spec.model?.positiveLabel ?? 1;
    let col = p.classes.findIndex((c) => sameLabel(c, pos));
    if (col < 0) col = C - 1;
    return Float64Array.from({ length: table.rowCount }, (_, i) => p.proba[i * C + col]);
  }
  return Float64Array.from(p.labels, (l) => (sameLabel(l, ctx.spec.model?.positiveLabel ?? 1) ? 1 : 0));
}

export async function runDriftSections(ctx: RunContext, sections: Section[]): Promise<{ drift?: unknown; monitoring?: unknown; gates: GateResult[] }> {
  const spec = ctx.spec;
  const reference = await ctx.table(spec.data!.reference!, 'reference');
  const current = await ctx.table(spec.data!.current!, 'current');
  const dr = spec.drift;
  const columns = dr?.columns ?? defaultColumns(ctx, reference, current);
  const common = { method: (dr?.method ?? 'auto') as never, threshold: dr?.threshold, shareThreshold: dr?.shareThreshold ?? 0.5, signal: ctx.options.signal };
  const gates: GateResult[] = [];
  const out: { drift?: unknown; monitoring?: unknown; gates: GateResult[] } = { gates };
  const refScores = spec.model?.path || spec.data?.prediction ? await scores(ctx, reference).catch(() => null) : null;
  const curScores = refScores ? await scores(ctx, current) : null;

  if (sections.includes('drift') && dr) {
    ctx.options.onProgress?.('Comparing reference and current data');
    const drift = computeDrift({ reference, current, columns, ...common }) as Record<string, unknown> & { drift_share: number; dataset_drift: boolean; features: Record<string, { drifted: boolean }> };
    let predictionDrifted: number | null = null;
    if (refScores && curScores) {
      const pd = computePredictionDrift(refScores, curScores, common) as { drifted: boolean };
      drift.prediction_drift = pd;
      predictionDrifted = pd.drifted ? 1 : 0;
    }
    const drifted = Object.values(drift.features).filter((f) => f.drifted).length;
    gates.push(...evaluateGates('drift', dr.gates, { drift_share: drift.drift_share, drifted_columns: drifted, dataset_drift: drift.dataset_drift ? 1 : 0, prediction_drift: predictionDrifted }));
    out.drift = drift;
  }
  if (sections.includes('monitoring') && spec.monitoring) {
    ctx.options.onProgress?.('Following the model over time windows');
    const mo = spec.monitoring;
    const metricGates = Object.entries(mo.gates).filter(([m]) => !['drift_share', 'drifted_columns', 'prediction_drift'].includes(m));
    const target = spec.data?.target && current.columns.some((c) => c.name === spec.data!.target) && ctx.hasPredictions() ? await ctx.metricInput(current).catch(() => null) : null;
    const metricNames = [...new Set([...(spec.evaluation?.metrics ?? []), ...metricGates.map(([m]) => m)])];
    const monitoring = computeMonitoring({
      reference,
      current,
      columns,
      timestamp: spec.data?.timestamp,
      window: mo.window,
      ...common,
      referenceScores: refScores ?? undefined,
      currentScores: curScores ?? undefined,
      metricsForWindow: target ? (rows: Int32Array) => computeMetrics(metricNames, subsetInput(target.input, rows)).values : undefined,
      passes: (metric: string, value: number | null) => {
        const condition = mo.gates[metric];
        if (!condition) return true;
        const g = parseGate(condition);
        return g.ok ? gatePasses(g.condition, value) : false;
      },
    } as never) as { windows: { drift_share: number; metrics?: Record<string, number | null> }[] };
    out.monitoring = monitoring;
    // A monitoring gate holds when it holds in every window; its value is the worst window's.
    for (const [metric, condition] of Object.entries(mo.gates)) {
      const values = monitoring.windows.map((w) => (metric === 'drift_share' ? w.drift_share : (w.metrics?.[metric] ?? null)));
      const g = parseGate(condition);
      const failing = g.ok ? values.find((v) => !gatePasses(g.condition, v)) : undefined;
      const worst = failing !== undefined ? failing : values.length ? values[values.length - 1] : null;
      gates.push(...evaluateGates('monitoring', { [metric]: condition }, { [metric]: worst ?? null }));
    }
  }
  return out;
}
