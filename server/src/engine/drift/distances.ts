/**
 * Distances between two samples: Wasserstein-1 (scipy.stats.wasserstein_distance) on sorted
 * samples, and the binned distances Evidently uses, PSI and Jensen-Shannon, on shares per bin.
 */

/** scipy.stats.wasserstein_distance(a, b) for samples sorted ascending: one merge, O(n1 + n2). */
export function wasserstein(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  let comp = 0; // Kahan compensation: a million small products should not lose digits
  let prev = NaN;
  let prevDiff = 0;
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || a[i] <= b[j]) ? a[i] : b[j];
    if (!Number.isNaN(prev)) {
      const term = prevDiff * (v - prev) - comp;
      const t = sum + term;
      comp = t - sum - term;
      sum = t;
    }
    while (i < n1 && a[i] === v) i++;
    while (j < n2 && b[j] === v) j++;
    prevDiff = Math.abs(i / n1 - j / n2);
    prev = v;
  }
  return sum;
}

/** Population standard deviation (numpy's np.std, ddof = 0). */
export function populationStd(x: Float64Array): number {
  const n = x.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / n);
}

/** Evidently's normed Wasserstein: W1 / max(std(reference), 0.001); `raw` when the caller has W1 already. */
export function wassersteinNormed(ref: Float64Array, cur: Float64Array, rawDistance?: number): { distance: number; raw: number; reference_std: number } {
  const raw = rawDistance ?? wasserstein(ref, cur);
  const std = populationStd(ref);
  return { distance: raw / Math.max(std, 0.001), raw, reference_std: std };
}

/**
 * Population Stability Index on shares per bin, as Evidently: empty bins get a small share first
 * (min non-zero share / 1e6 when that minimum is <= 1e-4, else 1e-4), then
 * PSI = sum (r - c) ln(r / c).
 */
export function psi(refShares: number[], curShares: number[]): { value: number; filled_bins: number } {
  const r = fillZeros(refShares);
  const c = fillZeros(curShares);
  let value = 0;
  for (let k = 0; k < r.shares.length; k++) value += (r.shares[k] - c.shares[k]) * Math.log(r.shares[k] / c.shares[k]);
  return { value, filled_bins: r.filled + c.filled };
}

function fillZeros(shares: number[]): { shares: number[]; filled: number } {
  let min = Infinity;
  for (const s of shares) if (s !== 0 && s < min) min = s;
  const fill = min <= 0.0001 ? min / 1e6 : 0.0001;
  let filled = 0;
  const out = shares.map((s) => {
    if (s !== 0) return s;
    filled++;
    return fill;
  });
  return { shares: out, filled };
}

/** scipy.spatial.distance.jensenshannon(p, q) with natural logarithms (base=None), as Evidently. */
export function jensenShannon(p: number[], q: number[]): number {
  let sp = 0;
  let sq = 0;
  for (let k = 0; k < p.length; k++) {
    sp += p[k];
    sq += q[k];
  }
  let left = 0;
  let right = 0;
  for (let k = 0; k < p.length; k++) {
    const pk = p[k] / sp;
    const qk = q[k] / sq;
    const m = (pk + qk) / 2;
    if (pk > 0) left += pk * Math.log(pk / m);
    if (qk > 0) right += qk * Math.log(qk / m);
  }
  const js = left + right;
  return Math.sqrt(Math.max(js, 0) / 2);
}
