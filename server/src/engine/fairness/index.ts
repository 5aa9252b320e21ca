/**
 * Fairness checks across sensitive groups, with Fairlearn's definitions (see README.md).
 */
export { computeFairness, DEFAULT_BOOTSTRAP, DEFAULT_MIN_GROUP_SIZE } from './compute';
export { dataBias, type DataBiasOptions } from './dataBias';
export {
  BINARY_GROUP_METRICS,
  describeFairnessMetric,
  FAIRNESS_METRIC_NAMES,
  fairnessMetricNames,
  groupMetricsFor,
  isFairnessMetric,
  MULTICLASS_GROUP_METRICS,
  NAMED_FAIRNESS_METRICS,
  REGRESSION_GROUP_METRICS,
} from './catalog';
export { disparity } from './disparity';
export { FOUR_FIFTHS } from './fourFifths';
export { MISSING_GROUP } from './groups';
export type {
  BootstrapOptions,
  FairnessGroup,
  FairnessOptions,
  FairnessResult,
  FourFifths,
  GroupCell,
  Interval,
  RelativeTo,
  SensitiveGrouping,
} from './types';
