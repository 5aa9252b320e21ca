import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barChart } from './bar';
import { byClass, byTag, findAll, parseXml, textOf } from './xmlTree';

const rectOf = (row: ReturnType<typeof parseXml>) => findAll(row, byTag('rect'))[0];

test('bar lengths are proportional to the values, from a shared zero', () => {
  const svg = parseXml(barChart({ title: 'Importance', bars: [{ label: 'a', value: 0.5 }, { label: 'b', value: 1 }, { label: 'c', value: 0.25 }], domain: [0, 1] }));
  const rows = findAll(svg, byClass('bar-row'));
  assert.equal(rows.length, 3);
  const [a, b, c] = rows.map(rectOf).map((r) => ({ x: Number(r.attrs.x), w: Number(r.attrs.width) }));
  assert.equal(a.x, b.x);
  assert.ok(Math.abs(b.w - 2 * a.w) < 0.02, `${b.w} vs 2 x ${a.w}`);
  assert.ok(Math.abs(a.w - 2 * c.w) < 0.02);
  // The longest bar ends where the axis ends.
  const axis = findAll(svg, byClass('axis-line'))[0];
  assert.ok(Math.abs(b.x + b.w - Number(axis.attrs.x2)) < 0.01);
});

test('negative bars extend left of zero; null values draw no bar and read "undefined"', () => {
  const svg = parseXml(barChart({ title: 't', bars: [{ label: 'up', value: 2 }, { label: 'down', value: -1 }, { label: 'none', value: null }], domain: [-2, 2] }));
  const [up, down, none] = findAll(svg, byClass('bar-row'));
  const u = rectOf(up);
  const d = rectOf(down);
  assert.ok(u.attrs.class.includes('pos') && d.attrs.class.includes('neg'));
  assert.ok(Math.abs(Number(d.attrs.x) + Number(d.attrs.width) - Number(u.attrs.x)) < 0.01, 'the negative bar ends at zero');
  assert.ok(Math.abs(Number(u.attrs.width) - 2 * Number(d.attrs.width)) < 0.02);
  assert.equal(findAll(none, byTag('rect')).length, 0);
  assert.equal(none.attrs['aria-label'], 'none: undefined');
});

test('intervals draw an error bar from low to high and are spoken', () => {
  const svg = parseXml(barChart({ title: 't', bars: [{ label: 'x', value: 0.5, low: 0.25, high: 0.75 }], domain: [0, 1], width: 400, labelWidth: 100 }));
  const row = findAll(svg, byClass('bar-row'))[0];
  const path = findAll(row, byClass('error-bar'))[0].attrs.d;
  const xs = [...path.matchAll(/[MH](-?[\d.]+)/g)].map((m) => Number(m[1]));
  // plot spans 100..344 (width 400 minus the right margin of 56): 0.25 -> 161, 0.75 -> 283
  assert.deepEqual([xs[0], xs[2]], [161, 283]);
  assert.equal(row.attrs['aria-label'], 'x: 0.5 (0.25 to 0.75)');
  assert.equal(row.attrs.tabindex, '0');
});

test('labels are escaped, reference lines are labelled, keys and classes pass through', () => {
  const markup = barChart({ title: '<b>', bars: [{ label: '<script>&', value: 1, key: 'k"1', className: 'fail small', note: 'small group' }], references: [{ value: 0.8, label: 'gate >=' }] });
  const svg = parseXml(markup);
  assert.ok(!markup.includes('<script>'));
  const row = findAll(svg, byClass('bar-row'))[0];
  assert.equal(row.attrs['data-key'], 'k"1');
  assert.ok(row.attrs.class.includes('fail'));
  assert.equal(row.attrs['aria-label'], '<script>&: 1, small group');
  const ref = findAll(svg, byClass('reference'))[0];
  assert.equal(ref.attrs['aria-label'], 'gate >=: 0.8');
  assert.ok(textOf(ref).includes('gate >= 0.8'));
});
