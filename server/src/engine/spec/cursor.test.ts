import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext } from './cursor';

/** The context at the `|` in `text`. */
function at(text: string) {
  const offset = text.indexOf('|');
  return cursorContext(text.replace('|', ''), offset);
}

test('a key being typed at top level and inside a section', () => {
  assert.deepEqual(at('plumb: 1\nmo|'), { kind: 'key', path: [], prefix: 'mo', replace: { offset: 9, length: 2 } });
  const c = at('plumb: 1\nmodel:\n  task: regression\n  fea|\ndata:\n');
  assert.equal(c.kind, 'key');
  assert.deepEqual(c.path, ['model']);
  assert.equal(c.prefix, 'fea');
});

test('an empty indented line completes keys of the enclosing mapping', () => {
  const c = at('plumb: 1\ndata:\n  eval: a.csv\n  |\n');
  assert.deepEqual([c.kind, c.path, c.prefix], ['key', ['data'], '']);
});

test('a value after a key', () => {
  const c = at('plumb: 1\nmodel:\n  task: bin|\n');
  assert.deepEqual([c.kind, c.path, c.prefix], ['value', ['model', 'task'], 'bin']);
});

test('items of a flow sequence', () => {
  const c = at('plumb: 1\nfairness:\n  sensitive: [sex, ra|]\n');
  assert.equal(c.kind, 'value');
  assert.deepEqual(c.path, ['fairness', 'sensitive', 0]);
  assert.equal(c.prefix, 'ra');
  assert.ok(c.kind === 'value' && c.inList);
});

test('items of a block sequence, first and later', () => {
  const first = at('plumb: 1\nmodel:\n  features:\n    - |\n');
  assert.deepEqual([first.kind, first.path], ['value', ['model', 'features', 0]]);
  const later = at('plumb: 1\nmodel:\n  features:\n    - age\n    - inc|\n');
  assert.deepEqual([later.kind, later.path, later.prefix], ['value', ['model', 'features', 0], 'inc']);
});

test('keys and values of a flow mapping (gates)', () => {
  const key = at('plumb: 1\nevaluation:\n  gates: { roc_auc: ">= 0.8", rec| }\n');
  assert.deepEqual([key.kind, key.path, key.prefix], ['key', ['evaluation', 'gates'], 'rec']);
  const value = at('plumb: 1\nevaluation:\n  gates: { roc_auc: |\n');
  assert.deepEqual([value.kind, value.path], ['value', ['evaluation', 'gates', 'roc_auc']]);
});

test('a block mapping of gates', () => {
  const c = at('plumb: 1\nevaluation:\n  gates:\n    f|\n');
  assert.deepEqual([c.kind, c.path, c.prefix], ['key', ['evaluation', 'gates'], 'f']);
});
