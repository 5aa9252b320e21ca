/**
 * computeFairness: group the rows by the sensitive columns, compute every per-group metric, their
 * disparities (Fairlearn's definitions), the four-fifths rule and bootstrap intervals, with warnings
 * for small groups and notes for every value that is undefined. See README.md for the definitions.
 */
import { PlumbError, throwIfCancelled } from '../errors';
import type { MetricInput } from '../metrics/types';
import { bootstrapIntervals } from './bootstrap';
import { binaryFamily, labelFamily, multiclassFamily } from './cellStats';
import { allDisparities } from './disparity';
import type { Family, MetricValues } from './family';
import { fourFifths } from './fourFifths';
import { buildGroups, rowsByGroup } from './groups';
import { listedFamily } from './listedMetrics';
import { numericLabelFamily, regressionFamily } from './meanStats';
import { metricFunctions } from './metricFunctions';
import { disparityNotes, groupWarnings, missingNotes, undefinedNotes } from './notes';
import type { FairnessGroup, FairnessOptions, FairnessResult } from './types';

export const DEFAULT_MIN_GROUP_SIZE = 30;
export const DEFAULT_BOOTSTRAP = { n: 200, seed: 0, level: 0.95 };

const TASK = { binary: 'binary-classification', multiclass: 'multiclass-classification', regression: 'regression' } as const;

export function computeFairness(opts: FairnessOptions): FairnessResult {
  const { table, input } = opts;
  const relativeTo = opts.relativeTo ?? 'groups';
  const minGroupSize = opts.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const boot = opts.bootstrap === false ? null : { ...DEFAULT_BOOTSTRAP, ...(opts.bootstrap ?? {}) };
  const listed = [...new Set(opts.metrics ?? [])];
  const n = table.rowCount;
  if (n === 0) throw new PlumbError('fairness.no-rows', 'The data has no rows, so there are no groups to compare.', { file: table.file });
  checkInput(opts);
  throwIfCancelled(opts.signal);

  const index = buildGroups(table, opts.sensitive, opts.groups);
  throwIfCancelled(opts.signal);
  const G = index.groups.length;
  const notes: string[] = [...missingNotes(index, opts.sensitive)];

  const families: Family[] = [];
  if (input?.kind === 'binary') families.push(binaryFamily(index.ids, G, input.y, input.pred));
  else if (input?.kind === 'multiclass') {
    families.push(multiclassFamily(index.ids, G, input.y, input.pred));
    notes.push('Multiclass model: per group, accuracy and the listed metrics only; selection and error rates and Fairlearn\'s named metrics (demographic parity, equalized odds) need binary classification.');
  } else if (input?.kind === 'regression') families.push(regressionFamily(index.ids, G, input.y, input.pred));
  else if (opts.y instanceof Uint8Array) families.push(labelFamily(index.ids, G, opts.y));
  else if (opts.y instanceof Float64Array) families.push(numericLabelFamily(index.ids, G, opts.y));

  const builtIn = new Set(families.flatMap((f) => f.names));
  const extra = listed.filter((m) => !builtIn.has(m));
  if (extra.length && input) {
    const { order, offsets } = rowsByGroup(index);
    families.push(listedFamily(metricFunctions, extra, input, order, offsets, boot?.n ?? 0));
  } else if (extra.length) {
    notes.push(`${extra.map((m) => `\`${m}\``).join(', ')} need predictions; this check has labels only, so they are not computed.`);
  }
  throwIfCancelled(opts.signal);

  const point: MetricValues = {};
  for (const f of families) Object.assign(point, f.point);
  const names = families.flatMap((f) => f.names.filter((m) => point[m]));
  const metrics = allDisparities(point, relativeTo);

  const groups: FairnessGroup[] = index.groups.map((g, k) => {
    const row: FairnessGroup = { group: g.group, label: g.label, count: index.counts[k], share: index.counts[k] / n, small: index.counts[k] < minGroupSize };
    for (const m of names) row[m] = point[m].groups[k];
    return row;
  });
  const overall: Record<string, number | null> = {};
  for (const m of names) overall[m] = point[m].overall;

  const labels = index.groups.map((g) => g.label);
  notes.push(...undefinedNotes(index, families, point), ...families.flatMap((f) => f.notes?.(labels) ?? []), ...disparityNotes(point, metrics, relativeTo));
  const warnings = groupWarnings(index, minGroupSize);

  let intervals: FairnessResult['intervals'] = {};
  if (boot && boot.n > 0) {
    const res = bootstrapIntervals({ families, counts: index.counts, relativeTo, point: metrics, n: boot.n, seed: boot.seed, level: boot.level, signal: opts.signal });
    intervals = res.intervals;
    notes.push(...res.notes);
  }

  return {
    sensitive: [...opts.sensitive],
    task: input ? TASK[input.kind] : 'data',
    relative_to: relativeTo,
    min_group_size: minGroupSize,
    rows: n,
    group_metrics: names,
    groups,
    overall,
    metrics,
    intervals,
    bootstrap: boot && boot.n > 0 ? { resamples: boot.n, seed: boot.seed, level: boot.level, method: 'percentile, whole-data resampling (Fairlearn MetricFrame n_boot)' } : null,
    four_fifths: point.selection_rate ? fourFifths(index, point.selection_rate.groups, notes) : null,
    warnings,
    notes,
  };
}

function checkInput(opts: FairnessOptions): void {
  const { table, input } = opts;
  const n = table.rowCount;
  const labels = input ? input.y : opts.y;
  if (labels && labels.length !== n) {
    throw new PlumbError('fairness.length-mismatch', `The data has ${n} rows but ${labels.length} labels were given; labels and predictions must have one value per row.`, { file: table.file });
  }
  if (!input) {
    if (opts.y instanceof Uint8Array) checkBinaryLabels(opts.y, table.file);
    return;
  }
  if (input.pred.length !== n) {
    throw new PlumbError('fairness.length-mismatch', `The data has ${n} rows but ${input.pred.length} predictions were given; predictions must have one value per row.`, { file: table.file });
  }
  if (input.kind === 'binary') {
    for (let i = 0; i < n; i++) {
      if ((input.y[i] | input.pred[i]) > 1) {
        throw new PlumbError('fairness.not-binary', `Row ${i + 1}: binary labels and predictions must be 0 or 1 (got label ${input.y[i]}, prediction ${input.pred[i]}).`, { file: table.file });
      }
    }
  } else if (input.kind === 'regression') {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(input.y[i]) || !Number.isFinite(input.pred[i])) {
        throw new PlumbError('fairness.missing-value', `Row ${i + 1}: the label or prediction is missing or not finite; drop rows without a label before the fairness check.`, { file: table.file });
      }
    }
  }
}

function checkBinaryLabels(y: Uint8Array, file: string): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 1) throw new PlumbError('fairness.not-binary', `Row ${i + 1}: binary labels must be 0 or 1 (got ${y[i]}).`, { file });
  }
}
