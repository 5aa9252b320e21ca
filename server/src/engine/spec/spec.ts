/**
 * The typed view of a spec after validation: paths resolved against the spec's folder and defaults
 * filled in, so checks never re-read YAML. Built from the parsed value; it trusts only what the
 * schema guarantees and falls back to defaults elsewhere.
 */
import { dirname, resolve as resolvePath } from 'node:path';
import type { Task } from '../metrics/types';
import { DEFAULT_METRICS } from './checkNames';

export type Gates = Record<string, string>;

export interface Spec {
  file: string;
  dir: string;
  name: string;
  kind: 'model' | 'pipeline';
  description?: string;
  model?: {
    path?: string;
    task: Task;
    features: string[];
    input?: string;
    output?: string;
    positiveLabel: number | string | boolean;
    threshold: number;
    labels?: (number | string)[];
  };
  data?: {
    eval?: string;
    target?: string;
    reference?: string;
    current?: string;
    timestamp?: string;
    prediction?: string;
    delimiter?: string;
  };
  evaluation?: { metrics: string[]; metricsListed: boolean; gates: Gates; slices: string[]; bootstrap: number; seed: number };
  fairness?: { sensitive: string[]; bins: Record<string, number[]>; metrics: string[]; gates: Gates; relativeTo: 'groups' | 'overall'; minGroupSize: number; bootstrap: number; seed: number };
  drift?: { columns?: string[]; method: string; threshold?: number; shareThreshold: number; gates: Gates };
  monitoring?: { window: string; gates: Gates };
  explain?: { background?: string; backgroundSize: number; metric?: string; repeats: number; maxRows: number; features?: string[]; seed: number };
  compare?: { challenger?: string; gates: Gates };
  card?: Record<string, unknown>;
  raw: Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const gates = (v: unknown): Gates => {
  const o = obj(v) ?? {};
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, String(x)]));
};

export function buildSpec(value: unknown, file: string): Spec {
  const raw = obj(value) ?? {};
  const dir = dirname(file);
  const path = (v: unknown) => (typeof v === 'string' && v ? resolvePath(dir, v) : undefined);
  const spec: Spec = {
    file,
    dir,
    name: str(raw.name) ?? file.replace(/^.*[\\/]/, '').replace(/\.plumb\.ya?ml$|\.ya?ml$/, ''),
    kind: raw.kind === 'pipeline' ? 'pipeline' : 'model',
    description: str(raw.description),
    raw,
  };
  const m = obj(raw.model);
  if (m) {
    const task = (['binary-classification', 'multiclass-classification', 'regression'] as const).find((t) => t === m.task) ?? 'binary-classification';
    const pos = m.positive_label;
    spec.model = {
      path: path(m.path),
      task,
      features: strs(m.features) ?? [],
      input: str(m.input),
      output: str(m.output),
      positiveLabel: typeof pos === 'number' || typeof pos === 'string' || typeof pos === 'boolean' ? pos : 1,
      threshold: num(m.threshold, 0.5),
      labels: Array.isArray(m.labels) ? (m.labels.filter((x) => typeof x === 'number' || typeof x === 'string') as (number | string)[]) : undefined,
    };
  }
  const d = obj(raw.data);
  if (d) {
    spec.data = {
      eval: path(d.eval),
      target: str(d.target),
      reference: path(d.reference),
      current: path(d.current),
      timestamp: str(d.timestamp),
      prediction: str(d.prediction),
      delimiter: str(d.delimiter),
    };
  }
  const task = spec.model?.task ?? 'binary-classification';
  const e = obj(raw.evaluation);
  if (e) {
    const listed = strs(e.metrics);
    const g = gates(e.gates);
    const metrics = listed ?? [...new Set([...DEFAULT_METRICS[task], ...Object.keys(g)])];
    spec.evaluation = { metrics, metricsListed: listed !== undefined, gates: g, slices: strs(e.slices) ?? [], bootstrap: num(e.bootstrap, 200), seed: num(e.seed, 0) };
  }
  const f = obj(raw.fairness);
  if (f) {
    spec.fairness = {
      sensitive: strs(f.sensitive) ?? [],
      bins: Object.fromEntries(Object.entries(obj(f.bins) ?? {}).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).filter((x): x is number => typeof x === 'number')])),
      metrics: strs(f.metrics) ?? [],
      gates: gates(f.gates),
      relativeTo: f.relative_to === 'overall' ? 'overall' : 'groups',
      minGroupSize: num(f.min_group_size, 30),
      bootstrap: num(f.bootstrap, 200),
      seed: num(f.seed, 0),
    };
  }
  const dr = obj(raw.drift);
  if (dr) {
    spec.drift = {
      columns: strs(dr.columns),
      method: str(dr.method) ?? 'auto',
      threshold: typeof dr.threshold === 'number' ? dr.threshold : undefined,
      shareThreshold: num(dr.share_threshold, 0.5),
      gates: gates(dr.gates),
    };
  }
  const mo = obj(raw.monitoring);
  if (mo) spec.monitoring = { window: String(mo.window ?? ''), gates: gates(mo.gates) };
  const ex = obj(raw.explain);
  if (ex) {
    spec.explain = {
      background: path(ex.background),
      backgroundSize: num(ex.background_size, 100),
      metric: str(ex.metric),
      repeats: num(ex.repeats, 5),
      maxRows: num(ex.max_rows, 10000),
      features: strs(ex.features),
      seed: num(ex.seed, 0),
    };
  }
  const c = obj(raw.compare);
  if (c) spec.compare = { challenger: path(c.challenger), gates: gates(c.gates) };
  const card = obj(raw.card);
  if (card) spec.card = card;
  return spec;
}

/** Parses a monitoring window: a duration in ms (`7d`, `12h`, `2w`, `30m`) or a row count. */
export function parseWindow(w: string | number): { kind: 'duration'; ms: number } | { kind: 'rows'; rows: number } | undefined {
  if (typeof w === 'number') return Number.isInteger(w) && w > 0 ? { kind: 'rows', rows: w } : undefined;
  const s = w.trim();
  if (/^\d+$/.test(s)) return Number(s) > 0 ? { kind: 'rows', rows: Number(s) } : undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(m|h|d|w)$/.exec(s);
  if (!m) return undefined;
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? { kind: 'duration', ms } : undefined;
}
