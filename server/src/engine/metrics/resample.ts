/**
 * Bootstrap draws: N row indices uniform in [0, N) per resample, with replacement. Each resample
 * takes four 32-bit words from the seeded util/random stream and runs xoshiro128** (the same
 * generator) in local variables, which is ~10x faster than a method call per draw; so a seed still
 * fixes every resample, on every machine.
 */
import type { Random } from '../util/random';

function seedWords(rng: Random): [number, number, number, number] {
  const s = [rng.nextUint32() | 0, rng.nextUint32() | 0, rng.nextUint32() | 0, rng.nextUint32() | 0] as [number, number, number, number];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/** Fills `w` with how often each row is drawn in the next resample (w.length draws). */
export function drawCounts(rng: Random, w: Int32Array): void {
  let [s0, s1, s2, s3] = seedWords(rng);
  const n = w.length;
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
    w[Math.floor((r / 4294967296) * n)]++;
  }
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
