import { test } from 'node:test';
import assert from 'node:assert/strict';
import { el, esc, extent, linearScale, niceDomain, niceTicks, px, shortNumber, svgRoot } from './svg';
import { byTag, findAll, parseXml } from './xmlTree';

test('esc escapes the five XML specials and el() omits false/undefined attributes', () => {
  assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(el('rect', { x: 1.006, y: undefined, hidden: false, focusable: true, 'aria-label': 'a"b' }), '<rect x="1.01" focusable aria-label="a&quot;b"/>');
  assert.equal(px(-0.001), '0');
});

test('niceTicks steps by 1, 2 or 5 times a power of ten and stays inside the range', () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0.03, 0.72, 5), [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  assert.deepEqual(niceTicks(-12, 37, 4), [-10, 0, 10, 20, 30]);
  assert.deepEqual(niceTicks(5, 5), [5]);
  assert.deepEqual(niceTicks(NaN, 1), []);
  for (const [lo, hi] of [[0.001, 0.0173], [1e5, 9.3e5], [-3.2, -0.4]]) {
    const t = niceTicks(lo, hi, 5);
    assert.ok(t.length >= 2 && t.length <= 11, `${lo}..${hi}: ${t}`);
    assert.ok(t[0] >= lo - 1e-12 && t[t.length - 1] <= hi + 1e-12);
  }
});

test('niceDomain widens to ticks; linearScale maps, inverts and handles a flat domain', () => {
  assert.deepEqual(niceDomain(0.03, 0.72), [0, 0.8]);
  assert.deepEqual(niceDomain(2, 2), [0, 2]);
  const s = linearScale([0, 10], [100, 0]);
  assert.equal(s(2.5), 75);
  assert.equal(s.invert(75), 2.5);
  assert.equal(linearScale([3, 3], [0, 50])(3), 25);
  assert.deepEqual(extent([3, NaN, -1, Infinity], [7]), [-1, 7]);
  assert.deepEqual(extent([]), [0, 1]);
});

test('shortNumber keeps 3 significant digits and abbreviates large values', () => {
  assert.equal(shortNumber(0.72080686), '0.721');
  assert.equal(shortNumber(0.5), '0.5');
  assert.equal(shortNumber(12345), '12.3k');
  assert.equal(shortNumber(2_500_000), '2.5M');
  assert.equal(shortNumber(-0.00002), '-2.0e-5');
  assert.equal(shortNumber(0), '0');
});

test('svgRoot is a titled, labelled image', () => {
  const root = parseXml(svgRoot(100, 50, 'A & B', [el('rect', { x: 0 })], { desc: 'd' }));
  const svg = root.children[0];
  assert.equal(svg.attrs.role, 'img');
  assert.equal(svg.attrs['aria-label'], 'A & B');
  assert.equal(svg.attrs.viewBox, '0 0 100 50');
  assert.equal(findAll(svg, byTag('title'))[0].text, 'A & B');
  assert.equal(findAll(svg, byTag('desc'))[0].text, 'd');
});
