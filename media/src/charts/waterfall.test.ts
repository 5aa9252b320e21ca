import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waterfall, waterfallSteps } from './waterfall';
import { byClass, findAll, parseXml } from './xmlTree';

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

test('the chart has a focusable, labelled row per step, up and down classes and both totals', () => {
  const svg = parseXml(waterfall({ title: 'row 0', base: 0.24, prediction: 0.29, contributions: [{ label: 'repay_status_1', value: 0.065, detail: '2' }, { label: 'limit_bal', value: -0.015, detail: '50000' }] }));
  const steps = findAll(svg, byClass('step'));
  assert.equal(steps.length, 4);
  assert.deepEqual(steps.map((s) => s.attrs['aria-label']), ['base value 0.24', 'repay_status_1 = 2: +0.065', 'limit_bal = 50000: −0.015', 'prediction 0.29']);
  assert.ok(steps[1].attrs.class.includes('up') && steps[2].attrs.class.includes('down'));
  assert.ok(steps.every((s) => s.attrs.tabindex === '0'));
});
