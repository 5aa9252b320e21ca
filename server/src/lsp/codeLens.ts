/** Code lenses over a model spec: run a section's checks from the spec itself. */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { keySpan, parseSpecText, type ParsedSpec } from '../engine/spec/document';
import { rangeOf } from './convert';

const LENSES: { section: string; title: string; command: string }[] = [
  { section: 'evaluation', title: 'Evaluate', command: 'plumb.evaluateModel' },
  { section: 'fairness', title: 'Fairness', command: 'plumb.checkFairness' },
  { section: 'drift', title: 'Drift', command: 'plumb.checkDrift' },
  { section: 'explain', title: 'Explain', command: 'plumb.explainModel' },
];

export function codeLenses(doc: TextDocument, parsed: ParsedSpec = parseSpecText(doc.getText())): CodeLens[] {
  const value = parsed.value as Record<string, unknown> | null;
  if (!value || typeof value !== 'object' || value.kind === 'pipeline') return [];
  const lenses: CodeLens[] = [];
  const present = LENSES.filter((l) => value[l.section] !== undefined);
  if (present.length) {
    const top = rangeOf(doc, 0, 0);
    lenses.push({ range: top, command: { title: 'Run All Checks', command: 'plumb.runAllChecks', arguments: [doc.uri] } });
  }
  for (const l of present) {
    const span = keySpan(parsed, [l.section]);
    lenses.push({ range: rangeOf(doc, span.offset, span.length), command: { title: l.title, command: l.command, arguments: [doc.uri] } });
  }
  return lenses;
}
