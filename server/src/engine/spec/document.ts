/**
 * A parsed spec: the YAML document with source offsets, plus lookups between JSON paths and nodes.
 * Parsing never throws: YAML errors become diagnostics, and anchors/aliases are capped so a
 * "billion laughs" document cannot blow up memory.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { diag, type SpecDiagnostic } from './diagnostics';

export type PathSegment = string | number;
export type JsonPath = PathSegment[];

export interface ParsedSpec {
  text: string;
  doc: Document.Parsed;
  /** The plain value (null when the document has errors or could not be turned into data). */
  value: unknown;
  /** Best-effort value even when the document has errors (for completion while typing); null if none. */
  looseValue: unknown;
  diagnostics: SpecDiagnostic[];
  /**
   * How reparse.ts obtained this parse from the previous one (absent: a full parse). The result is
   * the same either way; tests and the LSP benchmark read it to see which path an edit took.
   */
  reparsed?: 'scalar' | 'items' | 'section';
}

const MAX_ALIAS_COUNT = 100;

/** The YAML options of every spec parse (reparse.ts parses single scalars with them too). */
export const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/** The document as plain data, with aliases capped. */
export function toPlainValue(doc: Document.Parsed): { ok: true; value: unknown } | { ok: false; error: Error } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    return { ok: false, error: err as Error };
  }
}

export function parseSpecText(text: string): ParsedSpec {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const diagnostics: SpecDiagnostic[] = [];
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    diagnostics.push(diag('error', 'yaml.syntax', `YAML syntax error: ${firstLine(e.message)}`, { offset: start, length: Math.max(1, end - start) }));
  }
  for (const w of doc.warnings) {
    const [start, end] = w.pos;
    diagnostics.push(diag('warning', 'yaml.warning', firstLine(w.message), { offset: start, length: Math.max(1, end - start) }));
  }
  let value: unknown = null;
  if (doc.errors.length === 0) {
    const plain = toPlainValue(doc);
    if (plain.ok) value = plain.value;
    else {
      diagnostics.push(
        diag('error', 'yaml.aliases', `The YAML could not be expanded: ${plain.error.message}. Use fewer aliases (at most ${MAX_ALIAS_COUNT} expansions).`, {
          offset: 0,
          length: Math.min(text.length, firstLine(text).length),
        }),
      );
    }
  }
  let looseValue: unknown = value;
  if (doc.errors.length) {
    const plain = toPlainValue(doc);
    looseValue = plain.ok ? plain.value : null;
  }
  return { text, doc, value, looseValue, diagnostics };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

/** The node at a path, or undefined. */
export function nodeAt(doc: Document.Parsed, path: JsonPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      node = pair?.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      return undefined;
    }
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key/value pair whose value is at `path` (so diagnostics can point at the key). */
export function pairAt(doc: Document.Parsed, path: JsonPath): Pair<Node, Node> | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!isMap(parent)) return undefined;
  return parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last)) as Pair<Node, Node> | undefined;
}

export interface Span {
  offset: number;
  length: number;
}

export function spanOf(node: Node | null | undefined): Span | undefined {
  if (!node?.range) return undefined;
  const [start, valueEnd] = node.range;
  return { offset: start, length: Math.max(1, valueEnd - start) };
}

/** The range of the value at path; falls back to its key, then to the nearest existing parent. */
export function valueSpan(parsed: ParsedSpec, path: JsonPath): Span {
  for (let p = path; ; p = p.slice(0, -1)) {
    const s = spanOf(nodeAt(parsed.doc, p)) ?? spanOf(pairAt(parsed.doc, p)?.key);
    if (s) return s;
    if (p.length === 0) return { offset: 0, length: Math.min(1, parsed.text.length) };
  }
}

/** The range of the key of the value at path (for unknown keys and section-level errors). */
export function keySpan(parsed: ParsedSpec, path: JsonPath): Span {
  return spanOf(pairAt(parsed.doc, path)?.key) ?? valueSpan(parsed, path);
}

/** Dotted path for messages: `fairness.sensitive[0]`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(top level)';
}

/** Where the cursor is: the path of the innermost node containing the offset, and whether it is on a key. */
export interface Location {
  path: JsonPath;
  /** The cursor is on (or where one would type) a key of the map at `path`. */
  onKey: boolean;
  node?: Node;
}

export function locate(doc: Document.Parsed, offset: number): Location {
  const path: JsonPath = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      let next: { pair: Pair; seg: string } | undefined;
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        const v = pair.value as Node | null;
        if (k?.range && offset >= k.range[0] && offset <= k.range[1]) {
          return { path: [...path, String((k as { value?: unknown }).value ?? '')], onKey: true, node: k };
        }
        if (v?.range && offset >= v.range[0] && offset <= v.range[1] && isScalar(k)) {
          next = { pair, seg: String(k.value) };
        }
      }
      if (!next) return { path, onKey: true, node: node as Node };
      path.push(next.seg);
      node = next.pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => {
        const r = (it as Node | null)?.range;
        return r && offset >= r[0] && offset <= r[1];
      });
      if (i < 0) return { path, onKey: false, node: node as Node };
      path.push(i);
      node = node.items[i];
    } else {
      return { path, onKey: false, node: (node ?? undefined) as Node | undefined };
    }
  }
}

export { isMap, isPair, isScalar, isSeq };
