/**
 * Exact Shapley values by enumerating every coalition of the M varying features:
 * phi_i = sum over S without i of |S|! (M - |S| - 1)! / M! * (v(S + i) - v(S)).
 * All 2^M - 2 proper coalitions go through the model in as few calls as `maxRowsPerCall` allows;
 * v(empty) and v(full) are the game's ends (mean f(B) and f(x), see gameEnds), so the values add up
 * to f(x) - mean f(B) up to rounding.
 */
import { coalitionValues, type Game } from './coalitions';

/** Largest M this module will enumerate, whatever the caller asks: 2^20 coalitions. */
export const EXACT_HARD_LIMIT = 20;

export async function exactShapley(game: Game, vfull: number, fnull: number): Promise<{ phi: Float64Array; coalitions: number }> {
  const M = game.varying.length;
  if (M === 0) return { phi: new Float64Array(0), coalitions: 0 };
  const total = 2 ** M;
  const count = total - 2;
  const masks = new Uint8Array(count * M);
  for (let s = 1; s < total - 1; s++) {
    const row = (s - 1) * M;
    for (let f = 0; f < M; f++) if (s & (1 << f)) masks[row + f] = 1;
  }
  const inner = await coalitionValues(game, masks, count);
  const v = new Float64Array(total);
  v[0] = fnull;
  v[total - 1] = vfull;
  v.set(inner, 1);
  return { phi: shapleyFromValues(v, M), coalitions: count };
}

/** Shapley values of the game `v` (indexed by coalition bit mask over M players). */
export function shapleyFromValues(v: Float64Array, M: number): Float64Array {
  const weight = new Float64Array(M);
  for (let s = 0; s < M; s++) weight[s] = 1 / (M * binomial(M - 1, s));
  const phi = new Float64Array(M);
  const total = 2 ** M;
  for (let S = 0; S < total; S++) {
    const size = popcount(S);
    if (size === M) continue;
    const w = weight[size];
    const vS = v[S];
    for (let i = 0; i < M; i++) {
      const bit = 1 << i;
      if (S & bit) continue;
      phi[i] += w * (v[S | bit] - vS);
    }
  }
  return phi;
}

export function binomial(n: number, r: number): number {
  if (r < 0 || r > n) return 0;
  r = Math.min(r, n - r);
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return Math.round(out);
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
