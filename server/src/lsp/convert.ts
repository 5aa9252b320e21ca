/** Offsets to LSP ranges, once, at the edge. */
import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, SpecDiagnostic } from '../engine/spec/diagnostics';

export function rangeOf(doc: TextDocument, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

export interface DiagnosticData {
  fixes?: Fix[];
}

export function toLspDiagnostic(doc: TextDocument, d: SpecDiagnostic): Diagnostic {
  const out = Diagnostic.create(rangeOf(doc, d.offset, d.length), d.message, SEVERITY[d.severity], d.code, 'plumb');
  if (d.fixes?.length) out.data = { fixes: d.fixes } satisfies DiagnosticData;
  return out;
}
