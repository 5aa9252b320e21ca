import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heatmap } from './heatmap';
import { byClass, findAll, parseXml, textOf } from './xmlTree';

test('a confusion matrix: one labelled, focusable cell per count, shaded by its share of the largest', () => {
  const values = [[3533, 346], [597, 524]];
  const svg = parseXml(heatmap({ title: 'Confusion matrix', rowLabels: ['0', '1'], colLabels: ['0', '1'], values, rowTitle: 'true', colTitle: 'predicted', format: String, describe: (r, c) => `true ${r}, predicted ${c}`, cellClass: (r, c) => (r === c ? 'correct' : undefined) }));
  const cells = findAll(svg, byClass('cell'));
  assert.equal(cells.length, 4);
  assert.deepEqual(cells.map((c) => c.attrs['aria-label']), ['true 0, predicted 0: 3533', 'true 0, predicted 1: 346', 'true 1, predicted 0: 597', 'true 1, predicted 1: 524']);
  assert.deepEqual(cells.map((c) => c.attrs.class), ['cell correct', 'cell', 'cell', 'cell correct']);
  const opacity = cells.map((c) => Number(findAll(c, byClass('cell-fill'))[0].attrs['fill-opacity']));
  assert.equal(opacity[0], 1);
  const expected = values.flat().map((v) => Math.round((0.08 + (0.92 * v) / 3533) * 100) / 100);
  assert.deepEqual(opacity, expected);
  assert.ok(cells.every((c) => c.attrs.tabindex === '0'));
  assert.equal(textOf(cells[3]).trim().endsWith('524'), true);
  // The darkest cell's number switches to the strong (contrasting) text colour.
  assert.equal(findAll(cells[0], byClass('cell-label'))[0].attrs.class, 'cell-label strong');
  assert.equal(findAll(cells[1], byClass('cell-label'))[0].attrs.class, 'cell-label');
});

test('an all-zero matrix shades nothing and does not divide by zero', () => {
  const svg = parseXml(heatmap({ title: 'empty', rowLabels: ['a'], colLabels: ['b'], values: [[0]] }));
  assert.equal(findAll(svg, byClass('cell-fill'))[0].attrs['fill-opacity'], '0.08');
});
