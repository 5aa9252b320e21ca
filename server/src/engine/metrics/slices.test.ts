// Slices and subsets: metrics of a slice are the metrics of its rows (themselves checked against
// scikit-learn in sklearn.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computableMetrics, computeMetrics } from './compute';
import { loadCases } from './expectedCases';
import { metricsBySlice, subsetInput } from './slices';
import { PlumbError } from '../errors';

for (const c of [...loadCases('binary'), ...loadCases('multiclass'), ...loadCases('regression')].filter((x) => x.input.y.length >= 30)) {
  test(`${c.kind}/${c.name}: metricsBySlice equals computeMetrics on each slice's rows`, () => {
    const n = c.input.y.length;
    const codes = Int32Array.from({ length: n }, (_, i) => (i % 7 === 0 ? -1 : i % 3));
    const names = computableMetrics(c.input.kind);
    const got = metricsBySlice(names, c.input, codes, ['a', 'b', 'c', 'empty']);
    assert.deepEqual(got.map((s) => s.slice), ['a', 'b', 'c', 'empty']);
    for (let s = 0; s < 3; s++) {
      const rows = Int32Array.from({ length: n }, (_, i) => i).filter((i) => codes[i] === s);
      const expected = computeMetrics(names, subsetInput(c.input, rows));
      assert.equal(got[s].rows, rows.length);
      assert.deepEqual(got[s].metrics, expected.values);
      assert.deepEqual(got[s].notes, expected.notes);
    }
    assert.equal(got[3].rows, 0);
    assert.ok(Object.values(got[3].metrics).every((v) => v === null));
  });
}

test('subsetInput copies the chosen rows, repeats allowed, and rejects rows out of range', () => {
  const [c] = loadCases('multiclass').filter((x) => x.name === 'three_classes');
  if (c.input.kind !== 'multiclass') throw new Error('fixture');
  const sub = subsetInput(c.input, Int32Array.from([4, 4, 0]));
  if (sub.kind !== 'multiclass') throw new Error('kind');
  assert.deepEqual(Array.from(sub.y), [c.input.y[4], c.input.y[4], c.input.y[0]]);
  assert.deepEqual(Array.from(sub.proba!.subarray(3, 6)), Array.from(c.input.proba!.subarray(12, 15)));
  assert.deepEqual(Array.from(sub.proba!.subarray(6, 9)), Array.from(c.input.proba!.subarray(0, 3)));
  assert.throws(() => subsetInput(c.input, Int32Array.from([c.input.y.length])), PlumbError);
  assert.throws(() => metricsBySlice(['accuracy'], c.input, new Int32Array(3), ['x']), PlumbError);
});
