// Expected values: scipy.special.erfc, scipy.stats.norm, scipy.stats.chi2, scipy.stats.binom
// (expected/generate.py -> expected/cases.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binomialCdf, chiSquare1Sf, erf, erfc, normalCdf, normalQuantile } from './special';

const cases = JSON.parse(readFileSync(join(__dirname, 'expected/cases.json'), 'utf8'));

function close(actual: number, expected: number, rel: number, what: string): void {
  const tol = rel * Math.max(Math.abs(expected), 1e-300);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs scipy ${expected} (relative tolerance ${rel})`);
}

test('erfc matches scipy to 1e-13 relative, including the far tail', () => {
  for (const [x, want] of cases.erfc as [number, number][]) close(erfc(x), want, 1e-13, `erfc(${x})`);
});

test('erf is 1 - erfc and odd', () => {
  for (const x of [0.2, 1.3, 2.7, 4]) {
    close(erf(x), 1 - erfc(x), 1e-14, `erf(${x})`);
    assert.equal(erf(-x), -erf(x));
  }
});

test('normal CDF and quantile match scipy', () => {
  for (const [z, want] of cases.normal_cdf as [number, number][]) close(normalCdf(z), want, 1e-13, `Phi(${z})`);
  for (const [p, want] of cases.normal_quantile as [number, number][]) {
    if (want === 0) assert.ok(Math.abs(normalQuantile(p)) < 1e-15);
    else close(normalQuantile(p), want, 1e-12, `Phi^-1(${p})`);
  }
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('chi-square(1) survival function matches scipy', () => {
  for (const [x, want] of cases.chi2_sf_1 as [number, number][]) close(chiSquare1Sf(x), want, 1e-12, `chi2.sf(${x}, 1)`);
});

test('binomial CDF matches scipy', () => {
  for (const [k, n, p, want] of cases.binomial_cdf as [number, number, number, number][]) close(binomialCdf(k, n, p), want, 1e-12, `binom.cdf(${k}, ${n}, ${p})`);
  assert.equal(binomialCdf(-1, 10, 0.5), 0);
  assert.equal(binomialCdf(10, 10, 0.5), 1);
});
