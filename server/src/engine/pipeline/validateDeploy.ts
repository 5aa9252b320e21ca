/**
 * Deploy rules: canary traffic steps increase and end at 100, every step below 100 has a duration;
 * A/B splits sum to 100, with a metric, a minimum sample size and a power estimate; phased rollouts
 * name a region or cohort per phase; every gate and rollback condition parses and is on a metric
 * a referenced model spec computes.
 */
import { METRIC_CATALOG } from '../metrics/catalog';
import { didYouMean, diag, listNames, type SpecDiagnostic } from '../spec/diagnostics';
import { keySpan, valueSpan, type JsonPath, type ParsedSpec } from '../spec/document';
import { parseGate } from '../spec/gates';
import { parseWindow, type Gates } from '../spec/spec';
import { fmt } from '../report/format';
import { abPower } from './power';
import type { Deploy, Strategy } from './types';

/** What the referenced model specs compute; `undefined` when one could not be read (then gates are not checked). */
export interface DeployContext {
  computed: string[] | undefined;
  specCount: number;
}

const STRATEGY_KEYS: Record<string, Strategy> = { steps: 'canary', splits: 'ab-test', metric: 'ab-test', min_sample_size: 'ab-test', baseline: 'ab-test', minimum_detectable_effect: 'ab-test', phases: 'phased' };

export function parseDuration(s: string): number | undefined {
  const w = parseWindow(s);
  return w?.kind === 'duration' ? w.ms : undefined;
}

function metricKnown(ctx: DeployContext, metric: string, span: { offset: number; length: number }, where: string, out: SpecDiagnostic[]): void {
  if (!ctx.computed || ctx.computed.includes(metric)) return;
  const near = didYouMean(metric, ctx.computed);
  const why = ctx.specCount === 0 ? 'no stage references a model spec (`spec:`), so nothing computes it' : `no model spec the stages reference computes it${near ? `. Did you mean \`${near}\`?` : ` (they compute: ${listNames(ctx.computed, 15)})`}`;
  out.push(diag('error', 'deploy.metric-not-computed', `\`${where}\`: \`${metric}\` is gated, but ${why}.`, span, near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : undefined));
}

function checkGates(parsed: ParsedSpec, ctx: DeployContext, path: JsonPath, gates: Gates, out: SpecDiagnostic[]): void {
  const where = path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1);
  for (const [metric, condition] of Object.entries(gates)) {
    const g = parseGate(condition);
    if (!g.ok) out.push(diag('error', 'gate.malformed', `\`${where}.${metric}\`: ${g.message}.`, valueSpan(parsed, [...path, metric])));
    metricKnown(ctx, metric, keySpan(parsed, [...path, metric]), `${where}.${metric}`, out);
  }
}

function checkDuration(parsed: ParsedSpec, path: JsonPath, value: string | undefined, out: SpecDiagnostic[]): void {
  if (value === undefined || parseDuration(value) !== undefined) return;
  out.push(diag('error', 'deploy.bad-duration', `\`${path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1)}\`: \`${value}\` is not a duration; write a number and a unit: \`30m\`, \`6h\`, \`2d\`, \`1w\`.`, valueSpan(parsed, path)));
}

export function deployDiagnostics(parsed: ParsedSpec, d: Deploy, raw: Record<string, unknown>, ctx: DeployContext): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  const strategySpan = valueSpan(parsed, ['deploy', 'strategy']);
  const needs = (keys: string[]) => {
    const missing = keys.filter((k) => raw[k] === undefined);
    if (missing.length) out.push(diag('error', 'deploy.needs-key', `\`deploy.strategy: ${d.strategy}\` needs ${missing.map((k) => `\`deploy.${k}\``).join(', ')}.`, strategySpan));
    return missing.length === 0;
  };
  if (d.strategy) {
    for (const key of Object.keys(raw)) {
      const owner = STRATEGY_KEYS[key];
      if (owner && owner !== d.strategy) out.push(diag('warning', 'deploy.unused-key', `\`deploy.${key}\` is for \`strategy: ${owner}\`; a ${d.strategy} rollout ignores it.`, keySpan(parsed, ['deploy', key])));
    }
  }

  if (d.strategy === 'canary' && needs(['steps'])) {
    d.steps.forEach((s, i) => {
      const trafficSpan = valueSpan(parsed, ['deploy', 'steps', i, 'traffic']);
      const prev = d.steps[i - 1];
      if (prev && Number.isFinite(prev.traffic) && Number.isFinite(s.traffic)) {
        if (s.traffic < prev.traffic) out.push(diag('error', 'deploy.traffic-decreases', `\`deploy.steps[${i}].traffic\`: ${fmt(s.traffic)}% is less than the step before (${fmt(prev.traffic)}%); canary traffic only grows, up to 100.`, trafficSpan));
        else if (s.traffic === prev.traffic) out.push(diag('warning', 'deploy.traffic-repeats', `\`deploy.steps[${i}].traffic\`: ${fmt(s.traffic)}% repeats the step before; merge the two steps or raise this one.`, trafficSpan));
      }
      if (s.traffic < 100 && s.duration === undefined) out.push(diag('error', 'deploy.step-needs-duration', `\`deploy.steps[${i}]\`: a step below 100% needs a \`duration\` (how long it holds before it may advance), e.g. \`duration: 1h\`.`, trafficSpan));
      checkDuration(parsed, ['deploy', 'steps', i, 'duration'], s.duration, out);
      checkGates(parsed, ctx, ['deploy', 'steps', i, 'gates'], s.gates, out);
    });
    const last = d.steps[d.steps.length - 1];
    if (last && Number.isFinite(last.traffic) && last.traffic !== 100) {
      out.push(diag('error', 'deploy.traffic-not-100', `\`deploy.steps[${d.steps.length - 1}].traffic\`: the last step sends ${fmt(last.traffic)}% of traffic; a canary ends with \`traffic: 100\` (add a final step).`, valueSpan(parsed, ['deploy', 'steps', d.steps.length - 1, 'traffic'])));
    }
  }

  if (d.strategy === 'ab-test' && needs(['splits', 'metric', 'min_sample_size'])) {
    const entries = Object.entries(d.splits);
    const total = entries.reduce((a, [, v]) => a + v, 0);
    if (entries.length < 2) out.push(diag('error', 'deploy.needs-key', '`deploy.splits`: an A/B test needs at least two variants, e.g. `{ champion: 50, challenger: 50 }`.', keySpan(parsed, ['deploy', 'splits'])));
    else if (Number.isFinite(total) && Math.abs(total - 100) > 1e-9) {
      out.push(diag('error', 'deploy.splits-sum', `\`deploy.splits\`: the shares add up to ${fmt(total)} (${entries.map(([k, v]) => `${k} ${fmt(v)}`).join(' + ')}); they must sum to 100.`, keySpan(parsed, ['deploy', 'splits'])));
    }
    if (d.metric) {
      metricKnown(ctx, d.metric, valueSpan(parsed, ['deploy', 'metric']), 'deploy.metric', out);
      const info = METRIC_CATALOG[d.metric];
      if (info && !(info.range && info.range[0] === 0 && info.range[1] === 1)) out.push(diag('warning', 'deploy.not-a-rate', `\`deploy.metric\`: \`${d.metric}\` is not a proportion, so the power estimate (a two-proportion test) does not apply to it.`, valueSpan(parsed, ['deploy', 'metric'])));
    }
    checkDuration(parsed, ['deploy', 'duration'], d.duration, out);
    const mssSpan = valueSpan(parsed, ['deploy', 'min_sample_size']);
    if (d.baseline === undefined || d.minimumDetectableEffect === undefined) {
      out.push(diag('information', 'deploy.no-power', '`deploy.min_sample_size`: add `baseline` (the control\'s expected rate) and `minimum_detectable_effect` (the smallest change worth detecting) for a power estimate.', mssSpan));
    } else if (d.baseline + d.minimumDetectableEffect >= 1) {
      out.push(diag('error', 'deploy.bad-effect', `\`deploy.minimum_detectable_effect\`: baseline ${fmt(d.baseline)} + effect ${fmt(d.minimumDetectableEffect)} is not a rate below 1.`, valueSpan(parsed, ['deploy', 'minimum_detectable_effect'])));
    } else if (entries.length >= 2 && Math.abs(total - 100) <= 1e-9 && d.minSampleSize) {
      const p = abPower(d.splits, d.minSampleSize, d.baseline, d.minimumDetectableEffect);
      const detail = `${Math.round(p.power * 100)}% power to detect ${fmt(d.baseline)} -> ${fmt(d.baseline + d.minimumDetectableEffect)} (two-sided two-proportion z-test, alpha 0.05) with ${p.arms.map((a) => `${a.rows} rows for ${a.name}`).join(', ')}`;
      if (p.power < p.target) out.push(diag('warning', 'deploy.low-power', `\`deploy.min_sample_size\`: only ${detail}. About ${p.rows_for_target ?? '?'} rows in the smallest arm give ${p.target * 100}%.`, mssSpan));
      else out.push(diag('information', 'deploy.power', `\`deploy.min_sample_size\`: ${detail}.`, mssSpan));
    }
  }

  if (d.strategy === 'phased' && needs(['phases'])) {
    const seen = new Map<string, number>();
    d.phases.forEach((p, i) => {
      const target = p.region !== undefined ? `region ${p.region}` : p.cohort !== undefined ? `cohort ${p.cohort}` : undefined;
      if ((p.region === undefined) === (p.cohort === undefined)) {
        out.push(diag('error', 'deploy.phase-needs-target', `\`deploy.phases[${i}]\`: a phase names one \`region\` or one \`cohort\`${p.region !== undefined ? ', not both' : ''}.`, valueSpan(parsed, ['deploy', 'phases', i])));
      } else if (target && seen.has(target)) {
        out.push(diag('warning', 'deploy.duplicate-phase', `\`deploy.phases[${i}]\`: ${target} is already phase ${seen.get(target)}.`, valueSpan(parsed, ['deploy', 'phases', i, p.region !== undefined ? 'region' : 'cohort'])));
      }
      if (target && !seen.has(target)) seen.set(target, i);
      checkDuration(parsed, ['deploy', 'phases', i, 'duration'], p.duration, out);
      checkGates(parsed, ctx, ['deploy', 'phases', i, 'gates'], p.gates, out);
    });
  }
  checkGates(parsed, ctx, ['deploy', 'rollback', 'when'], d.rollback.when, out);
  return out;
}
