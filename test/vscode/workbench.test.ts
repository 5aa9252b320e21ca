// How the UI tests read numbers off the panels (workbench.ts): the shown precision decides the tolerance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertShows, shownNumber } from './workbench';

test('shownNumber reads decimals, separators, percentages, exponents and U+2212 minus with their precision', () => {
  assert.deepEqual(shownNumber('0.721'), { value: 0.721, halfStep: 0.0005 });
  assert.deepEqual(shownNumber('2,989'), { value: 2989, halfStep: 0.5 });
  const pct = shownNumber('12.5%');
  assert.ok(Math.abs(pct.value - 0.125) < 1e-15 && Math.abs(pct.halfStep - 0.0005) < 1e-15, JSON.stringify(pct));
  const exp = shownNumber('-1.7e-4');
  assert.ok(Math.abs(exp.value + 0.00017) < 1e-15 && Math.abs(exp.halfStep - 5e-6) < 1e-18, JSON.stringify(exp));
  assert.equal(shownNumber('−0.153 vs 0.467').value, -0.153);
  assert.throws(() => shownNumber('—'), /no number/);
});

test('assertShows accepts the rounded value and rejects one a rounding step away', () => {
  assertShows('0.721', 0.7208068607030836, 'roc');
  assert.throws(() => assertShows('0.721', 0.7198, 'roc'), /shows "0.721", the CLI's JSON has 0.7198/);
  // fmt drops trailing zeros: "0.7" shown for 0.700 must not accept 0.74 when the step is known.
  assertShows('0.7', 0.7001523, 'low', 0.001);
  assert.throws(() => assertShows('0.7', 0.74, 'low', 0.001));
  assert.throws(() => assertShows(null, 1, 'nothing'), /nothing shown/);
});
