import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clip, extent, percent, shortNumber } from './numbers';

test('shortNumber keeps 3 significant digits and abbreviates large values', () => {
  assert.equal(shortNumber(0.72080686), '0.721');
  assert.equal(shortNumber(0.5), '0.5');
  assert.equal(shortNumber(12345), '12.3k');
  assert.equal(shortNumber(2_500_000), '2.5M');
  assert.equal(shortNumber(-0.00002), '-2.0e-5');
  assert.equal(shortNumber(0), '0');
  assert.equal(shortNumber(NaN), 'NaN');
  assert.equal(percent(0.125), '12.5%');
  assert.equal(percent(0.25), '25%');
});

test('extent skips non-finite values, includes extras and never collapses to a point', () => {
  assert.deepEqual(extent([3, NaN, -1, Infinity], [7]), [-1, 7]);
  assert.deepEqual(extent([]), [0, 1]);
  assert.deepEqual(extent([0, 0]), [0, 1]);
  assert.deepEqual(extent([2, 2]), [0, 2]);
  assert.deepEqual(extent([-3]), [-3, 0]);
});

test('clip shortens with an ellipsis only when needed', () => {
  assert.equal(clip('repay_status_1', 14), 'repay_status_1');
  assert.equal(clip('repay_status_1', 8), 'repay_s…');
});
