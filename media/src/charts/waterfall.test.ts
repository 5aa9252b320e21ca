import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waterfallModel, waterfallSteps } from './waterfall';

test('steps run from the base value to the prediction, largest contribution first', () => {
  const steps = waterfallSteps(0.2, [{ label: 'a', value: 0.05 }, { label: 'b', value: -0.1 }, { label: 'c', value: 0.3 }]);
  assert.deepEqual(steps.map((s) => s.label), ['c', 'b', 'a']);
  assert.equal(steps[0].start, 0.2);
  for (let i = 1; i < steps.length; i++) assert.equal(steps[i].start, steps[i - 1].end);
  assert.ok(Math.abs(steps[2].end - 0.45) < 1e-12);
});

test('beyond maxRows the smallest contributions are summed into one row', () => {
  const contributions = Array.from({ length: 6 }, (_, i) => ({ label: `f${i}`, value: (i + 1) / 100 }));
  const steps = waterfallSteps(0, contributions, 4);
  assert.deepEqual(steps.map((s) => s.label), ['f5', 'f4', 'f3', '3 other features']);
  assert.equal(steps[3].kind, 'other');
  assert.ok(Math.abs(steps[3].value - 0.06) < 1e-12);
  assert.ok(Math.abs(steps[3].end - 0.21) < 1e-12);
});

test('the chart has a row per step between the two totals, each labelled, with up and down classes', () => {
  const m = waterfallModel({ title: 'row 0', base: 0.24, prediction: 0.29, contributions: [{ label: 'repay_status_1', value: 0.065, detail: '2' }, { label: 'limit_bal', value: -0.015, detail: '50000' }] });
  assert.deepEqual(m.rows.map((r) => r.index), [0, 1, 2, 3]);
  assert.deepEqual(m.rows.map((r) => r.spoken), ['base value 0.24', 'repay_status_1 = 2: +0.065', 'limit_bal = 50000: −0.015', 'prediction 0.29']);
  assert.deepEqual(m.rows.map((r) => r.className), ['step total', 'step up feature', 'step down feature', 'step total']);
  // Totals are marks at their value; steps are bars over their part of the running total.
  assert.deepEqual([m.rows[0].at, m.rows[3].at], [0.24, 0.29]);
  assert.equal(m.rows[1].x1, 0.24);
  assert.ok(Math.abs(m.rows[1].x2! - 0.305) < 1e-12);
  assert.equal(m.rows[2].x1, m.rows[1].x2);
  assert.equal(m.rows[1].textAt, m.rows[1].x2, 'an up step is labelled at its end');
  assert.equal(m.rows[2].textAt, m.rows[2].x1, 'a down step is labelled at its start (its right end)');
  assert.equal(m.rows[3].valueClass, 'value-label strong');
  // A connector where each step starts, and one into the prediction.
  assert.deepEqual(m.connectors.map((c) => [c.from, c.to]), [[0, 1], [1, 2], [2, 3]]);
  assert.deepEqual([m.connectors[0].x, m.connectors[1].x, m.connectors[2].x], [0.24, m.rows[1].x2, 0.29]);
  // The domain holds both totals and every running total.
  assert.equal(m.domain[0], 0.24);
  assert.ok(Math.abs(m.domain[1] - 0.305) < 1e-12);
  assert.equal(m.height, m.margin.top + 4 * m.rowHeight + m.margin.bottom);
});
