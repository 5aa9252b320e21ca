/**
 * computeDrift: compare the current data with the reference column by column, as Evidently's data
 * drift report does (same default tests, thresholds and dataset rule; see README.md).
 */
import { PlumbError, throwIfCancelled } from '../errors';
import { emptyCurrentDrift, featureDrift } from './column';
import { alignColumn, selectColumns } from './columns';
import { sampleOf, sampleSize } from './sample';
import { checkMethod, checkThreshold } from './select';
import type { DriftOptions, DriftResult, FeatureDrift } from './types';

export const DEFAULT_SHARE_THRESHOLD = 0.5;

export function checkShareThreshold(v: number | undefined): number {
  const s = v ?? DEFAULT_SHARE_THRESHOLD;
  if (!(typeof s === 'number' && s >= 0 && s <= 1)) {
    throw new PlumbError('drift.bad-share-threshold', `The drift share threshold must be between 0 and 1, got ${s}.`);
  }
  return s;
}

export function computeDrift(opts: DriftOptions): DriftResult {
  const { reference, current } = opts;
  const method = checkMethod(opts.method ?? 'auto');
  checkThreshold(opts.threshold);
  const shareThreshold = checkShareThreshold(opts.shareThreshold);
  const { columns, notes } = selectColumns(reference, current, opts.columns, opts.exclude);
  const features: Record<string, FeatureDrift> = {};
  const skipped: { column: string; reason: string }[] = [];
  for (const name of columns) {
    throwIfCancelled(opts.signal);
    const aligned = alignColumn(name, reference, current);
    if (aligned.note) notes.push(aligned.note);
    const ref = sampleOf(aligned.reference);
    const cur = sampleOf(aligned.current);
    if (sampleSize(ref) === 0) {
      skipped.push({ column: name, reason: `every value of \`${name}\` is missing in the reference data (${reference.file}), so there is nothing to compare against` });
      continue;
    }
    features[name] = sampleSize(cur) === 0 ? emptyCurrentDrift(name, ref, cur, method) : featureDrift(name, ref, cur, { method, threshold: opts.threshold });
  }
  const compared = Object.keys(features);
  const drifted = compared.filter((c) => features[c].drifted).length;
  const share = compared.length ? drifted / compared.length : 0;
  if (typeof opts.threshold === 'number' && method === 'auto') {
    notes.push(`One threshold (${opts.threshold}) applies to every test that \`auto\` picks, as in Evidently: p-value tests drift below it, distances at or above it.`);
  }
  return {
    features,
    columns: compared,
    number_of_columns: compared.length,
    number_of_drifted_columns: drifted,
    drift_share: share,
    share_threshold: shareThreshold,
    dataset_drift: compared.length > 0 && share >= shareThreshold,
    method,
    reference: { file: reference.file, rows: reference.rowCount },
    current: { file: current.file, rows: current.rowCount },
    skipped,
    notes,
  };
}
