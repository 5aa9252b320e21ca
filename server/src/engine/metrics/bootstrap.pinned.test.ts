// Regression pin: bootstrapIntervals must give exactly the intervals of the pre-optimisation
// implementation (commit 7409c1e; metrics last changed in 48b3ebe) on the inputs of
// bootstrapPinnedCases.ts. The expected values in expected/bootstrapPinned.json were produced by
// that implementation with expected/pinBootstrap.ts; they are our own numbers, pinned so that
// speed-ups of the resample evaluation can't move an interval by even one bit. (Their correctness is
// checked elsewhere: bootstrap.test.ts recomputes resamples on the materialised rows.) The generated
// binary cases are also run with the resamples split over two threads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapIntervals } from './bootstrap';
import { pinnedCases } from './bootstrapPinnedCases';

const pinned = JSON.parse(readFileSync(join(__dirname, 'expected', 'bootstrapPinned.json'), 'utf8')) as { cases: { name: string; intervals: unknown }[] };

const cases = pinnedCases();

test('the pinned file covers every pinned case', () => {
  assert.deepEqual(pinned.cases.map((c) => c.name), cases.map((c) => c.name));
});

for (const c of cases) {
  test(`${c.name}: intervals are bit-for-bit the pinned ones`, () => {
    const expected = pinned.cases.find((p) => p.name === c.name)!.intervals;
    // JSON round-trips doubles exactly; deepStrictEqual compares numbers with Object.is.
    assert.deepEqual(bootstrapIntervals(c.names, c.input, c.options), expected);
    // Binary resamples on two threads (forced here; automatic only for large inputs): the same.
    if (c.input.kind === 'binary' && !c.name.includes('/')) assert.deepEqual(bootstrapIntervals(c.names, c.input, { ...c.options, parallel: true }), expected);
  });
}
