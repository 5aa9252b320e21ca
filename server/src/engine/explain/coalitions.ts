/**
 * The coalition game behind SHAP with interventional expectations: v(S) = mean over background rows
 * b of f(x_S, b_notS), the row's own values for the features in S and the background's elsewhere.
 * Coalitions are masks over the varying features (those where some background row differs from x;
 * the others cannot change any prediction). Many coalitions go through the model in one call.
 */
import type { CancelSignal } from '../errors';
import { callModel, rowBuffer, type ModelRows } from './batch';
import type { PredictFn } from './types';

export interface Game {
  x: Float64Array;
  /** nb x k, row-major. */
  background: Float64Array;
  nb: number;
  k: number;
  /** Column index of each varying feature; masks index into this. */
  varying: Int32Array;
  predict: PredictFn;
  maxRowsPerCall: number;
  signal?: CancelSignal;
  /** Rows evaluated so far; every call adds to it. */
  modelRows: number;
}

/** Columns where at least one background row differs from x (NaN equals NaN). */
export function varyingFeatures(x: Float64Array, background: Float64Array, nb: number, k: number): Int32Array {
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const xj = x[j];
    for (let b = 0; b < nb; b++) {
      const v = background[b * k + j];
      if (v !== xj && !(v !== v && xj !== xj)) {
        out.push(j);
        break;
      }
    }
  }
  return Int32Array.from(out);
}

/**
 * f(x) and mean f(B) from one call: the ends of the game. `vfull` is v(full) summed the way
 * coalitionValues sums (nb copies of f(x), then / nb), so a feature the model ignores gets exactly 0.
 */
export async function gameEnds(game: Game): Promise<{ fx: number; fnull: number; vfull: number }> {
  const { x, background, nb, k } = game;
  const X = rowBuffer(game.predict, (nb + 1) * k);
  X.set(x, 0);
  X.set(background, k);
  const out = await callModel(game.predict, X, nb + 1, k, game.signal);
  game.modelRows += nb + 1;
  let s = 0;
  for (let b = 1; b <= nb; b++) s += out[b];
  let sx = 0;
  for (let b = 0; b < nb; b++) sx += out[0];
  return { fx: out[0], fnull: s / nb, vfull: sx / nb };
}

/**
 * v(S) for `count` coalitions; `masks` is count x M (1 = the feature takes the row's value), M the
 * number of varying features.
 */
export async function coalitionValues(game: Game, masks: Uint8Array, count: number): Promise<Float64Array> {
  const { x, background, nb, k, varying } = game;
  const M = varying.length;
  const values = new Float64Array(count);
  const perCall = Math.max(1, Math.min(count, Math.floor(game.maxRowsPerCall / nb)));
  const buffer = rowBuffer(game.predict, perCall * nb * k);
  // The background in the buffer's type, so each copy is a plain memory copy (float32: rounded once, as a copy would round it).
  const B = buffer instanceof Float32Array ? Float32Array.from(background) : background;
  const block = nb * k;
  for (let c0 = 0; c0 < count; c0 += perCall) {
    const n = Math.min(perCall, count - c0);
    for (let c = 0; c < n; c++) fillCoalition(buffer, c * block, B, x, k, masks, (c0 + c) * M, varying);
    const out = await callModel(game.predict, buffer, n * nb, k, game.signal);
    game.modelRows += n * nb;
    for (let c = 0; c < n; c++) {
      let s = 0;
      for (let b = c * nb, e = b + nb; b < e; b++) s += out[b];
      values[c0 + c] = s / nb;
    }
  }
  return values;
}

/** One coalition's rows at `off`: the background, with the row's value in each feature of the mask starting at `m`. */
function fillCoalition(buffer: ModelRows, off: number, B: ModelRows, x: Float64Array, k: number, masks: Uint8Array, m: number, varying: Int32Array): void {
  const end = off + B.length;
  buffer.set(B, off);
  for (let f = 0; f < varying.length; f++) {
    if (!masks[m + f]) continue;
    const col = varying[f];
    const xv = x[col];
    for (let p = off + col; p < end; p += k) buffer[p] = xv;
  }
}
