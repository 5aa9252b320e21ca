/**
 * Argsort of float64 values, descending, by an LSD radix sort on the IEEE-754 bit patterns (8-bit
 * digits, passes whose digit is the same for every value are skipped, e.g. the low bits of scores
 * that were float32). Stable, O(N): ~70-100 ms for 1M values here, against ~120 ms for the native
 * Float64Array sort of the values alone, and it yields the row order, which the bootstrap needs.
 * Values must not be NaN. -0 sorts after +0 (they are still equal to ===, so one tie group).
 * Returns the order and the values in that order (decoded from the sorted keys, no gather).
 */
export function sortDescending(values: Float64Array): { order: Int32Array; sorted: Float64Array } {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let idx = new Int32Array(n);
  const hist = new Int32Array(8 * 256);
  for (let i = 0; i < n; i++) {
    let h = bits[2 * i + 1];
    let l = bits[2 * i];
    // Ascending order of doubles as unsigned keys: flip all bits of negatives, the sign bit of
    // positives. Then complement everything for descending.
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else {
      h |= 0x80000000;
    }
    h = ~h >>> 0;
    l = ~l >>> 0;
    hi[i] = h;
    lo[i] = l;
    idx[i] = i;
    hist[l & 255]++;
    hist[256 + ((l >>> 8) & 255)]++;
    hist[512 + ((l >>> 16) & 255)]++;
    hist[768 + (l >>> 24)]++;
    hist[1024 + (h & 255)]++;
    hist[1280 + ((h >>> 8) & 255)]++;
    hist[1536 + ((h >>> 16) & 255)]++;
    hist[1792 + (h >>> 24)]++;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Int32Array(n);
  for (let pass = 0; pass < 8; pass++) {
    const off = pass * 256;
    let constant = false;
    for (let b = 0; b < 256; b++) {
      const c = hist[off + b];
      if (c === n) constant = true;
      if (c) break;
    }
    if (constant) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = hist[off + b];
      hist[off + b] = sum;
      sum += c;
    }
    const src = pass < 4 ? lo : hi;
    const shift = (pass & 3) * 8;
    for (let i = 0; i < n; i++) {
      const p = hist[off + ((src[i] >>> shift) & 255)]++;
      idx2[p] = idx[i];
      hi2[p] = hi[i];
      lo2[p] = lo[i];
    }
    [idx, idx2] = [idx2, idx];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  const sorted = new Float64Array(n);
  const out = new Uint32Array(sorted.buffer);
  for (let j = 0; j < n; j++) {
    const h = ~hi[j];
    const l = ~lo[j];
    if (h & 0x80000000) {
      out[2 * j + 1] = (h & 0x7fffffff) >>> 0;
      out[2 * j] = l >>> 0;
    } else {
      out[2 * j + 1] = ~h >>> 0;
      out[2 * j] = ~l >>> 0;
    }
  }
  return { order: idx, sorted };
}
