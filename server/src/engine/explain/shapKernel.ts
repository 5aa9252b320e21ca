/**
 * Kernel SHAP (Lundberg & Lee 2017) as shap's KernelExplainer does it, on the seeded Random:
 *  1. Coalition sizes weighted by the Shapley kernel, (M-1) / (s (M-s)), sizes s and M-s paired.
 *  2. Sizes whose every subset (and complement) fits the remaining budget are enumerated, smallest
 *     and largest first, each subset with its exact kernel weight.
 *  3. The rest of the budget is drawn: a size from the remaining distribution, a uniform subset of
 *     that size and its complement (antithetic pairs); a repeat adds weight to the first copy. The
 *     drawn samples share the kernel weight the enumerated sizes left over.
 *  4. Weighted least squares of v(S) - v(empty) on the masks, with sum(phi) = f(x) - v(empty)
 *     enforced by eliminating the last variable (shap's `solve`, without its optional L1 selection).
 * With a budget of 2^M - 2 every coalition is enumerated and the solution is the exact Shapley value.
 */
import type { Random } from '../util/random';
import { binomial } from './shapExact';
import { solveSymmetric } from './linalg';

export interface CoalitionSample {
  /** count x M, 1 = the feature takes the explained row's value. */
  masks: Uint8Array;
  /** Kernel weight of each coalition. */
  weights: Float64Array;
  count: number;
}

/** shap's default budget: 2M + 2048 coalitions. */
export function defaultSamples(M: number): number {
  return 2 * M + 2048;
}

/** The budget actually used: at most 2^M - 2, the number of proper coalitions. */
export function effectiveSamples(M: number, nsamples: number): number {
  return M <= 30 ? Math.min(nsamples, 2 ** M - 2) : nsamples;
}

export function sampleCoalitions(M: number, nsamples: number, rng: Random): CoalitionSample {
  const budget = effectiveSamples(M, nsamples);
  const masks = new Uint8Array(budget * M);
  const weights = new Float64Array(budget);
  let count = 0;
  const add = (mask: Uint8Array, w: number): number => {
    masks.set(mask, count * M);
    weights[count] = w;
    return count++;
  };

  const numSizes = Math.ceil((M - 1) / 2);
  const numPaired = Math.floor((M - 1) / 2);
  const weightVector = new Float64Array(numSizes);
  for (let i = 0; i < numSizes; i++) {
    const s = i + 1;
    weightVector[i] = ((M - 1) / (s * (M - s))) * (i < numPaired ? 2 : 1);
  }
  normalize(weightVector);

  // Enumerate the sizes the budget covers completely.
  let numFull = 0;
  let left = budget;
  const remaining = Float64Array.from(weightVector);
  const mask = new Uint8Array(M);
  for (let s = 1; s <= numSizes; s++) {
    const paired = s <= numPaired;
    const nsubsets = binomial(M, s) * (paired ? 2 : 1);
    if ((left * remaining[s - 1]) / nsubsets < 1 - 1e-8) break;
    numFull++;
    left -= nsubsets;
    if (remaining[s - 1] < 1) {
      const scale = 1 - remaining[s - 1];
      for (let i = 0; i < numSizes; i++) remaining[i] /= scale;
    }
    const w = weightVector[s - 1] / binomial(M, s) / (paired ? 2 : 1);
    forEachCombination(M, s, (idx) => {
      mask.fill(0);
      for (const i of idx) mask[i] = 1;
      add(mask, w);
      if (paired) {
        for (let i = 0; i < M; i++) mask[i] = 1 - mask[i];
        add(mask, w);
      }
    });
  }

  // Draw the rest from the sizes not enumerated.
  const nfixed = count;
  let samplesLeft = budget - count;
  if (numFull !== numSizes && samplesLeft > 0) {
    const rest = Float64Array.from(weightVector);
    for (let i = 0; i < numPaired; i++) rest[i] /= 2; // each draw below adds two samples
    const dist = normalize(rest.slice(numFull));
    const cumulative = new Float64Array(dist.length);
    let acc = 0;
    for (let i = 0; i < dist.length; i++) cumulative[i] = acc += dist[i];
    const seen = new Map<string, { index: number; complement: number }>();
    const perm = new Int32Array(M);
    const maxDraws = 4 * samplesLeft;
    for (let draw = 0; draw < maxDraws && samplesLeft > 0; draw++) {
      const u = rng.next() * acc;
      let ind = 0;
      while (ind < cumulative.length - 1 && u >= cumulative[ind]) ind++;
      const s = ind + numFull + 1;
      for (let i = 0; i < M; i++) perm[i] = i;
      mask.fill(0);
      for (let i = 0; i < s; i++) {
        const j = i + rng.int(M - i);
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        mask[perm[i]] = 1;
      }
      const key = maskKey(mask);
      const prior = seen.get(key);
      const paired = s <= numPaired;
      if (prior) {
        weights[prior.index] += 1;
        if (paired && prior.complement >= 0) weights[prior.complement] += 1;
        continue;
      }
      const entry = { index: add(mask, 1), complement: -1 };
      seen.set(key, entry);
      samplesLeft--;
      if (samplesLeft > 0 && paired) {
        for (let i = 0; i < M; i++) mask[i] = 1 - mask[i];
        entry.complement = add(mask, 1);
        samplesLeft--;
      }
    }
    // The drawn samples share the weight the enumerated sizes did not take.
    let weightLeft = 0;
    for (let i = numFull; i < numSizes; i++) weightLeft += weightVector[i];
    let drawn = 0;
    for (let i = nfixed; i < count; i++) drawn += weights[i];
    for (let i = nfixed; i < count; i++) weights[i] *= weightLeft / drawn;
  }
  return { masks: masks.subarray(0, count * M), weights: weights.subarray(0, count), count };
}

/**
 * Solves for phi given v(S) of the sampled coalitions (`ey`), v(empty) = fnull and f(x) = fx:
 * minimize sum w (ey - fnull - z.phi)^2 subject to sum(phi) = fx - fnull.
 */
export function kernelSolve(sample: CoalitionSample, M: number, ey: Float64Array, fnull: number, fx: number): { phi: Float64Array; singular: boolean } {
  const total = fx - fnull;
  const phi = new Float64Array(M);
  if (M === 0) return { phi, singular: false };
  if (M === 1) {
    phi[0] = total;
    return { phi, singular: false };
  }
  const { masks, weights, count } = sample;
  const n = M - 1;
  const A = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < count; i++) {
    const z = i * M;
    const zl = masks[z + n];
    const y2 = ey[i] - fnull - zl * total;
    const w = weights[i];
    for (let j = 0; j < n; j++) row[j] = masks[z + j] - zl;
    for (let a = 0; a < n; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      const wra = w * ra;
      rhs[a] += wra * y2;
      for (let b = 0; b <= a; b++) A[a * n + b] += wra * row[b];
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) A[b * n + a] = A[a * n + b];
  const { x, singular } = solveSymmetric(A, rhs, n);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    phi[j] = x[j];
    sum += x[j];
  }
  phi[n] = total - sum;
  return { phi, singular };
}

function normalize(v: Float64Array): Float64Array {
  let s = 0;
  for (const x of v) s += x;
  for (let i = 0; i < v.length; i++) v[i] /= s;
  return v;
}

function maskKey(mask: Uint8Array): string {
  let key = '';
  for (let i = 0; i < mask.length; i += 16) {
    let word = 0;
    for (let b = 0; b < 16 && i + b < mask.length; b++) if (mask[i + b]) word |= 1 << b;
    key += String.fromCharCode(word);
  }
  return key;
}

/** Calls `fn` with each s-subset of 0..M-1 in lexicographic order (as itertools.combinations). */
function forEachCombination(M: number, s: number, fn: (idx: Int32Array) => void): void {
  const idx = new Int32Array(s);
  for (let i = 0; i < s; i++) idx[i] = i;
  for (;;) {
    fn(idx);
    let i = s - 1;
    while (i >= 0 && idx[i] === M - s + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < s; j++) idx[j] = idx[j - 1] + 1;
  }
}
