import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogramModel, toShares } from './histogram';

test('counts become shares, so data sets of different sizes compare', () => {
  assert.deepEqual(toShares([1, 3]), [0.25, 0.75]);
  assert.deepEqual(toShares([0, 0]), [0, 0]);
  assert.deepEqual(toShares([2, NaN, 2]), [0.5, 0, 0.5]);
});

test('numeric bins: both series sit on the same edges, overlaid, with heights by share', () => {
  const m = histogramModel({ title: 'age', edges: [0, 10, 20, 40], reference: [10, 10, 20], current: [5, 30, 5] });
  assert.equal(m.numeric, true);
  assert.deepEqual(m.ref.map((r) => [r.x1, r.x2]), [[0, 10], [10, 20], [20, 40]]);
  assert.deepEqual(m.cur.map((r) => [r.x1, r.x2]), [[0, 10], [10, 20], [20, 40]]);
  assert.deepEqual(m.ref.map((r) => r.share), [0.25, 0.25, 0.5]);
  assert.deepEqual(m.cur.map((r) => r.share), [0.125, 0.75, 0.125]);
  assert.deepEqual(m.xDomain, [0, 40]);
  assert.equal(m.xTicks, undefined, 'a numeric axis gets round ticks');
  assert.equal(m.yMax, 0.75);
  assert.equal(m.spoken[1], '10 to 20: reference 25%, current 75%');
});

test('categorical bins stand side by side in their slot, under their names', () => {
  const m = histogramModel({ title: 'education', categories: ['graduate_school', 'university'], reference: [3, 1], current: [1, 1], names: ['train', 'production'], width: 180 });
  assert.equal(m.numeric, false);
  assert.deepEqual(m.ref.map((r) => [r.x1, r.x2]), [[0.1, 0.5], [1.1, 1.5]]);
  assert.deepEqual(m.cur.map((r) => [r.x1, r.x2]), [[0.5, 0.9], [1.5, 1.9]]);
  assert.deepEqual(m.xDomain, [0, 2]);
  assert.deepEqual(m.xTicks, [0.5, 1.5]);
  // 60 px of plot per category: names are clipped to about 8 characters.
  assert.deepEqual(m.xTicks!.map(m.xTickFormat), ['graduat…', 'univers…']);
  assert.equal(m.spoken[0], 'graduate_school: train 75%, production 50%');
});

test('edges that do not match the counts fall back to one slot per bin', () => {
  const m = histogramModel({ title: 'x', edges: [0, 1], reference: [1, 1], current: [1, 1] });
  assert.equal(m.numeric, false);
  assert.equal(m.ref.length, 2);
  assert.equal(m.spoken[1], '1: reference 50%, current 50%');
});
