/**
 * From a run's result (`plumb/runChecks`, the same JSON as `plumb run --format json`) to each panel's
 * full state, checked against the panel's schema before it is sent: a result the panel cannot show is
 * reported here (with the path of the mismatch), not drawn wrong. No `vscode` import (unit-tested).
 */
import type { GateView, PanelKind, PanelMeta } from '../../../server/src/protocol/webview/common';
import { evaluationState, type EvaluationState } from '../../../server/src/protocol/webview/evaluation';
import { fairnessState, type FairnessState } from '../../../server/src/protocol/webview/fairness';
import { driftState, type DriftState } from '../../../server/src/protocol/webview/drift';
import { explainState, type ExplainState } from '../../../server/src/protocol/webview/explain';
import { parse, type ParseResult } from '../../../server/src/protocol/webview/schema';

/** The parts of a RunResult the panels read (see server/src/engine/run/runChecks.ts). */
export interface RunResultLike {
  name: string;
  sections: string[];
  evaluation?: unknown;
  fairness?: unknown;
  drift?: unknown;
  monitoring?: unknown;
  explain?: unknown;
  gates: GateView[];
  passed: boolean;
  seconds: number;
}

export interface PanelStates {
  evaluation: EvaluationState;
  fairness: FairnessState;
  drift: DriftState;
  explain: ExplainState;
}

export function panelMeta(run: RunResultLike, specPath: string, ranAt: Date): PanelMeta {
  return { specName: run.name, specPath, ranAt: ranAt.toISOString(), seconds: run.seconds, passed: run.passed };
}

/** Which panels a result has something for, in display order. */
export function panelsOf(run: RunResultLike): PanelKind[] {
  const out: PanelKind[] = [];
  if (run.evaluation) out.push('evaluation');
  if (run.fairness) out.push('fairness');
  if (run.drift || run.monitoring) out.push('drift');
  if (run.explain) out.push('explain');
  return out;
}

/** The panel's state for this run; undefined when the run has nothing for the panel. */
export function panelState<K extends PanelKind>(kind: K, run: RunResultLike, meta: PanelMeta): ParseResult<PanelStates[K]> | undefined {
  const gates = run.gates;
  switch (kind) {
    case 'evaluation':
      return run.evaluation ? (parse(evaluationState, { meta, gates, evaluation: run.evaluation }) as ParseResult<PanelStates[K]>) : undefined;
    case 'fairness':
      return run.fairness ? (parse(fairnessState, { meta, gates, fairness: run.fairness }) as ParseResult<PanelStates[K]>) : undefined;
    case 'drift':
      return run.drift || run.monitoring ? (parse(driftState, { meta, gates, drift: run.drift ?? null, monitoring: run.monitoring ?? null }) as ParseResult<PanelStates[K]>) : undefined;
    case 'explain': {
      const rows = (run.evaluation as { rows?: unknown } | undefined)?.rows;
      return run.explain ? (parse(explainState, { meta, gates, explain: run.explain, ...(typeof rows === 'number' ? { evalRows: rows } : {}) }) as ParseResult<PanelStates[K]>) : undefined;
    }
    default:
      return assertNeverKind(kind);
  }
}

function assertNeverKind(k: never): never {
  throw new Error(`unknown panel ${String(k)}`);
}
