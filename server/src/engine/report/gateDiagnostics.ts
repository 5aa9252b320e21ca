/**
 * Failed gates as spec diagnostics located on the gate's key (`roc_auc` in `evaluation.gates`), so
 * SARIF viewers and code-scanning annotations point at the line to look at. Offsets, like every
 * spec diagnostic; the CLI turns them into lines and columns at the edge.
 */
import type { GateResult } from '../run/gates';
import { diag, type SpecDiagnostic } from '../spec/diagnostics';
import { keySpan, pairAt, type ParsedSpec } from '../spec/document';
import { gateFailureMessage } from './junit';

export const GATE_FAILED = 'gate.failed';

export function gateDiagnostics(gates: GateResult[], parsed: ParsedSpec): SpecDiagnostic[] {
  return gates
    .filter((g) => !g.passed && pairAt(parsed.doc, [g.section, 'gates', g.metric]) !== undefined) // a gate removed since the run shows nowhere
    .map((g) => diag('error', GATE_FAILED, `Gate failed: ${gateFailureMessage(g)}.`, keySpan(parsed, [g.section, 'gates', g.metric])));
}
