/** Builds the typed Pipeline from a spec's plain value; trusts only what the schema guarantees. */
import { dirname, posix } from 'node:path';
import type { Gates } from '../spec/spec';
import type { CanaryStep, Deploy, Phase, Pipeline, Stage, Strategy } from './types';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : String(x))) : []);
const gates = (v: unknown): Gates => Object.fromEntries(Object.entries(obj(v) ?? {}).map(([k, x]) => [k, String(x)]));

/** `./data/x.csv`, `data//x.csv` and `data/x.csv` are one file. */
export function normalizeRef(p: string): string {
  const n = posix.normalize(p.trim().split('\\').join('/'));
  return n.startsWith('./') ? n.slice(2) : n;
}

export function parsePipeline(value: unknown, file: string): Pipeline {
  const raw = obj(value) ?? {};
  const stages: Stage[] = Object.entries(obj(raw.stages) ?? {}).map(([name, v]) => {
    const s = obj(v) ?? {};
    return { name, description: str(s.description), cmd: str(s.cmd), deps: strs(s.deps), outs: strs(s.outs), spec: str(s.spec), after: strs(s.after) };
  });
  const d = obj(raw.deploy);
  let deploy: Deploy | undefined;
  if (d) {
    const steps: CanaryStep[] = (Array.isArray(d.steps) ? d.steps : []).map((x) => {
      const s = obj(x) ?? {};
      return { traffic: num(s.traffic) ?? NaN, duration: str(s.duration), gates: gates(s.gates) };
    });
    const phases: Phase[] = (Array.isArray(d.phases) ? d.phases : []).map((x) => {
      const p = obj(x) ?? {};
      return { region: str(p.region), cohort: str(p.cohort), duration: str(p.duration), gates: gates(p.gates) };
    });
    const rb = obj(d.rollback) ?? {};
    deploy = {
      strategy: (['canary', 'ab-test', 'phased'] as const).find((x) => x === d.strategy) as Strategy | undefined,
      steps,
      splits: Object.fromEntries(Object.entries(obj(d.splits) ?? {}).map(([k, x]) => [k, num(x) ?? NaN])),
      metric: str(d.metric),
      minSampleSize: num(d.min_sample_size),
      baseline: num(d.baseline),
      minimumDetectableEffect: num(d.minimum_detectable_effect),
      duration: str(d.duration),
      phases,
      rollback: { when: gates(rb.when), to: str(rb.to) },
    };
  }
  return { file, dir: dirname(file), name: str(raw.name) ?? file.replace(/^.*[\\/]/, '').replace(/\.plumb\.ya?ml$|\.ya?ml$/, ''), stages, deploy };
}
