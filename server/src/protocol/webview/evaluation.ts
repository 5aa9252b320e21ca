/**
 * Messages of the Evaluation panel. The state carries the evaluation section of a run as the engine
 * produced it (`RunResult.evaluation`); the threshold slider works in the webview from `threshold_sweep`.
 */
import type { CalibrationCurve, PrecisionRecallCurve, ResidualSummary, RocCurve, SliceMetrics, ThresholdSweep } from '../../engine/metrics';
import { commonFromWebview, commonToWebview, gateList, panelMeta } from './common';
import { arr, int, lit, nullable, num, obj, opt, parse, record, str, tagged, union, type Assignable, type Infer, type ParseResult } from './schema';

const interval = obj({ low: num, high: num });

export const rocCurve = obj({ fpr: arr(num), tpr: arr(num), thresholds: arr(num), auc: num });
export const prCurve = obj({ precision: arr(num), recall: arr(num), thresholds: arr(num), averagePrecision: num });
export const calibrationCurve = obj({ probTrue: arr(num), probPred: arr(num), counts: arr(num), expectedCalibrationError: num });
export const sweepPoint = obj({ threshold: num, tp: num, fp: num, tn: num, fn: num });
export const thresholdSweep = obj({ scale: lit('probability', 'score'), points: arr(sweepPoint, 100_000) });
const residuals = obj({ rows: num, mean: num, std: num, quantiles: record(num), maxAbs: num });
const slice = obj({ slice: str, rows: int, metrics: record(nullable(num)), notes: arr(str) });

export const evaluationResult = obj({
  rows: int,
  task: str,
  threshold: opt(num),
  metrics: record(nullable(num)),
  intervals: record(nullable(interval)),
  labels: arr(union(str, num)),
  confusion_matrix: opt(arr(arr(num))),
  curves: opt(obj({ roc: opt(nullable(rocCurve)), precision_recall: opt(nullable(prCurve)), calibration: opt(nullable(calibrationCurve)) })),
  threshold_sweep: opt(nullable(thresholdSweep)),
  residuals: opt(nullable(residuals)),
  slices: opt(arr(obj({ column: str, slices: arr(slice) }))),
  notes: arr(str),
});
export type EvaluationView = Infer<typeof evaluationResult>;
export type SweepPointView = Infer<typeof sweepPoint>;

// The engine's shapes fit the panel's (a compile error here means the panel must follow a change).
export type EngineFits = [
  Assignable<RocCurve, Infer<typeof rocCurve>>,
  Assignable<PrecisionRecallCurve, Infer<typeof prCurve>>,
  Assignable<CalibrationCurve, Infer<typeof calibrationCurve>>,
  Assignable<ThresholdSweep, Infer<typeof thresholdSweep>>,
  Assignable<ResidualSummary, Infer<typeof residuals>>,
  Assignable<SliceMetrics, Infer<typeof slice>>,
];

export const evaluationState = obj({ meta: panelMeta, gates: gateList, evaluation: evaluationResult });
export type EvaluationState = Infer<typeof evaluationState>;

export const evaluationToWebview = tagged({ state: { state: evaluationState }, ...commonToWebview });
export type EvaluationToWebview = Infer<typeof evaluationToWebview>;

export const evaluationFromWebview = tagged({ ...commonFromWebview });
export type EvaluationFromWebview = Infer<typeof evaluationFromWebview>;

export const parseEvaluationToWebview = (v: unknown): ParseResult<EvaluationToWebview> => parse(evaluationToWebview, v);
export const parseEvaluationFromWebview = (v: unknown): ParseResult<EvaluationFromWebview> => parse(evaluationFromWebview, v);
