/** Quick fixes: the fixes a diagnostic carries (did-you-mean, add a missing key, add a metric). */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf, type DiagnosticData } from './convert';

export function quickFixes(doc: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'plumb') continue;
    const fixes = (d.data as DiagnosticData | undefined)?.fixes ?? [];
    fixes.forEach((fix, i) => {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0 && fixes.length === 1,
        edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: rangeOf(doc, e.offset, e.length), newText: e.text })) } },
      });
    });
  }
  return out;
}
