/** Document symbols (the outline): every key of the spec, nested as in the YAML. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseSpecText, type ParsedSpec } from '../engine/spec/document';
import { rangeOf } from './convert';

export function documentSymbols(doc: TextDocument, parsed: ParsedSpec = parseSpecText(doc.getText())): DocumentSymbol[] {
  return symbolsOf(doc, parsed.doc.contents as Node | null, 0);
}

function symbolsOf(doc: TextDocument, node: Node | null, depth: number): DocumentSymbol[] {
  if (!isMap(node) || depth > 6) return [];
  const out: DocumentSymbol[] = [];
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const end = value?.range ? value.range[1] : key.range[1];
    const detail = isScalar(value) ? String(value.value) : isSeq(value) ? `${value.items.length} item(s)` : undefined;
    out.push({
      name: String(key.value),
      detail,
      kind: isMap(value) ? SymbolKind.Namespace : isSeq(value) ? SymbolKind.Array : SymbolKind.Property,
      range: rangeOf(doc, key.range[0], end - key.range[0]),
      selectionRange: rangeOf(doc, key.range[0], key.range[1] - key.range[0]),
      children: symbolsOf(doc, value, depth + 1),
    });
  }
  return out;
}
