/** The fairness section: group metrics and disparities with predictions, or bias in the data alone. */
import { computeFairness, dataBias } from '../fairness';
import type { FairnessResult } from '../fairness';
import { evaluateGates, type GateResult } from './gates';
import type { RunContext } from './runChecks';
import { binaryTruth, requireColumn } from './targets';
import type { Table } from '../data/table';
import type { Spec } from '../spec/spec';

export async function runFairnessSection(ctx: RunContext): Promise<{ result: FairnessResult; gates: GateResult[] }> {
  const spec = ctx.spec;
  const f = spec.fairness!;
  const table = await ctx.evalTable();
  const groups = Object.fromEntries(Object.entries(f.bins).map(([k, bins]) => [k, { bins }]));
  const common = {
    table,
    sensitive: f.sensitive,
    groups,
    minGroupSize: f.minGroupSize,
    relativeTo: f.relativeTo,
    bootstrap: f.bootstrap > 0 ? { n: f.bootstrap, seed: f.seed } : (false as const),
    signal: ctx.options.signal,
  };
  let result: FairnessResult;
  if (ctx.hasPredictions() && spec.data?.target) {
    const { input } = await ctx.metricInput(table);
    const listed = [...new Set([...f.metrics, ...(spec.evaluation?.metricsListed ? spec.evaluation.metrics : [])])];
    result = computeFairness({ ...common, input, metrics: listed });
  } else {
    result = dataBias({ ...common, y: dataOnlyLabels(table, spec) });
  }
  return { result, gates: evaluateGates('fairness', f.gates, result.metrics) };
}

/** Labels for a data-only check: 0/1 for classification (base rates), numbers for regression (means). */
function dataOnlyLabels(table: Table, spec: Spec): Uint8Array | Float64Array | null {
  if (!spec.data?.target) return null;
  if (spec.model?.task !== 'regression') return binaryTruth(table, spec);
  const c = requireColumn(table, spec.data.target, 'data.target');
  return c.type === 'categorical' ? null : c.values;
}
