import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heatmapModel } from './heatmap';

test('a confusion matrix: one labelled cell per count, shaded by its share of the largest', () => {
  const values = [[3533, 346], [597, 524]];
  const m = heatmapModel({ title: 'Confusion matrix', rowLabels: ['0', '1'], colLabels: ['0', '1'], values, format: String, describe: (r, c) => `true ${r}, predicted ${c}`, cellClass: (r, c) => (r === c ? 'correct' : undefined) });
  assert.deepEqual(m.cells.map((c) => [c.row, c.col]), [[0, 0], [0, 1], [1, 0], [1, 1]]);
  assert.deepEqual(m.cells.map((c) => c.spoken), ['true 0, predicted 0: 3533', 'true 0, predicted 1: 346', 'true 1, predicted 0: 597', 'true 1, predicted 1: 524']);
  assert.deepEqual(m.cells.map((c) => c.className), ['cell correct', 'cell', 'cell', 'cell correct']);
  assert.deepEqual(m.cells.map((c) => c.opacity), values.flat().map((v) => Math.round((0.08 + (0.92 * v) / 3533) * 100) / 100));
  assert.equal(m.cells[0].opacity, 1);
  assert.equal(m.cells[3].text, '524');
  // The darkest cell's number switches to the strong (contrasting) text colour.
  assert.deepEqual(m.cells.map((c) => c.labelClass), ['cell-label strong', 'cell-label', 'cell-label', 'cell-label']);
  assert.equal(m.width, m.margin.left + 2 * 64 + m.margin.right);
  assert.equal(m.height, m.margin.top + 2 * 64 + m.margin.bottom);
});

test('an all-zero or non-finite matrix shades nothing and does not divide by zero', () => {
  assert.deepEqual(heatmapModel({ title: 'empty', rowLabels: ['a'], colLabels: ['b', 'c'], values: [[0, NaN]] }).cells.map((c) => [c.share, c.opacity, c.text]), [[0, 0.08, '0'], [0, 0.08, 'NaN']]);
});

test('long class names are clipped to fit their row or column', () => {
  const m = heatmapModel({ title: 't', rowLabels: ['graduate_school'], colLabels: ['graduate_school'], values: [[1]], cell: 40 });
  assert.deepEqual(m.rowTicks, ['graduate_…']);
  assert.deepEqual(m.colTicks, ['grad…']);
  assert.equal(m.cells[0].spoken, 'graduate_school, graduate_school: 1');
});
