/**
 * Prediction drift: the same column tests on model outputs, scores (numbers) or labels (strings).
 * Evidently treats probabilities and regression outputs as numeric and labels as categories; labels
 * given as 0/1 numbers pick the same tests either way (z-test or Jensen-Shannon).
 */
import { PlumbError, throwIfCancelled } from '../errors';
import { emptyCurrentDrift, featureDrift } from './column';
import { categoricalSample, numericSample, sampleSize, type Sample } from './sample';
import { checkMethod, checkThreshold } from './select';
import type { FeatureDrift, PredictionDriftOptions } from './types';

function labelSample(labels: readonly (string | null)[]): Sample {
  const categories: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(labels.length);
  labels.forEach((l, i) => {
    if (l === null || l === undefined) {
      codes[i] = -1;
      return;
    }
    let c = index.get(l);
    if (c === undefined) {
      c = categories.length;
      categories.push(l);
      index.set(l, c);
    }
    codes[i] = c;
  });
  return categoricalSample(codes, categories);
}

function toSample(x: Float64Array | readonly (string | null)[]): Sample {
  return x instanceof Float64Array ? numericSample(x) : labelSample(x);
}

export function computePredictionDrift(
  reference: Float64Array | readonly (string | null)[],
  current: Float64Array | readonly (string | null)[],
  options: PredictionDriftOptions = {},
): FeatureDrift {
  const method = checkMethod(options.method ?? 'auto');
  checkThreshold(options.threshold);
  const name = options.name ?? 'prediction';
  if ((reference instanceof Float64Array) !== (current instanceof Float64Array)) {
    throw new PlumbError('drift.prediction-kind', 'Prediction drift needs the same kind of output on both sides: scores on both, or labels on both.');
  }
  throwIfCancelled(options.signal);
  const ref = toSample(reference);
  const cur = toSample(current);
  if (sampleSize(ref) === 0) {
    throw new PlumbError('drift.no-reference-predictions', 'The model produced no predictions on the reference data (all missing), so prediction drift cannot be measured.');
  }
  if (sampleSize(cur) === 0) return emptyCurrentDrift(name, ref, cur, method);
  return featureDrift(name, ref, cur, { method, threshold: options.threshold });
}
