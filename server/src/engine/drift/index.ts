/**
 * Drift detection and monitoring with Evidently's default tests and thresholds (see README.md).
 */
export { computeDrift, DEFAULT_SHARE_THRESHOLD } from './computeDrift';
export { computePredictionDrift } from './predictionDrift';
export { computeMonitoring } from './monitoring';
export { autoTest, chooseTest, DEFAULT_THRESHOLDS, DRIFT_METHODS, DRIFT_TESTS, isDrift, P_VALUE_TESTS } from './select';
export { ks2samp, ksStatistic, type KsResult } from './ks';
export { wasserstein, wassersteinNormed, psi, jensenShannon } from './distances';
export { chiSquare, zTest } from './categoricalTests';
export { kolmogorovNSf } from './kolmogorovN';
export type { Binning } from './binning';
export type {
  ColumnScore,
  DriftMethod,
  DriftOptions,
  DriftResult,
  DriftTest,
  DriftTests,
  DriftThreshold,
  FeatureDrift,
  Histogram,
  MissingDrift,
  MonitoringOptions,
  MonitoringResult,
  MonitoringWindow,
  PredictionDriftOptions,
  Summary,
} from './types';
