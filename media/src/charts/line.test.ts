import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineChart } from './line';
import { byClass, byTag, findAll, parseXml } from './xmlTree';

const coords = (d: string) => [...d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [m[1], Number(m[2]), Number(m[3])] as const);

test('a series becomes one path through its points, in the plot area', () => {
  const svg = parseXml(lineChart({ title: 'ROC', series: [{ name: 'ROC', points: [[0, 0], [0.5, 0.8], [1, 1]] }], xDomain: [0, 1], yDomain: [0, 1], width: 300, height: 200, diagonal: true }));
  const path = findAll(svg, byClass('line'))[0].attrs.d;
  const pts = coords(path);
  assert.deepEqual(pts.map((p) => p[0]), ['M', 'L', 'L']);
  // x grows left to right, y grows upwards: (0,0) bottom-left, (1,1) top-right, (0.5, 0.8) between.
  const [[, x0, y0], [, x1, y1], [, x2, y2]] = pts;
  assert.ok(x0 < x1 && x1 < x2 && y0 > y1 && y1 > y2);
  assert.ok(Math.abs(x1 - (x0 + x2) / 2) < 0.01);
  assert.ok(Math.abs((y0 - y1) / (y0 - y2) - 0.8) < 1e-3);
  const diag = findAll(svg, byClass('diagonal'))[0];
  assert.deepEqual([Number(diag.attrs.x1), Number(diag.attrs.y1), Number(diag.attrs.x2), Number(diag.attrs.y2)], [x0, y0, x2, y2]);
});

test('a non-finite point breaks the line instead of drawing to zero', () => {
  const svg = parseXml(lineChart({ title: 't', series: [{ name: 's', points: [[0, 1], [1, NaN], [2, 3], [3, 4]] }] }));
  const pts = coords(findAll(svg, byClass('line'))[0].attrs.d);
  assert.deepEqual(pts.map((p) => p[0]), ['M', 'M', 'L']);
});

test('dots and markers are focusable and labelled; several series get a legend', () => {
  const svg = parseXml(lineChart({
    title: 'timeline',
    series: [
      { name: 'drift share', points: [[1, 0.1], [2, 0.6]], dots: true, dotClass: (i) => (i === 1 ? 'fail' : undefined) },
      { name: 'accuracy', points: [[1, 0.8], [2, 0.7]] },
    ],
    markers: [{ x: 1.5, y: 0.5, label: 'threshold 0.3' }],
    hLines: [{ value: 0.5, label: 'gate' }],
  }));
  const dots = findAll(svg, byClass('dot'));
  assert.equal(dots.length, 2);
  assert.equal(dots[1].attrs.class, 'dot fail');
  assert.equal(dots[0].attrs.tabindex, '0');
  assert.equal(dots[0].attrs['aria-label'], 'drift share: 1, 0.1');
  const marker = findAll(svg, byClass('marker'))[0];
  assert.equal(marker.attrs['aria-label'], 'threshold 0.3: 1.5, 0.5');
  assert.equal(findAll(svg, byClass('legend-item')).length, 2);
  assert.equal(findAll(svg, byClass('reference')).length, 1);
  assert.equal(svg.children[0].attrs.role, 'group');
});

test('series left out of the legend (ICE curves) still draw', () => {
  const ice = Array.from({ length: 5 }, (_, i) => ({ name: `row ${i}`, points: [[0, i], [1, i + 1]] as [number, number][], className: 'ice', legend: false }));
  const svg = parseXml(lineChart({ title: 'pdp', series: [...ice, { name: 'average', points: [[0, 2], [1, 3]], className: 'average' }] }));
  assert.equal(findAll(svg, byClass('ice')).length, 5);
  assert.equal(findAll(svg, byClass('legend-item')).length, 0);
  assert.equal(findAll(svg, byTag('path')).length, 6);
});
