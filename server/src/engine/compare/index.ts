/** Champion vs challenger: paired deltas, McNemar's test, fairness deltas, compare gates. */
export { runCompare, challengerSpec, compareMetricNames, isSpecPath } from './runCompare';
export { compareInputs, type CompareInputsOptions, type FairnessSetup } from './compareInputs';
export { pairedBootstrap, type PairedMetric, type PairedOptions } from './pairedBootstrap';
export { mcnemarFromCounts, discordantCounts, MCNEMAR_EXACT_BELOW, type McNemarResult } from './mcnemar';
export { formatCompareText, compareMarkdown } from './formatCompare';
export type { CompareResult, Delta, FairnessComparison, ModelRef } from './types';
