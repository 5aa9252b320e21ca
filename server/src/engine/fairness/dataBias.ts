/**
 * Bias in the data before any model: how many rows each group has (representation) and its label base
 * rate (or mean label for a numeric target), with the disparity of those base rates. No predictions.
 */
import { computeFairness } from './compute';
import type { FairnessOptions, FairnessResult } from './types';

export type DataBiasOptions = Omit<FairnessOptions, 'input' | 'metrics'>;

export function dataBias(opts: DataBiasOptions): FairnessResult {
  return computeFairness({ ...opts, input: null });
}
