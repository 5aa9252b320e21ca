/** Model-agnostic explanations: permutation importance, SHAP values for one row, partial dependence and ICE, plain-language summaries. */
export * from './types';
export { permutationImportance } from './permutation';
export { explainRow, checkEfficiency, EFFICIENCY_TOLERANCE } from './explainRow';
export { sampleBackground, takeRows } from './background';
export { partialDependence, defaultGrid, DEFAULT_GRID_POINTS } from './partialDependence';
export { summarizeImportance, summarizeDirection, summarizeRow, directionOf, formatNumber } from './summary';
export type { Direction, ImportanceSummaryOptions, DirectionSummaryOptions, RowSummaryOptions } from './summary';
