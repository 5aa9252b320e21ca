/** The fairness section: group metrics and disparities with predictions, or bias in the data alone. */
import { computeFairness, dataBias } from '../fairness';
import type { FairnessResult } from '../fairness';
import { evaluateGates, type GateResult } from './gates';
import type { RunContext } from './runChecks';
import { binaryTruth } from './targets';

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
    const y = spec.data?.target && spec.model?.task !== 'regression' ? binaryTruth(table, spec) : null;
    result = dataBias({ ...common, y });
  }
  const values: Record<string, number | null> = { ...result.metrics };
  if (result.four_fifths && values.disparate_impact === undefined) values.disparate_impact = result.four_fifths.ratio;
  return { result, gates: evaluateGates('fairness', f.gates, values) };
}
