/**
 * One-sided Kolmogorov-Smirnov survival function P(D_n^+ >= x) (scipy.special.smirnov), from the
 * Birnbaum-Tingey / Smirnov sum
 *   P = x * sum_{v=0}^{floor(n(1-x))} C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v),
 * with the same special cases and the same large-n approximation as scipy's cephes kolmogorov.c
 * (van Mulbregt 2018). scipy adds the terms in double-double from v = 0 up; here each term is
 * computed on its own in logarithms (Stirling's series for the binomial coefficient) and the sum
 * starts at the largest term and walks outwards until the terms no longer matter, so the cost is
 * the width of the peak rather than n. Agreement with scipy is about 1e-9 relative.
 */

const MINLOG = -7.08396418532264106224e2;
const SMIRNOV_MAX_COMPUTE_N = 1000000;
const EPS = 2.220446049250313e-16;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(k!) - Stirling's main part, for k >= 15. */
function stirlingCorrection(k: number): number {
  const r = 1 / k;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}

/** log C(n, v) for 0 <= v <= n. */
export function logBinomial(n: number, v: number): number {
  const small = Math.min(v, n - v);
  if (small === 0) return 0;
  if (small < 15) {
    let s = 0;
    for (let i = 0; i < small; i++) s += Math.log((n - i) / (small - i));
    return s;
  }
  const w = n - v;
  return (
    v * Math.log(n / v) + w * Math.log1p(v / w) + 0.5 * Math.log(n / (v * w)) - HALF_LOG_2PI +
    stirlingCorrection(n) - stirlingCorrection(v) - stirlingCorrection(w)
  );
}

export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  let nxfl = Math.floor(nx);
  let alpha = nx - nxfl;
  if (alpha === 1) {
    nxfl += 1;
    alpha = 0;
  }
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  if (alpha === 0) n1mxfl -= 1;
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) return clip(1 - x * (1 + x) ** (n - 1));
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxfl >= n - 1) return clip((1 - x) ** n);
  if (n > SMIRNOV_MAX_COMPUTE_N) return clip(Math.exp(-((6 * n * x + 1) ** 2) / 18 / n));

  const last = n1mxfl; // terms v = 0..last
  const logTerm = (v: number): number =>
    v === 0
      ? n * Math.log1p(-x) - Math.log(x)
      : logBinomial(n, v) + (n - v) * Math.log((n - v) / n - x) + (v - 1) * Math.log(v / n + x);
  // The terms rise and fall once; find the largest by ternary search on the integers.
  let lo = 0;
  let hi = last;
  while (hi - lo > 2) {
    const m1 = lo + Math.floor((hi - lo) / 3);
    const m2 = hi - Math.floor((hi - lo) / 3);
    if (logTerm(m1) < logTerm(m2)) lo = m1 + 1;
    else hi = m2 - 1;
  }
  let peak = lo;
  let peakLog = logTerm(lo);
  for (let v = lo + 1; v <= hi; v++) {
    const l = logTerm(v);
    if (l > peakLog) [peak, peakLog] = [v, l];
  }
  // Sum relative to the peak (scaled by e^-peakLog), walking out until the terms are negligible.
  let sum = 1;
  const negligible = EPS * 1e-3;
  for (let v = peak + 1; v <= last; v++) {
    const t = Math.exp(logTerm(v) - peakLog);
    sum += t;
    if (t < negligible * sum) break;
  }
  for (let v = peak - 1; v >= 0; v--) {
    const t = Math.exp(logTerm(v) - peakLog);
    sum += t;
    if (t < negligible * sum) break;
  }
  return clip(x * Math.exp(Math.log(sum) + peakLog));
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
