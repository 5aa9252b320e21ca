/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, with scipy.stats.ks_2samp's `method='auto'`
 * (scipy 1.10): the exact null distribution when max(n1, n2) <= 10000, otherwise (or when the
 * exact computation fails numerically) the asymptotic p-value kstwo.sf(D, round(n1 n2 / (n1 + n2))).
 * The statistic comes from one merge of the two sorted samples, so the cost is the two sorts.
 */
import { kolmogorovNSf } from './kolmogorovN';

export interface KsResult {
  statistic: number;
  p_value: number;
  /** Which null distribution gave the p-value. */
  mode: 'exact' | 'asymp';
}

const MAX_AUTO_N = 10000;

/** max |F1 - F2| over the pooled sample, computed as scipy does (i/n1 - j/n2 at each distinct value). */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxS = -Infinity;
  let minS = Infinity;
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] === v) i++;
    while (j < n2 && b[j] === v) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
  }
  const negMin = Math.min(Math.max(-minS, 0), 1);
  return negMin > maxS ? negMin : maxS;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Round half to even, as numpy's round. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** P(D >= h/n) for equal sample sizes n (Hodges' alternating sum, factored as scipy does). */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k--;
  }
  return 2 * P;
}

/**
 * Proportion of lattice paths from (0,0) to (m,n) that leave the band |x/m - y/n| < h/lcm(m,n),
 * by the "inside method" recursion for 1 - p (Hodges 1958; Viehmann 2021), as scipy's
 * _compute_outer_prob_inside_method.
 */
function outerProbInside(m0: number, n0: number, g: number, h: number): number {
  let m = m0;
  let n = n0;
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let q = minj; q < maxj && q < lenA; q++) A[q] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) {
      const from = maxj - minj;
      const to = Math.min(from + (lastlen - curlen), lenA);
      for (let q = from; q < to; q++) A[q] = 1;
    }
  }
  return A[maxj - minj - 1];
}

/**
 * ks_2samp(a, b, method='auto') on samples already sorted ascending, without NaN; `statistic` when
 * the caller has it already (from mergeStats).
 */
export function ks2samp(a: Float64Array, b: Float64Array, statistic?: number): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new Error('ks2samp needs two non-empty samples');
  let d = statistic ?? ksStatistic(a, b);
  if (Math.max(n1, n2) <= MAX_AUTO_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, p_value: 1, mode: 'exact' };
    const prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    if (Number.isFinite(prob) && prob >= 0 && prob <= 1) return { statistic: d, p_value: prob, mode: 'exact' };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  const p = kolmogorovNSf(roundHalfEven(en), d);
  return { statistic: d, p_value: Math.min(Math.max(p, 0), 1), mode: 'asymp' };
}
