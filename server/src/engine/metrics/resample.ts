/**
 * Bootstrap draws: N row indices uniform in [0, N) per resample, with replacement. Each resample
 * takes four 32-bit words from the seeded util/random stream and runs xoshiro128** (the same
 * generator) in local variables, which is ~10x faster than a method call per draw; so a seed still
 * fixes every resample, on every machine.
 */
import type { Random } from '../util/random';
import type { Weights } from './stats';

type Seed = [number, number, number, number];

function seedWords(rng: Random): Seed {
  const s: Seed = [rng.nextUint32() | 0, rng.nextUint32() | 0, rng.nextUint32() | 0, rng.nextUint32() | 0];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/**
 * The seeds of the next `count` resamples, four words each: resample b of drawCounts is
 * countsFromSeed(seeds, 4 * b, ...), so resamples can be drawn in any order or on any thread.
 */
export function drawSeeds(rng: Random, count: number, into?: Int32Array): Int32Array {
  const out = into ?? new Int32Array(4 * count);
  for (let b = 0; b < count; b++) out.set(seedWords(rng), 4 * b);
  return out;
}

/**
 * drawCounts for the seed at seeds[at..at+3]. Self-contained (with fillCounts it runs in the
 * bootstrap's helper thread, see parallelResamples.ts).
 */
export function countsFromSeed(seeds: Int32Array, at: number, w: Uint8Array, cap = 255): Uint8Array | Int32Array {
  const seed: [number, number, number, number] = [seeds[at], seeds[at + 1], seeds[at + 2], seeds[at + 3]];
  if (fillCounts(seed, w, cap)) return w;
  const wide = new Int32Array(w.length);
  fillCounts(seed, wide, 0x7fffffff);
  return wide;
}

/**
 * How often each row is drawn in the next resample (w.length draws). Counts go into `w`, one byte
 * per row so the walks over them stay in cache; in the (astronomically unlikely) case of a row
 * drawn more than 255 times the same draws are redone into a new Int32Array, which is returned.
 * (`cap` lowers that limit for tests.)
 */
export function drawCounts(rng: Random, w: Uint8Array, cap = 255): Weights {
  return countsFromSeed(drawSeeds(rng, 1), 0, w, cap);
}

export function fillCounts(seed: [number, number, number, number], w: Uint8Array | Int32Array, cap: number): boolean {
  let [s0, s1, s2, s3] = seed;
  const n = w.length;
  // (r / 2^32) * n and r * (n / 2^32) are the same exact product rounded once (scaling by 2^-32 is
  // exact), and truncation is floor for these non-negative values: the same rows as drawIndices.
  const scale = n / 4294967296;
  w.fill(0);
  for (let j = 0; j < n; j++) {
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const i = (r * scale) | 0;
    const v = w[i] + 1;
    if (v > cap) return false;
    w[i] = v;
  }
  return true;
}

/** The same draws as drawCounts, as the list of row indices (for tests and callers that need rows). */
export function drawIndices(rng: Random, n: number): Int32Array {
  let [s0, s1, s2, s3] = seedWords(rng);
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[j] = Math.floor((r / 4294967296) * n);
  }
  return out;
}
