/**
 * Re-parsing a spec after an edit without re-reading the whole YAML, at three levels:
 * - the edit only changed one plain scalar value on one line (typing a column name, a threshold, a
 *   path): the new scalar replaces the old one in the previous document, and every offset after it
 *   moves by the length difference;
 * - the edit replaced whole items of one block sequence (a feature added to, removed from or
 *   rewritten in a long `features:` list): the new lines alone are parsed as a sequence and their
 *   items take the old ones' place;
 * - the edit stayed inside one top-level section (a new key or line, a quoted string): that section
 *   alone is parsed again and replaces the old one.
 * The plain value is then rebuilt from the patched document. Anything else (comments, anchors, a new
 * or duplicate top-level key, edits across sections, a document with YAML errors or warnings) takes
 * a full parse. The result is the same as `parseSpecText(text)`; the tests compare both on random edits.
 *
 * The previous ParsedSpec is reused and must not be used afterwards (SpecStore keeps one per document).
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
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
  if (!prev) return parseSpecText(text);
  if (prev.text === text) return prev;
  if (prev.diagnostics.length || prev.doc.errors.length || prev.doc.warnings.length || prev.value === null || hasAnchors(prev.doc)) return parseSpecText(text);
  const edit = editedRegion(prev.text, text);
  return patchScalar(prev, text, edit) ?? patchItems(prev, text, edit) ?? patchSection(prev, text, edit) ?? parseSpecText(text);
}

interface Edit {
  /** [from, to) of the old text was replaced; every later offset moves by delta. */
  from: number;
  to: number;
  delta: number;
}

/** What is left between the common prefix and the common suffix. */
function editedRegion(old: string, text: string): Edit {
  const max = Math.min(old.length, text.length);
  let p = 0;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  return { from: p, to: old.length - s, delta: text.length - old.length };
}

/** Anchors and aliases make one node appear in several places: those documents take a full parse. */
function hasAnchors(doc: Document.Parsed | Document): boolean {
  let found = false;
  visit(doc, {
    Node(_, n) {
      if (isAlias(n) || (n as { anchor?: string }).anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Moves every offset at or after `at` of the nodes (and the document) by `delta`, except `skip`'s. */
function shiftAll(doc: Document.Parsed, at: number, delta: number, skip?: Node): void {
  visit(doc, {
    Node(_, n: Node) {
      if (n.range && n !== skip) shift(n.range as [number, number, number], at, delta);
    },
  });
  if (doc.range) shift(doc.range as [number, number, number], at, delta);
}

function done(prev: ParsedSpec, text: string, reparsed: ParsedSpec['reparsed']): ParsedSpec | undefined {
  const value = toPlainValue(prev.doc);
  if (!value.ok) return undefined;
  return { text, doc: prev.doc, value: value.value, looseValue: value.value, diagnostics: [], reparsed };
}

/** The edit changed one plain value scalar: the new scalar replaces it. */
function patchScalar(prev: ParsedSpec, text: string, e: Edit): ParsedSpec | undefined {
  const found = findValueScalar(prev, e.from, e.to);
  if (!found) return undefined;
  const [start, valueEnd, nodeEnd] = found.node.range!;
  const oldSource = prev.text.slice(start, valueEnd);
  if (UNSAFE.test(oldSource) || oldSource !== oldSource.trim()) return undefined;
  const next = plainScalar(text.slice(start, valueEnd + e.delta));
  if (!next) return undefined;
  shiftAll(prev.doc, valueEnd, e.delta, found.node);
  next.range = [start, valueEnd + e.delta, nodeEnd + e.delta];
  if (found.slot === 'value') (found.parent as { value: unknown }).value = next;
  else (found.parent as { items: unknown[] }).items[found.slot] = next;
  return done(prev, text, 'scalar');
}

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number): number => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
};
/** What the item level leaves to the others: comments, anchors, aliases, tags, directives, tabs, block scalars. */
const ITEMS_UNSAFE = /[#&*!%\t|>`@]|^\s*\?|^(---|\.\.\.)|\n\s*\n|^\s*\n/m;

interface SeqAt {
  seq: YAMLSeq;
  /** The sequence and every node above it. */
  ancestors: Set<unknown>;
}

/** The innermost block sequence whose lines contain the old text's [from, to). */
function blockSeqAround(parsed: ParsedSpec, from: number, to: number): SeqAt | undefined {
  let best: SeqAt | undefined;
  visit(parsed.doc, {
    Seq(_, node, path) {
      const r = node.range;
      if (!r || node.flow || lineStart(parsed.text, r[0]) > from || to > r[2]) return visit.SKIP;
      best = { seq: node, ancestors: new Set([...path, node]) };
      return undefined;
    },
  });
  return best;
}

/**
 * The edit replaced whole lines that are whole items of one block sequence (or inserted whole
 * items between two of them, or at its end): the new lines, parsed on their own as a sequence at the
 * same indentation, give the items that replace the old ones. Comments near the edit, blank lines,
 * anchors, tags, block scalars, a sequence left empty (a full parse makes it null) and anything else
 * that does not parse on its own fall through to the section level.
 */
function patchItems(prev: ParsedSpec, text: string, e: Edit): ParsedSpec | undefined {
  const old = prev.text;
  // The edit as whole lines: from the start of the first changed line, and back from the end over
  // every line both texts end with ("- f29\n" + "  - g\n" inserted before "  threshold" is the
  // new line "  - g", not a change inside the threshold line).
  const from = lineStart(old, e.from);
  const max = Math.min(old.length, text.length) - from;
  let same = 0;
  while (same < max && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  let to = old.length - same;
  if (to > from && old[to - 1] !== '\n') to = lineEnd(old, to);
  const found = blockSeqAround(prev, from, to);
  if (!found) return undefined;
  const { seq, ancestors } = found;
  const items = seq.items as Node[];
  // Where each item's lines start (its "- " line) and where the last one ends.
  const bounds: number[] = [];
  let indent = -1;
  for (const item of items) {
    if (!item?.range) return undefined;
    const at = lineStart(old, item.range[0]);
    const lead = /^( *)- +$/.exec(old.slice(at, item.range[0]));
    if (!lead || (indent >= 0 && lead[1].length !== indent)) return undefined;
    indent = lead[1].length;
    bounds.push(at);
  }
  const end = seq.range![2];
  if (end !== old.length && old[end - 1] !== '\n') return undefined;
  bounds.push(end);
  const j = bounds.indexOf(from);
  const k = bounds.indexOf(to);
  if (j < 0 || k < j) return undefined;
  const source = text.slice(from, to + e.delta);
  // The lines around the edit, the old lines and the new ones: no comment, nothing unusual.
  const around = old.slice(lineStart(old, Math.max(0, from - 1)), from) + old.slice(from, to) + old.slice(to, lineEnd(old, to));
  if (ITEMS_UNSAFE.test(source) || ITEMS_UNSAFE.test(around)) return undefined;
  let added: Node[] = [];
  if (source) {
    const lines = source.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    else if (to + e.delta !== text.length) return undefined;
    const dash = new RegExp(`^ {${indent}}-( |$)`);
    let starts = 0;
    for (const line of lines) {
      const spaces = /^ */.exec(line)![0].length;
      if (spaces < indent || (spaces === indent && !dash.test(line))) return undefined;
      if (spaces === indent) starts++;
    }
    if (!dash.test(lines[0])) return undefined;
    const doc = parseDocument(source, PARSE_OPTIONS);
    if (doc.errors.length || doc.warnings.length || doc.comment || doc.commentBefore || hasAnchors(doc)) return undefined;
    const fresh = doc.contents;
    if (!isSeq(fresh) || fresh.flow || fresh.items.length !== starts) return undefined;
    visit(doc, {
      Node(_, n: Node) {
        if (n.range) n.range = [n.range[0] + from, n.range[1] + from, n.range[2] + from];
      },
    });
    added = fresh.items as Node[];
  }
  if (items.length - (k - j) + added.length === 0) return undefined;

  // Offsets from the old text's `to` on move by delta: the ends of the sequence and of every node
  // above it, and all of every node that starts there or later. Nodes before the edit stay.
  visit(prev.doc, {
    Node(_, n: Node) {
      const r = n.range as [number, number, number] | undefined;
      if (!r) return;
      if (ancestors.has(n)) {
        for (const i of [1, 2]) if (r[i] >= to) r[i] += e.delta;
      } else if (r[0] >= to) {
        shift(r, to, e.delta);
      }
    },
  });
  if (prev.doc.range) shift(prev.doc.range as [number, number, number], to, e.delta);
  items.splice(j, k - j, ...added);
  return done(prev, text, 'items');
}

/**
 * The edit stayed inside one top-level section (from its key at column 0 to the next top-level key):
 * that section alone is parsed again and replaces the old one. Sections with comments, a change at
 * the document's start or end, and anything that does not parse on its own take a full parse.
 */
function patchSection(prev: ParsedSpec, text: string, e: Edit): ParsedSpec | undefined {
  const old = prev.text;
  const top = prev.doc.contents;
  if (!isMap(top) || top.flow || !top.items.length) return undefined;
  const starts = top.items.map((pair) => (isScalar(pair.key) && pair.key.range ? pair.key.range[0] : -1));
  if (starts.some((at) => at < 0 || (at > 0 && old[at - 1] !== '\n'))) return undefined;
  // Sections end where the next top-level key starts; the last one ends with the document. Text
  // inserted at a key's start may belong to the section before (a new last line) or to the key's own.
  const endOf = (k: number) => (k + 1 < starts.length ? starts[k + 1] : old.length);
  for (let k = 0; k < starts.length; k++) {
    if (starts[k] <= e.from && e.to <= endOf(k)) {
      const patched = patchOneSection(prev, text, e, top, starts, k);
      if (patched) return patched;
    }
  }
  return undefined;
}

function patchOneSection(prev: ParsedSpec, text: string, e: Edit, top: YAMLMap, starts: number[], i: number): ParsedSpec | undefined {
  const old = prev.text;
  const start = starts[i];
  const last = i === starts.length - 1;
  const end = last ? old.length : starts[i + 1];
  const source = text.slice(start, end + e.delta);
  if (source.includes('#') || prev.text.slice(start, end).includes('#') || (!last && !source.endsWith('\n')) || /^(---|\.\.\.|%)/m.test(source)) return undefined;
  const doc = parseDocument(source, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length || doc.comment || doc.commentBefore || hasAnchors(doc)) return undefined;
  const section = doc.contents;
  if (!isMap(section) || section.flow || section.items.length !== 1) return undefined;
  const pair = section.items[0] as Pair<Node, Node>;
  if (!isScalar(pair.key) || pair.key.range?.[0] !== 0) return undefined;
  const key = String(pair.key.value);
  if (top.items.some((p, k) => k !== i && isScalar(p.key) && String(p.key.value) === key)) return undefined;

  shiftAll(prev.doc, end, e.delta);
  visit(doc, {
    Node(_, n: Node) {
      if (n.range) n.range = [n.range[0] + start, n.range[1] + start, n.range[2] + start];
    },
  });
  top.items[i] = pair as (typeof top.items)[number];
  return done(prev, text, 'section');
}
