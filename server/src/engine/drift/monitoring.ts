/**
 * computeMonitoring: drift of each window of the current data against the whole reference, with
 * prediction drift and caller-computed metrics per window, and a recommendation from the first
 * window where the data set drifts or a gate fails. The reference side of every column is
 * prepared (sorted, counted) once and reused by all windows.
 */
import { PlumbError, throwIfCancelled } from '../errors';
import type { Column } from '../data/table';
import { columnScore } from './column';
import { alignColumn, selectColumns } from './columns';
import { checkShareThreshold } from './computeDrift';
import { numericSample, sampleOf, sampleSize, type Sample } from './sample';
import { checkMethod, checkThreshold } from './select';
import type { ColumnScore, MonitoringOptions, MonitoringResult, MonitoringWindow } from './types';
import { buildWindows } from './windows';

const SMALL_WINDOW = 30;

interface PreparedColumn {
  name: string;
  current: Column;
  ref: Sample;
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(3).replace(/\.?0+$/, ''));

function checkScores(scores: Float64Array | undefined, rows: number, side: string, file: string): void {
  if (scores && scores.length !== rows) {
    throw new PlumbError('monitoring.score-length', `Got ${scores.length} ${side} scores for ${rows} rows of ${file}; there must be one score per row.`, { file });
  }
}

export function computeMonitoring(opts: MonitoringOptions): MonitoringResult {
  const { reference, current } = opts;
  const method = checkMethod(opts.method ?? 'auto');
  checkThreshold(opts.threshold);
  const shareThreshold = checkShareThreshold(opts.shareThreshold);
  const exclude = [...(opts.exclude ?? []), ...(opts.timestamp ? [opts.timestamp] : [])];
  const { columns, notes } = selectColumns(reference, current, opts.columns, exclude);
  const windowing = buildWindows(current, opts.window, opts.timestamp);
  checkScores(opts.referenceScores, reference.rowCount, 'reference', reference.file);
  checkScores(opts.currentScores, current.rowCount, 'current', current.file);

  const prepared: PreparedColumn[] = [];
  for (const name of columns) {
    throwIfCancelled(opts.signal);
    const aligned = alignColumn(name, reference, current);
    if (aligned.note) notes.push(aligned.note);
    const ref = sampleOf(aligned.reference);
    if (sampleSize(ref) === 0) {
      notes.push(`\`${name}\` has no values in the reference data, so it is not monitored.`);
      continue;
    }
    prepared.push({ name, current: aligned.current, ref });
  }
  const refScores = opts.referenceScores && opts.currentScores ? numericSample(opts.referenceScores) : null;
  const colOpts = { method, threshold: opts.threshold };
  const passes = opts.passes ?? (() => true);

  const windows: MonitoringWindow[] = [];
  for (const [index, w] of windowing.windows.entries()) {
    throwIfCancelled(opts.signal);
    const features: Record<string, ColumnScore> = {};
    for (const p of prepared) features[p.name] = columnScore(p.ref, sampleOf(p.current, w.rows), colOpts);
    const names = Object.keys(features);
    const drifted = names.filter((n) => features[n].drifted);
    const share = names.length ? drifted.length / names.length : null;
    const win: MonitoringWindow = {
      index,
      start: w.start,
      end: w.end,
      label: w.label,
      rows: w.rows.length,
      drift_share: share,
      dataset_drift: share !== null && share >= shareThreshold,
      drifted_columns: drifted,
      features,
      failed_gates: [],
    };
    const gateValues: Record<string, number | null> = { drift_share: share, drifted_columns: drifted.length, dataset_drift: win.dataset_drift ? 1 : 0 };
    if (refScores && opts.currentScores) {
      const cur = numericSample(opts.currentScores, w.rows);
      win.prediction_drift = sampleSize(cur) ? columnScore(refScores, cur, colOpts) : { method: 'none', score: null, drifted: true };
      gateValues.prediction_drift = win.prediction_drift.drifted ? 1 : 0;
    }
    if (opts.metricsForWindow) {
      win.metrics = opts.metricsForWindow(w.rows);
      Object.assign(gateValues, win.metrics);
    }
    win.failed_gates = Object.entries(gateValues)
      .filter(([m, v]) => !passes(m, v))
      .map(([m]) => m);
    windows.push(win);
  }

  const small = windows.filter((w) => w.rows < SMALL_WINDOW);
  if (small.length) notes.push(`${small.length} window${small.length === 1 ? ' has' : 's have'} fewer than ${SMALL_WINDOW} rows (${small.map((w) => w.label).slice(0, 5).join('; ')}); their tests have little power.`);
  if (windowing.withoutTimestamp) notes.push(`${windowing.withoutTimestamp} current rows have no timestamp and are in no window.`);

  const alert = firstAlert(windows, shareThreshold);
  return {
    window: { kind: windowing.kind, size: windowing.size, ms: windowing.ms, rows: windowing.rowsPerWindow },
    timestamp: windowing.kind === 'duration' ? (opts.timestamp ?? null) : null,
    windows,
    empty_windows: windowing.empty,
    rows_without_timestamp: windowing.withoutTimestamp,
    share_threshold: shareThreshold,
    first_alert: alert,
    recommendation: alert ? recommendation(alert, windowing.kind) : null,
    notes,
  };
}

function firstAlert(windows: MonitoringWindow[], shareThreshold: number): MonitoringResult['first_alert'] {
  for (const w of windows) {
    const reasons: string[] = [];
    if (w.dataset_drift) {
      reasons.push(`drift share ${fmt(w.drift_share!)} reached ${fmt(shareThreshold)} (${w.drifted_columns.join(', ')} drifted)`);
    }
    for (const g of w.failed_gates) {
      if (g === 'dataset_drift' && w.dataset_drift) continue;
      const v = g === 'drift_share' ? w.drift_share : g === 'drifted_columns' ? w.drifted_columns.length : g === 'prediction_drift' ? (w.prediction_drift?.drifted ? 1 : 0) : g === 'dataset_drift' ? 0 : w.metrics?.[g];
      reasons.push(g === 'prediction_drift' ? 'predictions drifted' : `${g} ${v === null || v === undefined ? 'could not be computed' : `= ${fmt(v)}`} fails its gate`);
    }
    if (reasons.length) return { index: w.index, start: w.start, reasons };
  }
  return null;
}

function recommendation(alert: NonNullable<MonitoringResult['first_alert']>, kind: 'duration' | 'rows'): string {
  const since =
    kind === 'duration' ? `the window starting ${String(alert.start).replace(/T00:00:00\.000Z$/, '').replace(/:00\.000Z$/, 'Z')}` : `the window starting at row ${Number(alert.start) + 1}`;
  return `Retraining is due since ${since}: ${alert.reasons.join('; ')}.`;
}
