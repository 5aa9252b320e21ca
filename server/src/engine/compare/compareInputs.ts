/**
 * The comparison itself, on two MetricInputs scored on the same rows: paired metric deltas,
 * McNemar's test, the disagreement rate, fairness deltas per group, and the compare gates.
 * Gate names: `<metric>_delta` for every evaluation and fairness metric, `disagreement_rate`,
 * `mcnemar_p_value` (see spec/checkNames.ts compareGateNames).
 */
import { PlumbError, type CancelSignal } from '../errors';
import type { Table } from '../data/table';
import { computeFairness } from '../fairness';
import type { FairnessResult, SensitiveGrouping } from '../fairness';
import type { MetricInput } from '../metrics/types';
import { evaluateGates } from '../run/gates';
import { fmt, fmtSigned } from '../report/format';
import { discordantCounts, mcnemarFromCounts, type McNemarResult } from './mcnemar';
import { pairedBootstrap } from './pairedBootstrap';
import { pairedFairnessIntervals } from './fairnessBootstrap';
import type { CompareResult, Delta, FairnessComparison } from './types';

export interface FairnessSetup {
  table: Table;
  sensitive: string[];
  groups?: Record<string, SensitiveGrouping>;
  metrics?: string[];
  minGroupSize?: number;
  relativeTo?: 'groups' | 'overall';
}

export interface CompareInputsOptions {
  metrics: string[];
  gates: Record<string, string>;
  bootstrap: { n: number; seed: number; level?: number } | false;
  fairness?: FairnessSetup;
  /** Class labels of each input's indices (multiclass), so predictions compare by label. */
  championLabels?: (string | number)[];
  challengerLabels?: (string | number)[];
  signal?: CancelSignal;
}

type Core = Pick<CompareResult, 'metrics' | 'bootstrap' | 'mcnemar' | 'disagreement_rate' | 'disagreements' | 'fairness' | 'gates' | 'passed' | 'verdict' | 'notes'>;

const delta = (a: number | null | undefined, b: number | null | undefined): Delta => {
  const champion = typeof a === 'number' && !Number.isNaN(a) ? a : null;
  const challenger = typeof b === 'number' && !Number.isNaN(b) ? b : null;
  return { champion, challenger, delta: champion !== null && challenger !== null ? challenger - champion : null };
};

function correctness(input: MetricInput): Uint8Array | null {
  if (input.kind === 'regression') return null;
  return Uint8Array.from(input.y as ArrayLike<number>, (y, i) => (input.pred[i] === y ? 1 : 0));
}

function disagreement(a: MetricInput, b: MetricInput, la?: (string | number)[], lb?: (string | number)[]): number | null {
  if (a.kind === 'regression' || b.kind === 'regression') return null;
  let n = 0;
  for (let i = 0; i < a.pred.length; i++) {
    const pa = a.kind === 'multiclass' && la ? String(la[a.pred[i]]) : a.pred[i];
    const pb = b.kind === 'multiclass' && lb ? String(lb[b.pred[i]]) : b.pred[i];
    if (pa !== pb) n++;
  }
  return n;
}

function fairnessComparison(a: FairnessResult, b: FairnessResult): FairnessComparison {
  const names = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])];
  const groupMetrics = a.group_metrics.filter((m) => b.group_metrics.includes(m));
  return {
    sensitive: a.sensitive,
    metrics: Object.fromEntries(names.map((k) => [k, { ...delta(a.metrics[k], b.metrics[k]), interval: null }])),
    group_metrics: groupMetrics,
    groups: a.groups.map((g) => {
      const other = b.groups.find((x) => x.label === g.label);
      return {
        label: g.label,
        group: g.group,
        count: g.count,
        small: g.small,
        metrics: Object.fromEntries(groupMetrics.map((m) => [m, delta(g[m] as number | null, other?.[m] as number | null | undefined)])),
      };
    }),
    warnings: a.warnings,
  };
}

export function compareInputs(champion: MetricInput, challenger: MetricInput, o: CompareInputsOptions): Core {
  if (champion.kind !== challenger.kind) throw new PlumbError('compare.task-mismatch', `the champion is a ${champion.kind} model and the challenger a ${challenger.kind} one; compare models of one task.`);
  if (champion.y.length !== challenger.y.length) throw new PlumbError('compare.unpaired', `the two models scored ${champion.y.length} and ${challenger.y.length} rows; they must score the same rows.`);
  const notes: string[] = [];
  const boot = o.bootstrap === false ? null : o.bootstrap;
  const metrics = pairedBootstrap(o.metrics, champion, challenger, { n: boot?.n ?? 0, seed: boot?.seed ?? 0, level: boot?.level ?? 0.95, signal: o.signal });

  let mcnemar: McNemarResult | null = null;
  const ca = correctness(champion);
  const cb = correctness(challenger);
  if (ca && cb) {
    const { b, c } = discordantCounts(ca, cb);
    mcnemar = mcnemarFromCounts(b, c);
  } else notes.push("McNemar's test and the disagreement rate are for classifiers; this is a regression model.");
  const disagreements = disagreement(champion, challenger, o.championLabels, o.challengerLabels);
  const rows = champion.y.length;
  const disagreementRate = disagreements === null ? null : rows ? disagreements / rows : null;

  let fairness: FairnessComparison | null = null;
  if (o.fairness) {
    const common = { ...o.fairness, bootstrap: false as const, signal: o.signal };
    fairness = fairnessComparison(computeFairness({ ...common, input: champion }), computeFairness({ ...common, input: challenger }));
    if (boot && boot.n > 0) {
      const deltas = Object.fromEntries(Object.entries(fairness.metrics).map(([k, d]) => [k, d.delta]));
      const paired = pairedFairnessIntervals({ ...o.fairness, relativeTo: o.fairness.relativeTo ?? 'groups', champion, challenger, deltas, n: boot.n, seed: boot.seed, level: boot.level ?? 0.95, signal: o.signal });
      for (const [k, iv] of Object.entries(paired.intervals)) fairness.metrics[k].interval = iv;
      notes.push(...paired.notes);
    }
  }

  const values: Record<string, number | null> = { disagreement_rate: disagreementRate, mcnemar_p_value: mcnemar?.p_value ?? null };
  for (const [k, v] of Object.entries(metrics)) values[`${k}_delta`] = v.delta;
  for (const [k, v] of Object.entries(fairness?.metrics ?? {})) values[`${k}_delta`] ??= v.delta;
  const gates = evaluateGates('compare', o.gates, values).map((g) =>
    g.value === null && !fairness && /_(difference|ratio)_delta$|^(demographic|equalized|equal_opportunity|disparate)/.test(g.metric) ? { ...g, note: `\`${g.metric}\` needs a \`fairness\` section (sensitive columns) in the spec` } : g,
  );
  const passed = gates.every((g) => g.passed);
  return {
    metrics,
    bootstrap: boot ? { resamples: boot.n, seed: boot.seed, level: boot.level ?? 0.95, method: 'paired percentile' } : null,
    mcnemar,
    disagreement_rate: disagreementRate,
    disagreements,
    fairness,
    gates,
    passed,
    verdict: verdictText(metrics, mcnemar, fairness, gates),
    notes,
  };
}

function verdictText(metrics: Core['metrics'], mcnemar: McNemarResult | null, fairness: FairnessComparison | null, gates: Core['gates']): string {
  const parts: string[] = [];
  const significant = Object.entries(metrics).filter(([, m]) => m.interval && (m.interval.low > 0 || m.interval.high < 0));
  if (significant.length) parts.push(`Differences whose 95% interval excludes 0: ${significant.map(([k, m]) => `${k} ${fmtSigned(m.delta)}`).join(', ')}.`);
  else if (Object.keys(metrics).length) parts.push('No metric difference is clear of noise (every 95% interval includes 0).');
  if (mcnemar) parts.push(`McNemar's test (${mcnemar.method}): p = ${fmt(mcnemar.p_value)} over ${mcnemar.discordant} row(s) where exactly one model is right (champion only: ${mcnemar.b}, challenger only: ${mcnemar.c}).`);
  const dp = fairness?.metrics.demographic_parity_ratio;
  if (dp?.delta !== null && dp?.delta !== undefined) {
    const iv = dp.interval ? `, 95% interval ${fmtSigned(dp.interval.low)} to ${fmtSigned(dp.interval.high)}` : '';
    parts.push(`Demographic parity ratio ${fmt(dp.champion)} -> ${fmt(dp.challenger)} (${fmtSigned(dp.delta)}${iv}).`);
  }
  const failed = gates.filter((g) => !g.passed);
  if (!gates.length) parts.push('No compare gates: add `compare.gates` to make this a decision.');
  else if (failed.length) parts.push(`The challenger FAILS ${failed.length} of ${gates.length} compare gate(s): ${failed.map((g) => `${g.metric} = ${fmt(g.value)} (needs ${g.condition})`).join('; ')}.`);
  else parts.push(`The challenger passes all ${gates.length} compare gate(s).`);
  return parts.join(' ');
}
