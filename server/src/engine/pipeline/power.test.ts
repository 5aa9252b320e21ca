// Expected power: the same two-proportion formula evaluated with scipy.stats.norm
// (compare/expected/generate.py -> cases.json `power`, `power_pairs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASES } from '../compare/testFixture';
import { abPower, armSizes, twoProportionPower } from './power';

test('two-proportion power matches scipy', () => {
  for (const [p1, p2, n1, n2, want] of CASES.power_pairs as number[][]) {
    const got = twoProportionPower(p1, p2, n1, n2);
    assert.ok(Math.abs(got - want) < 1e-12, `power(${p1}, ${p2}, ${n1}, ${n2}) = ${got}, scipy ${want}`);
  }
});

test('A/B power over arms, and the rows the smallest arm needs for 80%', () => {
  for (const c of CASES.power as { splits: Record<string, number>; min_sample_size: number; baseline: number; effect: number; arms: [string, number][]; power: number; rows_for_target: number }[]) {
    const r = abPower(c.splits, c.min_sample_size, c.baseline, c.effect);
    assert.deepEqual(r.arms.map((a) => [a.name, a.rows]), c.arms);
    assert.ok(Math.abs(r.power - c.power) < 1e-12, `${JSON.stringify(c.splits)}: ${r.power} vs ${c.power}`);
    assert.equal(r.rows_for_target, c.rows_for_target);
    assert.ok(abPower(c.splits, r.rows_for_target!, c.baseline, c.effect).power >= 0.8);
    assert.ok(abPower(c.splits, r.rows_for_target! - 1, c.baseline, c.effect).power < 0.8);
  }
});

test('power grows with rows and the effect; is NaN without a valid rate', () => {
  assert.ok(twoProportionPower(0.2, 0.22, 1000, 1000) < twoProportionPower(0.2, 0.22, 4000, 4000));
  assert.ok(twoProportionPower(0.2, 0.22, 1000, 1000) < twoProportionPower(0.2, 0.25, 1000, 1000));
  assert.ok(Math.abs(twoProportionPower(0.3, 0.3, 500, 500) - 0.05) < 1e-12, 'no effect: power is alpha');
  assert.ok(Number.isNaN(twoProportionPower(0, 0.1, 10, 10)));
  assert.deepEqual(armSizes({ a: 90, b: 10 }, 100).map((x) => x.rows), [900, 100]);
});
