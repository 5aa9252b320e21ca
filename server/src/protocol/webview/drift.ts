/**
 * Messages of the Drift panel. The state carries the drift section (reference vs current per column,
 * with histograms) and the monitoring section (windows over time) of a run; either may be absent.
 */
import type { DriftResult, FeatureDrift, MonitoringResult } from '../../engine/drift/types';
import { commonFromWebview, commonToWebview, gateList, panelMeta } from './common';
import { arr, bool, int, lit, nullable, num, obj, opt, parse, record, str, tagged, union, type Assignable, type Infer, type ParseResult } from './schema';

const histogram = union(
  obj({ kind: lit('numeric'), edges: arr(num), reference: arr(num), current: arr(num) }),
  obj({ kind: lit('categorical'), categories: arr(str), reference: arr(num), current: arr(num), other: opt(obj({ categories: int, reference: num, current: num })) }),
);

export const featureDrift = obj({
  column: str,
  kind: lit('numeric', 'categorical'),
  method: str,
  reason: str,
  statistic: nullable(num),
  p_value: nullable(num),
  score: nullable(num),
  threshold: nullable(num),
  rule: str,
  drifted: bool,
  new_categories: opt(arr(str)),
  missing_categories: opt(arr(str)),
  missing: obj({ reference: obj({ count: num, share: num }), current: obj({ count: num, share: num }), difference: num }),
  histogram: nullable(histogram),
  notes: arr(str),
});
export type FeatureDriftView = Infer<typeof featureDrift>;

export const driftResult = obj({
  features: record(featureDrift),
  columns: arr(str),
  number_of_columns: int,
  number_of_drifted_columns: int,
  drift_share: num,
  share_threshold: num,
  dataset_drift: bool,
  method: str,
  reference: obj({ file: str, rows: int }),
  current: obj({ file: str, rows: int }),
  skipped: arr(obj({ column: str, reason: str })),
  notes: arr(str),
  /** Added by the run when the spec has a model: drift of its scores. */
  prediction_drift: opt(featureDrift),
});
export type DriftView = Infer<typeof driftResult>;

const columnScore = obj({ method: str, score: nullable(num), drifted: bool });
const monitoringWindow = obj({
  index: int,
  start: union(str, num),
  end: union(str, num),
  label: str,
  rows: int,
  drift_share: nullable(num),
  dataset_drift: bool,
  drifted_columns: arr(str),
  features: record(columnScore),
  prediction_drift: opt(columnScore),
  metrics: opt(record(nullable(num))),
  failed_gates: arr(str),
});
export const monitoringResult = obj({
  window: obj({ kind: lit('duration', 'rows'), size: str }),
  timestamp: nullable(str),
  windows: arr(monitoringWindow, 100_000),
  share_threshold: num,
  first_alert: nullable(obj({ index: int, start: union(str, num), reasons: arr(str) })),
  recommendation: nullable(str),
  notes: arr(str),
});
export type MonitoringView = Infer<typeof monitoringResult>;
export type MonitoringWindowView = Infer<typeof monitoringWindow>;

export type EngineFits = [Assignable<FeatureDrift, FeatureDriftView>, Assignable<DriftResult & { prediction_drift?: FeatureDrift }, DriftView>, Assignable<MonitoringResult, MonitoringView>];

export const driftState = obj({ meta: panelMeta, gates: gateList, drift: nullable(driftResult), monitoring: nullable(monitoringResult) });
export type DriftState = Infer<typeof driftState>;

export const driftToWebview = tagged({ state: { state: driftState }, ...commonToWebview });
export type DriftToWebview = Infer<typeof driftToWebview>;

export const driftFromWebview = tagged({ ...commonFromWebview });
export type DriftFromWebview = Infer<typeof driftFromWebview>;

export const parseDriftToWebview = (v: unknown): ParseResult<DriftToWebview> => parse(driftToWebview, v);
export const parseDriftFromWebview = (v: unknown): ParseResult<DriftFromWebview> => parse(driftFromWebview, v);
