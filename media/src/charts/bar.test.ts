import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barModel } from './bar';

test('bars run from a shared zero line to their values; the domain holds zero, intervals and references', () => {
  const m = barModel({ title: 'Importance', bars: [{ label: 'a', value: 0.5 }, { label: 'b', value: 1, low: 0.9, high: 1.2 }, { label: 'c', value: 0.25 }], references: [{ value: 1.4, label: 'gate' }] });
  assert.deepEqual(m.rows.map((r) => [r.index, r.x1, r.x2]), [[0, 0, 0.5], [1, 0, 1], [2, 0, 0.25]]);
  assert.deepEqual(m.domain, [0, 1.4]);
  assert.equal(m.nice, true, 'a computed domain is widened to round ticks');
  assert.equal(m.zero, 0);
  // One row per bar, plus room above for the reference labels.
  assert.equal(m.height, m.margin.top + 3 * 24 + m.margin.bottom);
  assert.ok(m.margin.top > barModel({ title: 't', bars: [] }).margin.top);
});

test('negative bars extend left of zero; null values draw no bar and read "undefined"', () => {
  const m = barModel({ title: 't', bars: [{ label: 'up', value: 2 }, { label: 'down', value: -1 }, { label: 'none', value: null }], domain: [-2, 2] });
  const [up, down, none] = m.rows;
  assert.equal(up.barClass, 'bar pos');
  assert.equal(down.barClass, 'bar neg');
  assert.deepEqual([down.x1, down.x2], [0, -1]);
  assert.equal(down.textAt, 0, 'the value of a negative bar is written right of zero');
  assert.equal(none.x1, undefined);
  assert.equal(none.x2, undefined);
  assert.equal(none.text, 'undefined');
  assert.equal(none.spoken, 'none: undefined');
  assert.equal(m.nice, false, 'a given domain is kept as it is');
});

test('a given domain that excludes zero starts the bars at its low end', () => {
  const m = barModel({ title: 't', bars: [{ label: 'auc', value: 0.72 }], domain: [0.5, 1] });
  assert.equal(m.zero, 0.5);
  assert.deepEqual([m.rows[0].x1, m.rows[0].x2], [0.5, 0.72]);
});

test('intervals give the error bar its ends, are spoken, and push the value label past them', () => {
  const m = barModel({ title: 't', bars: [{ label: 'x', value: 0.5, low: 0.25, high: 0.75 }, { label: 'y', value: 0.4 }, { label: 'z', value: null, low: 0, high: 1 }] });
  const [x, y, z] = m.rows;
  assert.deepEqual([x.low, x.high], [0.25, 0.75]);
  assert.equal(x.spoken, 'x: 0.5 (0.25 to 0.75)');
  assert.equal(x.textAt, 0.75);
  assert.equal(y.low, undefined, 'no interval, no error bar');
  assert.equal(y.spoken, 'y: 0.4');
  assert.equal(z.low, undefined, 'an undefined value has no interval either');
});

test('classes, keys, notes and the format pass through; references are labelled and anchored', () => {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const m = barModel({ title: 't', format: pct, bars: [{ label: 'g', value: 0.2, key: 'k"1', className: 'fail small', note: 'small group (3 rows)' }], references: [{ value: 0.05, label: 'low', className: 'muted' }, { value: 0.19, label: 'overall' }] });
  const row = m.rows[0];
  assert.equal(row.className, 'bar-row fail small');
  assert.equal(row.key, 'k"1');
  assert.equal(row.text, '20%');
  assert.equal(row.spoken, 'g: 20%, small group (3 rows)');
  assert.deepEqual(m.references.map((r) => [r.text, r.spoken, r.className, r.anchor]), [
    ['low 5%', 'low: 5%', 'reference muted', 'middle'],
    // Near the right end of the domain [0, 0.2] the label ends at its line instead of running off the chart.
    ['overall 19%', 'overall: 19%', 'reference', 'end'],
  ]);
});
