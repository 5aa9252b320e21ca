/**
 * Plumb's evaluation metrics: columns in (MetricInput), plain JSON out. Definitions follow
 * scikit-learn; see README.md in this folder for the conventions (undefined values, zero division,
 * downsampling, bootstrap).
 */
export type { Task, BinaryInput, MulticlassInput, RegressionInput, MetricInput } from './types';
export { METRIC_CATALOG, metricNamesFor, type MetricInfo } from './catalog';
export { computeMetric, computeMetrics, computableMetrics, type MetricValues } from './compute';
export { confusionMatrix, rocCurve, precisionRecallCurve, type RocCurve, type PrecisionRecallCurve, type CurveOptions } from './curves';
export { calibrationCurve, type CalibrationCurve, type CalibrationStrategy } from './calibration';
export { thresholdSweep, type ThresholdSweep, type SweepPoint } from './thresholdSweep';
export { residualSummary, RESIDUAL_QUANTILES, type ResidualSummary } from './residuals';
export { bootstrapIntervals, bootstrapRows, DEFAULT_BOOTSTRAP_RESAMPLES, type BootstrapOptions, type Interval } from './bootstrap';
export { subsetInput, metricsBySlice, type SliceMetrics } from './slices';
export { MAX_CURVE_POINTS } from './downsample';
export { validateInput } from './validate';
