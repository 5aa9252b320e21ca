/** Merging a spec's runs by section (no `vscode` import, unit-tested). */
import type { RunResultLike } from './panels/states';

export interface RunResult extends RunResultLike {
  spec: string;
}

const SECTIONS = ['evaluation', 'fairness', 'drift', 'monitoring', 'explain'] as const;

/** `next` over `previous`: the sections `next` ran replace theirs (results and gates), the others stay. */
export function mergeRuns(previous: RunResult | undefined, next: RunResult): RunResult {
  if (!previous || previous.spec !== next.spec) return next;
  const merged: RunResult = { ...previous, name: next.name, spec: next.spec, seconds: next.seconds };
  for (const s of SECTIONS) {
    if (next.sections.includes(s)) {
      if (next[s] === undefined) delete merged[s];
      else merged[s] = next[s];
    }
  }
  merged.sections = SECTIONS.filter((s) => previous.sections.includes(s) || next.sections.includes(s));
  merged.gates = [...previous.gates.filter((g) => !next.sections.includes(g.section)), ...next.gates];
  merged.passed = merged.gates.every((g) => g.passed);
  return merged;
}
