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

function assertSame(prevText: string, text: string): { patched: boolean } {
  const prev = parseSpecText(prevText);
  const prevDoc = prev.doc;
  const got = reparseSpecText(prev, text);
  const want = parseSpecText(text);
  assert.equal(got.text, text);
  assert.deepEqual(got.value, want.value);
  assert.deepEqual(got.looseValue, want.looseValue);
  assert.deepEqual(got.diagnostics, want.diagnostics);
  assert.deepEqual(shape(got.doc), shape(want.doc));
  return { patched: got.doc === prevDoc };
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
