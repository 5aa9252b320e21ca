/** Offsets to 0-based line/character positions, as LSP counts them (UTF-16 code units). */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpecDiagnostic } from '../engine/spec/diagnostics';

export interface LocatedDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: SpecDiagnostic['severity'];
  message: string;
  code: string;
}

export function locateDiagnostics(file: string, text: string, diagnostics: SpecDiagnostic[]): LocatedDiagnostic[] {
  const doc = TextDocument.create('file:///x', 'yaml', 0, text);
  return diagnostics.map((d) => ({
    file,
    range: { start: doc.positionAt(d.offset), end: doc.positionAt(d.offset + d.length) },
    severity: d.severity,
    message: d.message,
    code: d.code,
  }));
}
