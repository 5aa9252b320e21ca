/** Failed gates of the last run, as diagnostics on each gate's line of the spec. */
import { diag, type SpecDiagnostic } from '../engine/spec/diagnostics';
import { pairAt, spanOf, type ParsedSpec } from '../engine/spec/document';
import type { GateResult } from '../engine/run/gates';

export function gateDiagnostics(parsed: ParsedSpec, gates: GateResult[]): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const g of gates) {
    if (g.passed) continue;
    const pair = pairAt(parsed.doc, [g.section, 'gates', g.metric]);
    const span = spanOf(pair?.key);
    if (!span) continue; // the gate was removed since the run
    const value = g.value === null ? 'undefined' : String(Math.round(g.value * 1e4) / 1e4);
    out.push(diag('error', 'gate.failed', `Gate failed: \`${g.section}.${g.metric}\` is ${value}, which does not satisfy ${g.condition}${g.note ? ` (${g.note})` : ''}.`, span));
  }
  return out;
}
