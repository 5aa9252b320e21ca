import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineModel } from './line';

test('a non-finite point becomes a gap (NaN), never a point at zero', () => {
  const m = lineModel({ title: 't', series: [{ name: 's', points: [[0, 1], [1, NaN], [2, Infinity], [NaN, 3], [3, 4]] }] });
  assert.deepEqual(m.series[0].points.map((p) => [p.x, p.y]), [[0, 1], [1, NaN], [2, NaN], [NaN, NaN], [3, 4]]);
  assert.deepEqual(m.xDomain, [0, 3]);
  assert.deepEqual(m.yDomain, [1, 4]);
  assert.equal(m.niceX && m.niceY, true);
});

test('the diagonal is the part of y = x inside both domains', () => {
  const m = lineModel({ title: 'ROC', series: [{ name: 'ROC', points: [[0, 0], [1, 1]] }], xDomain: [0, 1], yDomain: [0.2, 0.9], diagonal: true });
  assert.deepEqual(m.diagonal, [{ x: 0.2, y: 0.2 }, { x: 0.9, y: 0.9 }]);
  assert.equal(m.niceX || m.niceY, false, 'given domains are kept');
  assert.equal(lineModel({ title: 't', series: [] }).diagonal, null);
});

test('dots (finite points of dotted series) and markers are labelled with their classes', () => {
  const m = lineModel({
    title: 'timeline',
    series: [
      { name: 'drift share', points: [[1, 0.1], [2, NaN], [3, 0.6]], dots: true, dotClass: (i) => (i === 2 ? 'fail' : undefined) },
      { name: 'accuracy', points: [[1, 0.8], [3, 0.7]] },
    ],
    xDomain: [0, 4],
    markers: [{ x: 1.5, y: 0.5, label: 'threshold 0.3', className: 'threshold' }, { x: 3.5, y: 0.5, label: 'late' }],
    hLines: [{ value: 0.9, label: 'gate', className: 'gate' }],
  });
  assert.deepEqual(m.dots.map((d) => [d.x, d.y, d.className, d.series, d.spoken]), [
    [1, 0.1, 'dot', 'series-0', 'drift share: 1, 0.1'],
    [3, 0.6, 'dot fail', 'series-0', 'drift share: 3, 0.6'],
  ]);
  assert.deepEqual(m.markers.map((k) => [k.spoken, k.className, k.anchor]), [
    ['threshold 0.3: 1.5, 0.5', 'marker threshold', 'start'],
    ['late: 3.5, 0.5', 'marker', 'end'],
  ]);
  assert.deepEqual(m.hLines, [{ value: 0.9, label: 'gate', spoken: 'gate: 0.9', className: 'reference gate' }]);
  // The reference line is inside the computed y domain; dots get room from the axes.
  assert.deepEqual(m.yDomain, [0.1, 0.9]);
  assert.equal(m.insetY, 6);
  assert.equal(lineModel({ title: 't', series: [{ name: 's', points: [[0, 0]], dots: true }], yDomain: [0, 1] }).insetY, 0);
});

test('series get a colour class by position unless named; the legend lists two or more', () => {
  const ice = Array.from({ length: 5 }, (_, i) => ({ name: `row ${i}`, points: [[0, i], [1, i + 1]] as [number, number][], className: 'ice', legend: false }));
  const pdp = lineModel({ title: 'pdp', series: [...ice, { name: 'average', points: [[0, 2], [1, 3]], className: 'average' }, { name: '5 rows (ICE)', points: [], className: 'ice' }] });
  assert.equal(pdp.series.length, 7);
  assert.deepEqual(pdp.legend, [{ name: 'average', className: 'average' }, { name: '5 rows (ICE)', className: 'ice' }]);
  const two = lineModel({ title: 't', series: [{ name: 'a', points: [] }, { name: 'b', points: [] }] });
  assert.deepEqual(two.series.map((s) => s.className), ['series-0', 'series-1']);
  assert.equal(lineModel({ title: 't', series: [{ name: 'a', points: [] }] }).legend.length, 0);
});
