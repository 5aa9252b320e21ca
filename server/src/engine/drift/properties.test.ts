/**
 * Properties on random inputs (fast-check): the sort, the KS statistic and the Wasserstein distance
 * against brute-force definitions, and p-values and distances within their ranges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wasserstein } from './distances';
import { ks2samp, ksStatistic } from './ks';
import { mergeStats } from './merge';
import { sortValues } from './sample';

const sample = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 40 });
const sorted = (xs: number[]) => Float64Array.from(xs).sort();

/** sup_x |F1(x) - F2(x)| evaluated at every observed value. */
function bruteKs(a: number[], b: number[]): number {
  let d = 0;
  for (const x of [...a, ...b]) {
    const f1 = a.filter((v) => v <= x).length / a.length;
    const f2 = b.filter((v) => v <= x).length / b.length;
    d = Math.max(d, Math.abs(f1 - f2));
  }
  return d;
}

/** Integral of |F1 - F2| between consecutive pooled values. */
function bruteWasserstein(a: number[], b: number[]): number {
  const all = [...a, ...b].sort((x, y) => x - y);
  let s = 0;
  for (let i = 0; i + 1 < all.length; i++) {
    const x = all[i];
    const f1 = a.filter((v) => v <= x).length / a.length;
    const f2 = b.filter((v) => v <= x).length / b.length;
    s += Math.abs(f1 - f2) * (all[i + 1] - x);
  }
  return s;
}

test('the radix sort orders like Float64Array.prototype.sort', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 40000, maxLength: 40000 }), (xs) => {
      const expected = Float64Array.from(xs).sort();
      const got = sortValues(Float64Array.from(xs));
      for (let i = 0; i < xs.length; i++) assert.ok(got[i] === expected[i] || (got[i] === 0 && expected[i] === 0), `index ${i}`);
    }),
    { numRuns: 5 },
  );
});

test('KS statistic and Wasserstein distance equal their brute-force definitions', () => {
  fc.assert(
    fc.property(sample, sample, (a, b) => {
      assert.ok(Math.abs(ksStatistic(sorted(a), sorted(b)) - bruteKs(a, b)) <= 1e-12);
      const w = wasserstein(sorted(a), sorted(b));
      const bw = bruteWasserstein(a, b);
      assert.ok(Math.abs(w - bw) <= 1e-9 * Math.max(1, Math.abs(bw)), `${w} vs ${bw}`);
      assert.ok(Math.abs(w - wasserstein(sorted(b), sorted(a))) <= 1e-9 * Math.max(1, w));
      const m = mergeStats(sorted(a), sorted(b));
      assert.equal(m.ks, ksStatistic(sorted(a), sorted(b)));
      assert.ok(Math.abs(m.wasserstein - w) <= 1e-12 * Math.max(1, w));
      assert.deepEqual([m.distinctA, m.distinctB, m.distinctUnion], [new Set(a).size, new Set(b).size, new Set([...a, ...b]).size]);
    }),
  );
});

test('KS p-values lie in [0, 1] and fall as D grows for fixed sizes', () => {
  fc.assert(
    fc.property(sample, sample, (a, b) => {
      const r = ks2samp(sorted(a), sorted(b));
      assert.ok(r.p_value >= 0 && r.p_value <= 1);
      assert.ok(r.statistic >= 0 && r.statistic <= 1);
    }),
  );
  let last = 2;
  for (let shift = 0; shift <= 30; shift += 3) {
    const a = Float64Array.from({ length: 30 }, (_, i) => i);
    const b = Float64Array.from({ length: 30 }, (_, i) => i + shift);
    const p = ks2samp(a, b).p_value;
    assert.ok(p <= last, `p should not increase with the shift (${shift}: ${p} > ${last})`);
    last = p;
  }
});
