/**
 * SHAP values for one row against a background set (interventional expectations): exact Shapley
 * values by enumeration when few features vary, Kernel SHAP above that. Features equal to x in
 * every background row get exactly 0. Every explanation is checked for efficiency,
 * base_value + sum(contributions) = prediction to 1e-9 relative, before it is returned.
 */
import { PlumbError } from '../errors';
import { Random } from '../util/random';
import { checkFeatureNames, checkMatrix, rowsPerCall } from './batch';
import { coalitionValues, gameEnds, varyingFeatures, type Game } from './coalitions';
import { EXACT_HARD_LIMIT, exactShapley } from './shapExact';
import { defaultSamples, kernelSolve, sampleCoalitions } from './shapKernel';
import type { ExplainRowOptions, RowExplanation, ShapMethod } from './types';

/** Relative tolerance of the efficiency check. */
export const EFFICIENCY_TOLERANCE = 1e-9;

export async function explainRow(opts: ExplainRowOptions): Promise<RowExplanation> {
  const { x, background, k, featureNames, predict, signal } = opts;
  if (x.length !== k) throw new PlumbError('explain.bad-shape', `the row to explain has ${x.length} values for ${k} features.`);
  const nb = background.length / k;
  if (!Number.isInteger(nb) || nb < 1) {
    throw new PlumbError('explain.bad-shape', `the background has ${background.length} values, which is not a whole number (>= 1) of rows of ${k} features.`);
  }
  checkMatrix('background', background, nb, k);
  checkFeatureNames(featureNames, k);
  const maxExact = opts.maxExactFeatures ?? 12;
  const method = opts.method ?? 'auto';
  const varying = varyingFeatures(x, background, nb, k);
  const M = varying.length;
  const game: Game = { x, background, nb, k, varying, predict, maxRowsPerCall: rowsPerCall(k, opts.maxRowsPerCall), signal, modelRows: 0 };

  let used: ShapMethod;
  if (method === 'exact') {
    if (M > Math.min(maxExact, EXACT_HARD_LIMIT)) {
      throw new PlumbError(
        'explain.too-many-features-for-exact',
        `exact Shapley values over ${M} varying features need ${2 ** M - 2} coalitions x ${nb} background rows; use method 'kernel' or 'auto'` +
          (M <= EXACT_HARD_LIMIT ? `, or raise maxExactFeatures to ${M}.` : '.'),
      );
    }
    used = 'exact-shapley';
  } else if (method === 'kernel') {
    used = 'kernel-shap';
  } else if (method === 'auto') {
    used = M <= Math.min(maxExact, EXACT_HARD_LIMIT) ? 'exact-shapley' : 'kernel-shap';
  } else {
    throw new PlumbError('explain.bad-option', `method must be 'auto', 'exact' or 'kernel' (got '${String(method)}').`);
  }

  const { fx, fnull, vfull } = await gameEnds(game);
  let phi: Float64Array;
  let coalitions = 0;
  if (used === 'exact-shapley') {
    ({ phi, coalitions } = await exactShapley(game, vfull, fnull));
  } else {
    const nsamples = opts.nsamples ?? defaultSamples(M);
    if (!Number.isFinite(nsamples) || nsamples < 1) throw new PlumbError('explain.bad-option', `nsamples must be a positive number (got ${nsamples}).`);
    const sample = M >= 2 ? sampleCoalitions(M, Math.floor(nsamples), new Random(opts.seed ?? 0)) : { masks: new Uint8Array(0), weights: new Float64Array(0), count: 0 };
    const ey = await coalitionValues(game, sample.masks, sample.count);
    phi = kernelSolve(sample, M, ey, fnull, fx).phi;
    coalitions = sample.count;
  }

  const contributions: Record<string, number> = {};
  for (const name of featureNames) contributions[name] = 0;
  for (let f = 0; f < M; f++) contributions[featureNames[varying[f]]] = phi[f];
  checkEfficiency(fnull, fx, phi);
  return { method: used, base_value: fnull, prediction: fx, contributions, coalitions, model_calls: game.modelRows };
}

/** base + sum(phi) must equal the prediction; a failure means the model is not deterministic. */
export function checkEfficiency(base: number, prediction: number, phi: ArrayLike<number>): void {
  let sum = 0;
  let abs = 0;
  for (let i = 0; i < phi.length; i++) {
    sum += phi[i];
    abs += Math.abs(phi[i]);
  }
  const gap = Math.abs(base + sum - prediction);
  const scale = Math.max(Math.abs(base), Math.abs(prediction), abs);
  if (!(gap <= EFFICIENCY_TOLERANCE * scale)) {
    throw new PlumbError(
      'explain.efficiency',
      `the contributions add up to ${base + sum}, not to the prediction ${prediction} (gap ${gap}); the model's output changes between identical inputs, so it cannot be explained this way.`,
    );
  }
}
