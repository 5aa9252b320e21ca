/**
 * `plumb plan`: the stage order and what would run, without running anything. A stage would run
 * when (as `make` decides) an output is missing, a dependency file is newer than an output, a
 * stage it needs would run, it declares no outputs, or it gates on a model spec (checks always
 * run). The deploy block is laid out as its steps, with the A/B test's power estimate.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseSpecText } from '../spec/document';
import { buildSpec } from '../spec/spec';
import { needs, stageGraph, stageOrder, STAGE_PREFIX } from './graph';
import { normalizeRef } from './parsePipeline';
import { abPower, type AbPower } from './power';
import type { Pipeline } from './types';
import { parseDuration } from './validateDeploy';
import type { PipelineFiles } from './validatePipeline';

export interface StagePlan {
  name: string;
  description?: string;
  cmd?: string;
  deps: string[];
  outs: string[];
  spec?: string;
  /** Stages this one needs (after, stage: deps, and producers of its file deps). */
  needs: string[];
  run: boolean;
  reasons: string[];
  /** The referenced spec's gates, `section.metric condition`. */
  gates?: string[];
}

export interface DeployPlan {
  strategy: string;
  steps?: { traffic: number; duration?: string; ms?: number; gates: Record<string, string> }[];
  /** Time from the first step to full traffic (sum of durations below 100%). */
  total_ms?: number;
  ab?: { splits: Record<string, number>; metric?: string; min_sample_size?: number; duration?: string; power?: AbPower };
  phases?: { target: string; duration?: string; gates: Record<string, string> }[];
  rollback: { when: Record<string, string>; to?: string };
}

export interface PipelinePlan {
  pipeline: string;
  name: string;
  /** null when the stages form a cycle (see the diagnostics). */
  order: string[] | null;
  stages: StagePlan[];
  deploy?: DeployPlan;
}

export interface PlanFiles extends PipelineFiles {
  /** Modification time in ms, or undefined when the file does not exist. */
  mtime(path: string): Promise<number | undefined>;
}

export const nodePlanFiles: PlanFiles = {
  exists: async (p) => (await stat(p).then((s) => s.isFile() || s.isDirectory()).catch(() => false)),
  readText: (p) => readFile(p, 'utf8').catch(() => undefined),
  mtime: async (p) => stat(p).then((s) => s.mtimeMs).catch(() => undefined),
};

export async function planPipeline(p: Pipeline, files: PlanFiles = nodePlanFiles): Promise<PipelinePlan> {
  const g = stageGraph(p);
  const order = stageOrder(p, g.edges);
  const byName = new Map(p.stages.map((s) => [s.name, s]));
  const willRun = new Map<string, boolean>();
  const stages: StagePlan[] = [];
  for (const name of order ?? p.stages.map((s) => s.name)) {
    const s = byName.get(name)!;
    const reasons: string[] = [];
    const up = needs(name, g.edges);
    for (const u of up) if (willRun.get(u)) reasons.push(`stage \`${u}\` runs first`);
    let gates: string[] | undefined;
    if (s.spec) {
      const path = resolve(p.dir, s.spec);
      const text = await files.readText(path);
      const parsed = text === undefined ? undefined : parseSpecText(text);
      const spec = parsed?.value && typeof parsed.value === 'object' ? buildSpec(parsed.value, path) : undefined;
      gates = spec ? (['evaluation', 'fairness', 'drift', 'monitoring', 'compare'] as const).flatMap((sec) => Object.entries(spec[sec]?.gates ?? {}).map(([m, c]) => `${sec}.${m} ${c}`)) : undefined;
      reasons.push(`checks ${s.spec} (plumb run ${s.spec})`);
    }
    if (!s.outs.length && !s.spec) reasons.push('declares no outputs, so it always runs');
    if (s.outs.length) {
      const outTimes = await Promise.all(s.outs.map((o) => files.mtime(resolve(p.dir, o))));
      const missing = s.outs.filter((_, i) => outTimes[i] === undefined);
      if (missing.length) reasons.push(`output${missing.length > 1 ? 's' : ''} missing: ${missing.join(', ')}`);
      else {
        const oldest = Math.min(...(outTimes as number[]));
        const fileDeps = s.deps.filter((d) => !d.startsWith(STAGE_PREFIX));
        const depTimes = await Promise.all(fileDeps.map((d) => files.mtime(resolve(p.dir, d))));
        const newer = fileDeps.filter((_, i) => depTimes[i] !== undefined && depTimes[i]! > oldest);
        const absent = fileDeps.filter((_, i) => depTimes[i] === undefined && !g.producers[normalizeRef(fileDeps[i])]);
        if (newer.length) reasons.push(`changed since its outputs: ${newer.join(', ')}`);
        if (absent.length) reasons.push(`dependency missing: ${absent.join(', ')}`);
      }
    }
    const run = reasons.length > 0;
    willRun.set(name, run);
    stages.push({ name, description: s.description, cmd: s.cmd, deps: s.deps, outs: s.outs, spec: s.spec, needs: up, run, reasons: run ? reasons : ['up to date: outputs are newer than their dependencies'], ...(gates ? { gates } : {}) });
  }
  return { pipeline: p.file, name: p.name, order, stages, deploy: p.deploy ? deployPlan(p) : undefined };
}

function deployPlan(p: Pipeline): DeployPlan {
  const dep = p.deploy!;
  const out: DeployPlan = { strategy: dep.strategy ?? 'unknown', rollback: dep.rollback };
  if (dep.strategy === 'canary') {
    out.steps = dep.steps.map((s) => ({ traffic: s.traffic, duration: s.duration, ms: s.duration ? parseDuration(s.duration) : undefined, gates: s.gates }));
    out.total_ms = out.steps.filter((s) => s.traffic < 100).reduce((a, s) => a + (s.ms ?? 0), 0);
  } else if (dep.strategy === 'ab-test') {
    const total = Object.values(dep.splits).reduce((a, b) => a + b, 0);
    const power = dep.minSampleSize && dep.baseline !== undefined && dep.minimumDetectableEffect !== undefined && Object.keys(dep.splits).length >= 2 && Math.abs(total - 100) < 1e-9 && dep.baseline + dep.minimumDetectableEffect < 1
      ? abPower(dep.splits, dep.minSampleSize, dep.baseline, dep.minimumDetectableEffect)
      : undefined;
    out.ab = { splits: dep.splits, metric: dep.metric, min_sample_size: dep.minSampleSize, duration: dep.duration, ...(power ? { power } : {}) };
  } else if (dep.strategy === 'phased') {
    out.phases = dep.phases.map((x) => ({ target: x.region !== undefined ? `region ${x.region}` : x.cohort !== undefined ? `cohort ${x.cohort}` : '(unnamed)', duration: x.duration, gates: x.gates }));
  }
  return out;
}

const hours = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000}d` : ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`);
const gateText = (g: Record<string, string>) => Object.entries(g).map(([m, c]) => `${m} ${c}`).join(', ');

export function formatPlanText(plan: PipelinePlan, cwd = process.cwd()): string {
  const lines = [`Pipeline ${plan.name} (${relative(cwd, plan.pipeline) || plan.pipeline}): ${plan.stages.length} stage(s). Plumb never runs these commands; this is what a CI job would run, in order.`, ''];
  if (!plan.order) lines.push('The stages form a cycle, so there is no order (see the diagnostics above).', '');
  plan.stages.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.name}${s.needs.length ? ` (after ${s.needs.join(', ')})` : ''}: ${s.run ? 'WOULD RUN' : 'up to date'}${s.description ? ` - ${s.description}` : ''}`);
    if (s.cmd) lines.push(`     $ ${s.cmd}`);
    if (s.spec && !s.cmd) lines.push(`     $ plumb run ${s.spec}`);
    for (const r of s.reasons) lines.push(`     - ${r}`);
    if (s.gates?.length) lines.push(`     gates: ${s.gates.join('; ')}`);
  });
  const dp = plan.deploy;
  if (dp) {
    lines.push('', `Deploy (${dp.strategy}):`);
    if (dp.steps) {
      for (const s of dp.steps) lines.push(`  ${String(s.traffic).padStart(3)}%${s.duration ? ` for ${s.duration}` : ''}${Object.keys(s.gates).length ? `, advance when ${gateText(s.gates)}` : ''}`);
      if (dp.total_ms) lines.push(`  full traffic after ${hours(dp.total_ms)} if every gate holds`);
    }
    if (dp.ab) {
      lines.push(`  splits: ${Object.entries(dp.ab.splits).map(([k, v]) => `${k} ${v}%`).join(', ')}; metric ${dp.ab.metric ?? '?'}; at least ${dp.ab.min_sample_size ?? '?'} rows per arm${dp.ab.duration ? `, for at most ${dp.ab.duration}` : ''}`);
      const pw = dp.ab.power;
      if (pw) lines.push(`  power: ${Math.round(pw.power * 100)}% to detect ${pw.baseline} -> ${Math.round((pw.baseline + pw.effect) * 1e6) / 1e6} at alpha ${pw.alpha} (${pw.arms.map((a) => `${a.name} ${a.rows} rows`).join(', ')}); ${pw.rows_for_target ?? '?'} rows in the smallest arm give ${pw.target * 100}%`);
    }
    if (dp.phases) dp.phases.forEach((x, i) => lines.push(`  phase ${i + 1}: ${x.target}${x.duration ? ` for ${x.duration}` : ''}${Object.keys(x.gates).length ? `, advance when ${gateText(x.gates)}` : ''}`));
    if (Object.keys(dp.rollback.when).length) lines.push(`  roll back${dp.rollback.to ? ` to ${dp.rollback.to}` : ''} when any of: ${gateText(dp.rollback.when)}`);
  }
  return lines.join('\n');
}
