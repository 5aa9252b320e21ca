// The radix argsort against the native sort, on values with ties, signs, zeros and extremes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sortDescending } from './sortIndex';

test('property: sortDescending orders like the native sort, stably, and decodes the values', () => {
  const value = fc.oneof(
    fc.double({ noNaN: true }),
    fc.constantFrom(0, -0, 1, -1, 0.5, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Infinity, Infinity),
    fc.integer({ min: -3, max: 3 }).map((x) => x / 4),
  );
  fc.assert(
    fc.property(fc.array(value, { maxLength: 300 }), (xs) => {
      const a = Float64Array.from(xs);
      const { order, sorted } = sortDescending(a);
      assert.deepEqual(Array.from(sorted), Array.from(order, (i) => a[i]));
      assert.deepEqual(Array.from(sorted).map((v) => v + 0), Array.from(a.slice().sort().reverse()).map((v) => v + 0));
      for (let j = 1; j < order.length; j++) {
        // ties keep row order (a stable sort); -0 comes after +0
        if (Object.is(a[order[j]], a[order[j - 1]])) assert.ok(order[j] > order[j - 1]);
      }
      assert.deepEqual(Array.from(order).sort((x, y) => x - y), xs.map((_, i) => i));
    }),
    { numRuns: 300, seed: 4 },
  );
});
