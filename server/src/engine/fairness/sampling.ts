/**
 * Exact binomial and multinomial draws on the seeded Random, and numpy's default (linear) quantile.
 * The bootstrap resamples counts, not rows: resampling N rows with replacement puts a
 * Multinomial(N, count_k / N) number of copies in each cell k, so drawing that multinomial gives the
 * same distribution as Fairlearn's `data.sample(frac=1, replace=True)` at a fraction of the cost.
 */
import type { Random } from '../util/random';

/** Binomial(n, p): inversion for small n*p, Hörmann's BTRS (transformed rejection) otherwise. */
export function binomial(rng: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  if (n * p < 10) return binomialInversion(rng, n, p);
  return binomialBtrs(rng, n, p);
}

function binomialInversion(rng: Random, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  for (;;) {
    let r = Math.pow(q, n);
    let u = rng.next();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) break;
      r *= a / x - s;
    }
    if (x <= n) return x;
    // Rounding left a sliver of probability past n: draw again.
  }
}

function binomialBtrs(rng: Random, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

const SMALL_LOG_FACTORIALS = (() => {
  const t = new Float64Array(16);
  for (let k = 1; k < 16; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();

/** log(k!) — a table below 16, Stirling's series (error < 1e-13) above. */
export function logFactorial(k: number): number {
  if (k < 16) return SMALL_LOG_FACTORIALS[k];
  const k2 = k * k;
  return (k + 0.5) * Math.log(k) - k + 0.9189385332046728 + (1 / 12 - (1 / 360 - 1 / (1260 * k2)) / k2) / k;
}

/** Multinomial(n, weights / sum(weights)) into `out`, by conditional binomials. */
export function multinomial(rng: Random, n: number, weights: ArrayLike<number>, out: Int32Array | Float64Array, offset = 0, length = weights.length, wOffset = 0): void {
  let mass = 0;
  for (let k = 0; k < length; k++) mass += weights[wOffset + k];
  let left = n;
  for (let k = 0; k < length; k++) {
    const w = weights[wOffset + k];
    if (left === 0 || w <= 0) {
      out[offset + k] = 0;
    } else if (k === length - 1 || w >= mass) {
      out[offset + k] = left;
      left = 0;
    } else {
      const x = binomial(rng, left, w / mass);
      out[offset + k] = x;
      left -= x;
    }
    mass -= w;
  }
}

/** numpy.quantile's default ('linear') on values sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
