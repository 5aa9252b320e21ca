// Expected p-values: scipy.stats.binomtest(min(b, c), b + c, 0.5) below 25 discordant rows, and
// scipy.stats.chi2.sf((|b - c| - 1)^2 / (b + c), 1) otherwise (expected/generate.py -> cases.json),
// which is what statsmodels' mcnemar(exact=True) and mcnemar(exact=False, correction=True) compute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discordantCounts, mcnemarFromCounts, MCNEMAR_EXACT_BELOW } from './mcnemar';

const cases = JSON.parse(readFileSync(join(__dirname, 'expected/cases.json'), 'utf8'));

test('McNemar p-values match scipy on exact and chi-square cases', () => {
  for (const c of cases.mcnemar as { b: number; c: number; method: string; statistic: number; p_value: number }[]) {
    const r = mcnemarFromCounts(c.b, c.c);
    assert.equal(r.method, c.method, `b=${c.b} c=${c.c}`);
    assert.ok(Math.abs(r.statistic - c.statistic) <= 1e-12 * Math.max(1, c.statistic), `statistic b=${c.b} c=${c.c}`);
    assert.ok(Math.abs(r.p_value - c.p_value) <= 1e-12 * Math.max(c.p_value, 1e-300), `p b=${c.b} c=${c.c}: ${r.p_value} vs ${c.p_value}`);
  }
});

test('the exact test switches to chi-square at 25 discordant rows', () => {
  assert.equal(MCNEMAR_EXACT_BELOW, 25);
  assert.equal(mcnemarFromCounts(12, 12).method, 'exact');
  assert.equal(mcnemarFromCounts(13, 12).method, 'chi-square');
  assert.equal(mcnemarFromCounts(0, 0).p_value, 1);
});

test('discordant counts: b = champion right and challenger wrong, c = the reverse', () => {
  const champion = Uint8Array.from([1, 1, 0, 0, 1, 0, 1]);
  const challenger = Uint8Array.from([1, 0, 1, 0, 0, 1, 1]);
  assert.deepEqual(discordantCounts(champion, challenger), { b: 2, c: 2 });
  assert.deepEqual(discordantCounts(challenger, Uint8Array.from([0, 0, 0, 0, 0, 0, 0])), { b: 4, c: 0 });
});
