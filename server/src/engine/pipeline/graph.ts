/**
 * The stage graph: `after: [a]`, `deps: [stage:a]` and a dep that is another stage's output all
 * mean "a runs first". Unknown stage names, outputs claimed by two stages and cycles are found here
 * (the validator turns them into diagnostics); the order is Kahn's algorithm, ties broken by the
 * order stages are written in, so a plan reads like the file.
 */
import { normalizeRef } from './parsePipeline';
import type { Pipeline, StageEdge } from './types';

export const STAGE_PREFIX = 'stage:';

export interface StageGraph {
  edges: StageEdge[];
  /** References to stages that do not exist. */
  unknown: { stage: string; name: string; via: (string | number)[] }[];
  /** An output listed by a second stage (`via` points at the second). */
  duplicateOutputs: { out: string; first: string; stage: string; via: (string | number)[] }[];
  /** Normalised output path -> the stage that produces it (the first one). */
  producers: Record<string, string>;
}

export function stageGraph(p: Pipeline): StageGraph {
  const names = new Set(p.stages.map((s) => s.name));
  const producers: Record<string, string> = {};
  const duplicateOutputs: StageGraph['duplicateOutputs'] = [];
  for (const s of p.stages) {
    s.outs.forEach((out, i) => {
      const key = normalizeRef(out);
      const first = producers[key];
      if (first === undefined) producers[key] = s.name;
      else duplicateOutputs.push({ out, first, stage: s.name, via: ['stages', s.name, 'outs', i] });
    });
  }
  const edges: StageEdge[] = [];
  const unknown: StageGraph['unknown'] = [];
  const ref = (stage: string, name: string, via: (string | number)[], reason: string) => {
    if (names.has(name)) edges.push({ from: name, to: stage, via, reason });
    else unknown.push({ stage, name, via });
  };
  for (const s of p.stages) {
    s.after.forEach((a, i) => ref(s.name, a, ['stages', s.name, 'after', i], 'after'));
    s.deps.forEach((d, i) => {
      const via = ['stages', s.name, 'deps', i];
      if (d.startsWith(STAGE_PREFIX)) ref(s.name, d.slice(STAGE_PREFIX.length).trim(), via, d);
      else {
        const producer = producers[normalizeRef(d)];
        if (producer !== undefined) edges.push({ from: producer, to: s.name, via, reason: d });
      }
    });
  }
  return { edges, unknown, duplicateOutputs, producers };
}

/** Every elementary cycle found by a depth-first search, once each, starting at its earliest-written stage. */
export function findCycles(p: Pipeline, edges: StageEdge[]): { stages: string[]; edges: StageEdge[] }[] {
  const order = p.stages.map((s) => s.name);
  const out = new Map<string, StageEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Map<string, 0 | 1 | 2>();
  const stack: { name: string; edge?: StageEdge }[] = [];
  const found = new Map<string, { stages: string[]; edges: StageEdge[] }>();
  const visit = (name: string) => {
    state.set(name, 1);
    for (const e of out.get(name) ?? []) {
      const s = state.get(e.to) ?? 0;
      if (s === 0) {
        stack.push({ name: e.to, edge: e });
        visit(e.to);
        stack.pop();
      } else if (s === 1) {
        const at = stack.findIndex((x) => x.name === e.to);
        const cycleEdges = [...stack.slice(at + 1).map((x) => x.edge!), e];
        const stages = stack.slice(at).map((x) => x.name);
        const start = stages.reduce((best, n, i) => (order.indexOf(n) < order.indexOf(stages[best]) ? i : best), 0);
        const rotated = { stages: [...stages.slice(start), ...stages.slice(0, start)], edges: [...cycleEdges.slice(start), ...cycleEdges.slice(0, start)] };
        const key = [...stages].sort().join('\u0000');
        if (!found.has(key)) found.set(key, rotated);
      }
    }
    state.set(name, 2);
  };
  for (const name of order) {
    if ((state.get(name) ?? 0) !== 0) continue;
    stack.push({ name });
    visit(name);
    stack.pop();
  }
  return [...found.values()];
}

/** Stages in an order that respects every edge (declaration order among ready stages); null with a cycle. */
export function stageOrder(p: Pipeline, edges: StageEdge[]): string[] | null {
  const order = p.stages.map((s) => s.name);
  const indegree = new Map(order.map((n) => [n, 0]));
  const seen = new Set<string>();
  const unique = edges.filter((e) => {
    const k = `${e.from}\u0000${e.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  for (const e of unique) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  const done: string[] = [];
  const ready = order.filter((n) => indegree.get(n) === 0);
  while (ready.length) {
    const n = ready.shift()!;
    done.push(n);
    for (const e of unique.filter((x) => x.from === n)) {
      const d = indegree.get(e.to)! - 1;
      indegree.set(e.to, d);
      if (d === 0) {
        ready.push(e.to);
        ready.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      }
    }
  }
  return done.length === order.length ? done : null;
}

/** Stages that `name` needs directly. */
export function needs(name: string, edges: StageEdge[]): string[] {
  return [...new Set(edges.filter((e) => e.to === name).map((e) => e.from))];
}
