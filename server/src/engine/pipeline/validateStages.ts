/** Stage rules: unknown stage references, dependency cycles, outputs claimed twice, missing model specs. */
import { didYouMean, diag, listNames, type SpecDiagnostic } from '../spec/diagnostics';
import { keySpan, valueSpan, type ParsedSpec } from '../spec/document';
import { findCycles, stageGraph, STAGE_PREFIX } from './graph';
import type { Pipeline } from './types';

export function stageDiagnostics(parsed: ParsedSpec, p: Pipeline): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  const g = stageGraph(p);
  const names = p.stages.map((s) => s.name);
  for (const u of g.unknown) {
    const span = valueSpan(parsed, u.via);
    const near = didYouMean(u.name, names);
    const isDep = u.via[2] === 'deps';
    const replacement = near ? (isDep ? `${STAGE_PREFIX}${near}` : near) : undefined;
    out.push(
      diag('error', 'pipeline.unknown-stage', `\`stages.${u.stage}.${u.via[2]}[${u.via[3]}]\`: there is no stage \`${u.name}\`.${near ? ` Did you mean \`${near}\`?` : ` Stages: ${listNames(names)}.`}`, span,
        replacement ? [{ title: `Change to \`${replacement}\``, edits: [{ ...span, text: replacement }] }] : undefined),
    );
  }
  for (const d of g.duplicateOutputs) {
    out.push(diag('error', 'pipeline.duplicate-output', `\`stages.${d.stage}.outs[${d.via[3]}]\`: \`${d.out}\` is also produced by stage \`${d.first}\`. Each file has one producer, or the order of the two stages decides what it holds.`, valueSpan(parsed, d.via)));
  }
  for (const c of findCycles(p, g.edges)) {
    const path = [...c.stages, c.stages[0]].join(' -> ');
    const links = c.edges.map((e) => `\`${e.to}\` needs \`${e.from}\` (${e.reason === 'after' ? '`after`' : e.reason.startsWith(STAGE_PREFIX) ? `\`${e.reason}\`` : `its output \`${e.reason}\``})`).join(', ');
    out.push(diag('error', 'pipeline.cycle', `\`stages\`: dependency cycle ${path}: ${links}. No order can run these stages; remove one of the links.`, keySpan(parsed, ['stages', c.stages[0]])));
  }
  return out;
}
