/**
 * McNemar's test: do two classifiers scored on the same rows make different errors?
 * b = rows the champion gets right and the challenger wrong, c = the reverse; only these
 * discordant rows carry information. Under the null hypothesis b ~ Binomial(b + c, 1/2).
 *  - b + c < 25: the exact two-sided binomial test, p = min(1, 2 P(X <= min(b, c))), as
 *    statsmodels' `mcnemar(exact=True)` and scipy's `binomtest(min(b, c), b + c, 0.5)` compute it.
 *  - otherwise: the chi-square statistic with Edwards' continuity correction,
 *    (|b - c| - 1)^2 / (b + c), against chi-square with 1 degree of freedom, as
 *    `mcnemar(exact=False, correction=True)` and R's `mcnemar.test` (which, like them, does not clip
 *    |b - c| - 1 at 0, so b = c gives a p-value just under 1).
 * 25 discordant rows is the usual cut-off below which the chi-square approximation is poor.
 * With no discordant rows the models agree everywhere it matters: p = 1.
 */
import { binomialCdf, chiSquare1Sf } from './special';

export const MCNEMAR_EXACT_BELOW = 25;

export interface McNemarResult {
  /** Champion right, challenger wrong. */
  b: number;
  /** Champion wrong, challenger right. */
  c: number;
  discordant: number;
  method: 'exact' | 'chi-square';
  /** The chi-square statistic (continuity-corrected); for the exact test, min(b, c). */
  statistic: number;
  p_value: number;
}

export function mcnemarFromCounts(b: number, c: number, exactBelow = MCNEMAR_EXACT_BELOW): McNemarResult {
  const n = b + c;
  if (n < exactBelow) {
    const k = Math.min(b, c);
    return { b, c, discordant: n, method: 'exact', statistic: k, p_value: n === 0 ? 1 : Math.min(1, 2 * binomialCdf(k, n, 0.5)) };
  }
  const stat = (Math.abs(b - c) - 1) ** 2 / n;
  return { b, c, discordant: n, method: 'chi-square', statistic: stat, p_value: chiSquare1Sf(stat) };
}

/** b and c from per-row correctness of two classifiers (1 = correct). */
export function discordantCounts(championCorrect: Uint8Array, challengerCorrect: Uint8Array): { b: number; c: number } {
  let b = 0;
  let c = 0;
  for (let i = 0; i < championCorrect.length; i++) {
    if (championCorrect[i] && !challengerCorrect[i]) b++;
    else if (!championCorrect[i] && challengerCorrect[i]) c++;
  }
  return { b, c };
}
