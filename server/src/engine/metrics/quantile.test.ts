// Order statistics against their definitions on a sorted copy (numpy's median and 'linear' percentile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { medianInPlace, percentileSorted, selectKth } from './quantile';

const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 200 });

test('property: selectKth and medianInPlace agree with a full sort', () => {
  fc.assert(
    fc.property(values, fc.nat(), (xs, kSeed) => {
      const sorted = Float64Array.from(xs).sort();
      const k = kSeed % xs.length;
      assert.equal(selectKth(Float64Array.from(xs), k), sorted[k]);
      const n = xs.length;
      const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      assert.equal(medianInPlace(Float64Array.from(xs)), median);
    }),
    { numRuns: 300, seed: 8 },
  );
});

test('percentileSorted interpolates linearly between order statistics, as numpy', () => {
  const a = [1, 2, 4, 8];
  assert.equal(percentileSorted(a, 0), 1);
  assert.equal(percentileSorted(a, 100), 8);
  assert.equal(percentileSorted(a, 50), 3);
  assert.equal(percentileSorted(a, 25), 1.75);
  assert.equal(percentileSorted(a, 90), 6.800000000000001); // np.percentile([1, 2, 4, 8], 90), bit for bit
  assert.ok(Number.isNaN(percentileSorted([], 50)));
  assert.ok(Number.isNaN(medianInPlace(new Float64Array(0))));
});
