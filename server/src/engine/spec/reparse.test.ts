import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { visit, type Document } from 'yaml';
import { parseSpecText } from './document';
import { reparseSpecText } from './reparse';

const EXAMPLE = readFileSync(resolve(__dirname, '../../../../examples/credit-risk/credit-risk.plumb.yaml'), 'utf8');
const BLOCKS = `plumb: 1
name: blocks # a comment
model:
  path: models/m.onnx
  task: binary-classification
  features:
${Array.from({ length: 30 }, (_, i) => `    - f${i}`).join('\n')}
  threshold: 0.5
data: { eval: data/eval.csv, target: label }
evaluation:
  metrics: [accuracy, f1, roc_auc]
  gates:
    roc_auc: ">= 0.8"
`;
const ANCHORS = `plumb: 1
name: anchors
model: &m
  path: models/m.onnx
  features: [a, b]
other: *m
`;
const TEXTS = [EXAMPLE, BLOCKS, ANCHORS];

/** Every node's path and range, and the plain value: what the validators read. */
function shape(doc: Document.Parsed): string[] {
  const out: string[] = [`doc ${JSON.stringify(doc.range)}`];
  visit(doc, {
    Node(key, node, path) {
      out.push(`${path.length}/${String(key)} ${node.constructor.name} ${JSON.stringify(node.range)} ${JSON.stringify((node as { value?: unknown }).value ?? null)}`);
    },
  });
  return out;
}

function assertSame(prevText: string, text: string): { patched: boolean; how: string } {
  const prev = parseSpecText(prevText);
  const prevDoc = prev.doc;
  const got = reparseSpecText(prev, text);
  const want = parseSpecText(text);
  assert.equal(got.text, text);
  assert.deepEqual(got.value, want.value);
  assert.deepEqual(got.looseValue, want.looseValue);
  assert.deepEqual(got.diagnostics, want.diagnostics);
  assert.deepEqual(shape(got.doc), shape(want.doc));
  return { patched: got.doc === prevDoc, how: got.reparsed ?? 'full' };
}

/** Start offsets of plain scalar values (not keys) in a text. */
function valueScalars(text: string): { at: number; end: number }[] {
  const out: { at: number; end: number }[] = [];
  visit(parseSpecText(text).doc, {
    Scalar(key, node) {
      if (key !== 'key' && node.type === 'PLAIN' && node.range) out.push({ at: node.range[0], end: node.range[1] });
    },
  });
  return out;
}

test('typing in a column name, a number or a path patches the previous parse, with the same result as a full parse', () => {
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('    - f12\n', '    - f12x\n')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('threshold: 0.5', 'threshold: 0.45')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('eval: data/eval.csv', 'eval: data/ev.csv')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('f1, roc_auc', 'f1x, roc_auc')).patched, true);
  assert.equal(assertSame(EXAMPLE, EXAMPLE.replace('sensitive: [sex]', 'sensitive: [se]')).patched, true);
  // A number becoming a string and back keeps the types a full parse gives.
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('threshold: 0.5', 'threshold: 0.5a')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('threshold: 0.5', 'threshold: true')).patched, true);
});

test('a new key, a new line or a quoted string inside one top-level section re-parses that section only', () => {
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('  threshold:', '  treshold:')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('    - f12\n', '    - f12: x\n')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('">= 0.8"', '">= 0.9"')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('threshold: 0.5', 'threshold: 0.5, 1')).patched, true);
  assert.equal(assertSame(EXAMPLE, EXAMPLE.replace('  target: default\n', '  target: default\n  treshold: 0.5\n')).patched, true);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('evaluation:\n', 'evaluaton:\n')).patched, true);
});

test('whole items added to, removed from or rewritten in a block sequence are parsed on their own', () => {
  const items = (next: string, prev = BLOCKS) => assertSame(prev, next).how;
  assert.equal(items(BLOCKS.replace('    - f12\n', '    - f12\n    - g\n')), 'items', 'a new item');
  assert.equal(items(BLOCKS.replace('    - f12\n', '')), 'items', 'an item removed');
  assert.equal(items(BLOCKS.replace('    - f12\n    - f13\n', '    - f13\n    - f12\n')), 'items', 'two items swapped');
  assert.equal(items(BLOCKS.replace('    - f12\n', '    - name: f12\n      type: int\n')), 'items', 'an item becoming a map');
  assert.equal(items(BLOCKS.replace('    - f12\n', '    - [a, b]\n    - "quoted: x"\n')), 'items', 'flow and quoted items');
  assert.equal(items(BLOCKS.replace('  features:\n', '  features:\n    - first\n')), 'items', 'before the first item');
  assert.equal(items(BLOCKS.replace('    - f29\n', '    - f29\n    - last\n')), 'items', 'after the last item');
  // A comment elsewhere in the section no longer forces a full parse.
  const commented = BLOCKS.replace('  path: models/m.onnx\n', '  path: models/m.onnx # the model\n');
  assert.equal(items(commented.replace('    - f20\n', '    - f20\n    - g\n'), commented), 'items');
  // Not for the item level: an item at another indentation, a comment or blank line at the edit,
  // the list left empty (a full parse makes it null), a line that continues the previous item.
  assert.notEqual(items(BLOCKS.replace('    - f12\n', '    - f12\n     - g\n')), 'items');
  assert.notEqual(items(BLOCKS.replace('    - f12\n', '    - f12\n    # a comment\n')), 'items');
  assert.notEqual(items(BLOCKS.replace('    - f12\n', '    - f12\n\n')), 'items');
  assert.notEqual(items(BLOCKS.replace(/( {4}- f\d+\n)+/, '')), 'items');
  assert.notEqual(items(BLOCKS.replace('    - f12\n', '    - f12\n      more\n')), 'items');
});

test('random whole-line edits of block sequences give exactly what a full parse gives', () => {
  // Lists of plain, quoted, flow, map and nested items, edited by replacing a run of whole lines with
  // generated lines (items, continuation lines, wrong indentation, blank lines, comments).
  const item = fc.constantFrom('- a', '- b1', '- "q: 1"', '- [x, y]', '- k: v', '- k: v\n  j: 2', '- - n\n  - m', '- name: c\n  tags: [t]', '-  spaced', '- null', '- 12', '  cont', ' - odd', '', '# c', '- a # c');
  const list = fc.array(fc.constantFrom('- a', '- b1', '- k: v\n  j: 2', '- - n\n  - m', '- "q"', '- 3'), { minLength: 1, maxLength: 8 });
  const indent = fc.constantFrom('', '  ', '    ');
  const edit = fc.record({ before: list, indent, from: fc.nat(), count: fc.nat({ max: 3 }), insert: fc.array(item, { maxLength: 3 }) });
  let items = 0;
  fc.assert(
    fc.property(edit, ({ before, indent, from, count, insert }) => {
      const lines = (xs: string[]) => xs.flatMap((x) => x.split('\n')).map((l) => (l ? indent + l : l));
      const head = `plumb: 1\nname: n\nmodel:\n  path: m.onnx\n  features:\n`;
      const inner = indent.length >= 2 ? lines(before).map((l) => `  ${l}`) : lines(before).map((l) => `    ${l}`);
      const pad = indent.length >= 2 ? '  ' : '    ';
      const at = from % (inner.length + 1);
      const replaced = [...inner.slice(0, at), ...lines(insert).map((l) => (l ? pad + l : l)), ...inner.slice(at + count)];
      const tail = 'threshold: 0.5\ndata: {eval: e.csv}\n';
      const prevText = `${head}${inner.join('\n')}\n  ${tail}`;
      const text = `${head}${replaced.join('\n')}${replaced.length ? '\n' : ''}  ${tail}`;
      if (assertSame(prevText, text).how === 'items') items++;
    }),
    { numRuns: 600, seed: 5 },
  );
  assert.ok(items > 100, `only ${items} of 600 edits took the item level`);
});

test('comments, anchors, a new or duplicate top-level key and broken documents take a full parse', () => {
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('name: blocks', 'name: blocks #')).patched, false);
  assert.equal(assertSame(BLOCKS, `# top\n${BLOCKS}`).patched, false);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('  threshold: 0.5\n', '  threshold: 0.5\nextra: 1\n')).patched, false);
  assert.equal(assertSame(BLOCKS, BLOCKS.replace('evaluation:\n', 'model:\n')).patched, false);
  assert.equal(assertSame(ANCHORS, ANCHORS.replace('features: [a, b]', 'features: [a, c]')).patched, false);
  const broken = BLOCKS.replace('model:\n', 'model:\n bad\n');
  assert.equal(assertSame(broken, broken.replace('f12', 'f13')).patched, false);
});

test('random edits anywhere give exactly what a full parse gives', () => {
  let patched = 0;
  const edit = fc.record({
    text: fc.constantFrom(...TEXTS),
    at: fc.nat(),
    remove: fc.nat({ max: 3 }),
    insert: fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', '_', '/', '-', ' ', ':', '#', '\n', ',', '[', '"', '&', '*', '0', 'e', 'x'), maxLength: 4 }),
  });
  fc.assert(
    fc.property(edit, ({ text, at, remove, insert }) => {
      const i = at % (text.length + 1);
      if (assertSame(text, text.slice(0, i) + insert + text.slice(i + remove)).patched) patched++;
    }),
    { numRuns: 400, seed: 7 },
  );
  // Most random edits break the YAML or touch a comment; still, a good share is patched, and checked.
  assert.ok(patched > 40, `only ${patched} of 400 random edits were patched`);
});

test('random edits inside value scalars give exactly what a full parse gives', () => {
  const edit = fc.record({
    text: fc.constantFrom(...TEXTS),
    pick: fc.nat(),
    from: fc.nat(),
    remove: fc.nat({ max: 4 }),
    insert: fc.string({ unit: fc.constantFrom('a', 'Z', '1', '9', '.', '_', '/', '-', ' ', 'e', '+', '~', 'n', 'u', 'l', 't', 'r'), maxLength: 5 }),
  });
  let patched = 0;
  fc.assert(
    fc.property(edit, ({ text, pick, from, remove, insert }) => {
      const scalars = valueScalars(text);
      const s = scalars[pick % scalars.length];
      const i = s.at + (from % (s.end - s.at + 1));
      if (assertSame(text, text.slice(0, i) + insert + text.slice(Math.min(s.end, i + remove))).patched) patched++;
    }),
    { numRuns: 600, seed: 11 },
  );
  assert.ok(patched > 100, `only ${patched} of 600 edits took the fast path`);
});
