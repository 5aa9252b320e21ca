/**
 * Messages of the Explainability panel. The state carries the explain section of a run; the row
 * picker asks the host for one row's SHAP values (`explainRow`), and the host answers with `row` or
 * `rowError` (the host sends `plumb/explainRow` to the server with the panel's own spec).
 */
import type { FeatureImportance, PartialDependenceResult, RowExplanation } from '../../engine/explain/types';
import { commonFromWebview, commonToWebview, gateList, panelMeta, rowIndex } from './common';
import { arr, int, lit, nullable, num, obj, opt, parse, record, str, tagged, union, type Assignable, type Infer, type ParseResult } from './schema';

const importance = obj({ mean: num, std: num, values: arr(num) });
const partialDependence = obj({
  feature: str,
  grid: arr(num),
  categories: opt(arr(str)),
  average: arr(num),
  ice: arr(arr(num)),
  ice_rows: arr(int),
});
export const rowExplanation = obj({
  row: rowIndex,
  method: lit('exact-shapley', 'kernel-shap'),
  base_value: num,
  prediction: num,
  contributions: record(num),
  /** The row's feature values (category names for categorical features); only from `plumb/explainRow`. */
  values: opt(record(nullable(union(num, str)))),
});
export type RowExplanationView = Infer<typeof rowExplanation>;
export type PartialDependenceView = Infer<typeof partialDependence>;

export const explainResult = obj({
  metric: str,
  rows: int,
  importance: record(importance),
  baseline: nullable(num),
  summary: opt(str),
  partial_dependence: arr(partialDependence),
  local: rowExplanation,
});
export type ExplainView = Infer<typeof explainResult>;

export type EngineFits = [
  Assignable<FeatureImportance, Infer<typeof importance>>,
  Assignable<PartialDependenceResult, PartialDependenceView>,
  Assignable<RowExplanation & { row: number }, RowExplanationView>,
];

export const explainState = obj({
  meta: panelMeta,
  gates: gateList,
  explain: explainResult,
  /** Rows of the eval data (the row picker's range), when the run knows it. */
  evalRows: opt(int),
});
export type ExplainState = Infer<typeof explainState>;

export const explainToWebview = tagged({
  state: { state: explainState },
  /** The answer to `explainRow`. */
  row: { explanation: rowExplanation },
  rowError: { row: rowIndex, message: str },
  ...commonToWebview,
});
export type ExplainToWebview = Infer<typeof explainToWebview>;

export const explainFromWebview = tagged({
  ...commonFromWebview,
  /** Explain this 0-based row of the eval data (header excluded). */
  explainRow: { row: rowIndex },
});
export type ExplainFromWebview = Infer<typeof explainFromWebview>;

export const parseExplainToWebview = (v: unknown): ParseResult<ExplainToWebview> => parse(explainToWebview, v);
export const parseExplainFromWebview = (v: unknown): ParseResult<ExplainFromWebview> => parse(explainFromWebview, v);
