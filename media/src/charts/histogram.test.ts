import { test } from 'node:test';
import assert from 'node:assert/strict';
import { histogramOverlay, toShares } from './histogram';
import { byClass, findAll, parseXml } from './xmlTree';

test('counts become shares, so data sets of different sizes compare', () => {
  assert.deepEqual(toShares([1, 3]), [0.25, 0.75]);
  assert.deepEqual(toShares([0, 0]), [0, 0]);
  assert.deepEqual(toShares([2, NaN, 2]), [0.5, 0, 0.5]);
});

test('numeric bins sit on their edges, reference and current overlaid with heights by share', () => {
  const svg = parseXml(histogramOverlay({ title: 'age', edges: [0, 10, 20, 40], reference: [10, 10, 20], current: [5, 30, 5], width: 400, height: 200 }));
  const bins = findAll(svg, byClass('bin'));
  assert.equal(bins.length, 3);
  const refs = bins.map((b) => findAll(b, byClass('ref'))[0]);
  const curs = bins.map((b) => findAll(b, byClass('cur'))[0]);
  // Overlaid: same x and width for both series within a bin; bin 3 is twice as wide as bin 1.
  refs.forEach((r, i) => assert.equal(r.attrs.x, curs[i].attrs.x));
  assert.ok(Math.abs(Number(refs[2].attrs.width) - 2 * Number(refs[0].attrs.width)) < 0.02);
  // Heights follow shares: reference 0.25/0.25/0.5, current 0.125/0.75/0.125.
  const h = (n: (typeof refs)[0]) => Number(n.attrs.height);
  assert.ok(Math.abs(h(refs[2]) - 2 * h(refs[0])) < 0.02);
  assert.ok(Math.abs(h(curs[1]) - 6 * h(curs[0])) < 0.05);
  assert.equal(bins[1].attrs['aria-label'], '10 to 20: reference 25%, current 75%');
  assert.equal(bins[1].attrs.tabindex, '0');
});

test('categorical bins stand side by side under their names', () => {
  const svg = parseXml(histogramOverlay({ title: 'education', categories: ['graduate', 'university'], reference: [3, 1], current: [1, 1], names: ['train', 'production'] }));
  const bins = findAll(svg, byClass('bin'));
  assert.equal(bins.length, 2);
  const r = findAll(bins[0], byClass('ref'))[0];
  const c = findAll(bins[0], byClass('cur'))[0];
  assert.ok(Number(c.attrs.x) >= Number(r.attrs.x) + Number(r.attrs.width) - 0.01, 'current is to the right of reference');
  assert.equal(bins[0].attrs['aria-label'], 'graduate: train 75%, production 50%');
});
