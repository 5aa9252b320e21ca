/**
 * Re-parsing a spec after an edit without re-reading the whole YAML when the edit only changed one
 * plain scalar value on one line (typing a column name, a threshold, a path): the previous document
 * is patched in place (the new scalar replaces the old one, every offset after it moves by the
 * length difference) and the plain value is rebuilt from it. Anything else (keys, structure, quotes,
 * comments, anchors, a document with YAML errors or warnings) takes a full parse. The result is the
 * same as `parseSpecText(text)`; the tests compare both on random edits.
 *
 * The previous ParsedSpec is reused and must not be used afterwards (SpecStore keeps one per document).
 */
import { isAlias, isCollection, isPair, isScalar, parseDocument, visit, type Node, type Scalar } from 'yaml';
import { parseSpecText, PARSE_OPTIONS, toPlainValue, type ParsedSpec } from './document';

/** Characters that make a plain scalar mean something else somewhere in YAML (flow context, comments, anchors, tags, quotes). */
const UNSAFE = /[\n\r\t,[\]{}#&*!|>'"%@`:?]/;

interface Found {
  node: Scalar;
  parent: { items: unknown[] } | { value: unknown };
  slot: number | 'value';
}

/** The plain, single-line value scalar whose source contains [from, to) of the old text. */
function findValueScalar(parsed: ParsedSpec, from: number, to: number): Found | undefined {
  let found: Found | undefined;
  visit(parsed.doc, {
    Scalar(key, node, path) {
      const r = node.range;
      if (!r || found || key === 'key') return found ? visit.BREAK : undefined;
      if (r[0] <= from && to <= r[1] && node.type === 'PLAIN') {
        const parent = path[path.length - 1];
        if (isPair(parent)) found = { node, parent: parent as { value: unknown }, slot: 'value' };
        else if (isCollection(parent) && typeof key === 'number') found = { node, parent: parent as { items: unknown[] }, slot: key };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The new scalar, parsed on its own; undefined unless it is one plain scalar spanning all of `source`. */
function plainScalar(source: string): Scalar | undefined {
  if (!source || UNSAFE.test(source) || source !== source.trim() || /^[-?]/.test(source)) return undefined;
  const doc = parseDocument(source, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  const node = doc.contents;
  if (!isScalar(node) || node.type !== 'PLAIN' || !node.range || node.range[0] !== 0 || node.range[1] !== source.length) return undefined;
  if (node.comment || node.commentBefore || doc.comment || doc.commentBefore) return undefined;
  return node;
}

function shift(range: [number, number, number], at: number, delta: number): void {
  for (let i = 0; i < 3; i++) if (range[i] >= at) range[i] += delta;
}

/** Like `parseSpecText(text)`, reusing `prev` (the parse of the previous text) when the edit allows it. */
export function reparseSpecText(prev: ParsedSpec | undefined, text: string): ParsedSpec {
  const patched = prev && tryPatch(prev, text);
  return patched ?? parseSpecText(text);
}

function tryPatch(prev: ParsedSpec, text: string): ParsedSpec | undefined {
  const old = prev.text;
  if (old === text) return prev;
  if (prev.diagnostics.length || prev.doc.errors.length || prev.doc.warnings.length || prev.value === null) return undefined;
  // The edited region: what is left between the common prefix and the common suffix.
  const max = Math.min(old.length, text.length);
  let p = 0;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const delta = text.length - old.length;
  const found = findValueScalar(prev, p, oldEnd);
  if (!found) return undefined;
  const [start, valueEnd, nodeEnd] = found.node.range!;
  const oldSource = old.slice(start, valueEnd);
  if (UNSAFE.test(oldSource) || oldSource !== oldSource.trim()) return undefined;
  const next = plainScalar(text.slice(start, valueEnd + delta));
  if (!next) return undefined;
  // Anchors and aliases make one scalar appear in several places: leave those documents to a full parse.
  let aliased = false;
  visit(prev.doc, {
    Node(_, n) {
      if (isAlias(n) || (n as { anchor?: string }).anchor) {
        aliased = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (aliased) return undefined;

  visit(prev.doc, {
    Node(_, n: Node) {
      if (n.range && n !== found.node) shift(n.range as [number, number, number], valueEnd, delta);
    },
  });
  if (prev.doc.range) shift(prev.doc.range as [number, number, number], valueEnd, delta);
  next.range = [start, valueEnd + delta, nodeEnd + delta];
  if (found.slot === 'value') (found.parent as { value: unknown }).value = next;
  else (found.parent as { items: unknown[] }).items[found.slot] = next;
  const value = toPlainValue(prev.doc);
  if (!value.ok) return undefined;
  return { text, doc: prev.doc, value: value.value, looseValue: value.value, diagnostics: [] };
}
