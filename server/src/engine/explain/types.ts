/**
 * Shapes shared by the model-agnostic explanations. The model is a black box: a batched function
 * from a row-major matrix to one number per row. Results are plain JSON (no classes, no Maps), so
 * they pass engine -> LSP -> webview and `plumb --format json` unchanged.
 */
import type { CancelSignal } from '../errors';

/**
 * The model as the explainers see it: `X` is `rows x k`, row-major; the answer is one number per
 * row (the positive class's probability, a chosen class's probability, or a regression value).
 * Categorical features arrive as numeric codes. The explainers reuse `X`'s memory once the promise
 * has resolved, so a predictor must not keep a reference to it.
 *
 * `float32`, when present, is the same model taking float32 rows, for a model that rounds its input
 * to float32 anyway (an ONNX model with one float input): the explainers then build the rows they
 * change in float32 and call it, with half the memory and no conversion per call. It must return
 * exactly what the function returns for the same values (each rounded to float32, as JS rounds them
 * when storing into a Float32Array).
 */
export type PredictFn = ((X: Float64Array, rows: number, signal?: CancelSignal) => Promise<Float64Array>) & {
  float32?: (X: Float32Array, rows: number, signal?: CancelSignal) => Promise<Float64Array>;
};

export interface PermutationImportanceOptions<Y = unknown> {
  /** rows x k, row-major. Not modified. */
  X: Float64Array;
  rows: number;
  k: number;
  featureNames: string[];
  /** The truth, handed to `metric` as its second argument (a closure over it works as well). */
  y?: Y;
  predict: PredictFn;
  /** The metric of one prediction vector (one value per row). Must be deterministic. */
  metric: (pred: Float64Array, y: Y) => number;
  /** Name of the metric in the result, e.g. `roc_auc`. Default `metric`. */
  metricName?: string;
  higherIsBetter: boolean;
  /** Shuffles per feature (default 5). */
  repeats?: number;
  seed?: number;
  /** Most rows in one predict call (default: 1,000,000 and at most 2^21 cells). */
  maxRowsPerCall?: number;
  signal?: CancelSignal;
  /** Called after the baseline and after each feature: (features done, features in all). */
  onProgress?: (done: number, total: number) => void;
}

export interface FeatureImportance {
  /** Mean drop of the metric over the repeats (a rise for lower-is-better metrics): positive = the feature matters. */
  mean: number;
  /** Standard deviation of `values` (ddof = 0, as numpy and scikit-learn compute it). */
  std: number;
  /** One drop per repeat. */
  values: number[];
}

export interface PermutationImportanceResult {
  metric: string;
  higher_is_better: boolean;
  /** The metric on the unshuffled data. */
  baseline: number;
  repeats: number;
  /** By feature name, in the order of the columns. */
  importance: Record<string, FeatureImportance>;
  /** Rows evaluated by the model. */
  model_calls: number;
}

export type ShapMethod = 'exact-shapley' | 'kernel-shap';

export interface ExplainRowOptions {
  /** The row to explain (k values). */
  x: Float64Array;
  /** n_b x k, row-major: the background the absent features are drawn from. */
  background: Float64Array;
  k: number;
  featureNames: string[];
  predict: PredictFn;
  /** 'auto' (default): exact when at most `maxExactFeatures` features vary, Kernel SHAP above. */
  method?: 'auto' | 'exact' | 'kernel';
  /** Default 12. */
  maxExactFeatures?: number;
  /** Kernel SHAP coalitions (default 2k + 2048, as shap's KernelExplainer; capped at 2^k - 2). */
  nsamples?: number;
  seed?: number;
  maxRowsPerCall?: number;
  signal?: CancelSignal;
}

export interface RowExplanation {
  method: ShapMethod;
  /** Mean model output over the background. */
  base_value: number;
  /** The model output for the row; base_value + sum(contributions) equals it (checked to 1e-9 relative). */
  prediction: number;
  /** By feature name, in the order of the columns. */
  contributions: Record<string, number>;
  /** Coalitions evaluated, not counting the empty and the full one. */
  coalitions: number;
  /** Rows evaluated by the model. */
  model_calls: number;
}

export interface PartialDependenceOptions {
  X: Float64Array;
  rows: number;
  k: number;
  /** Column index of the feature. */
  feature: number;
  /** Names of all columns (give this or `featureName`). */
  featureNames?: string[];
  /** Name of the explained feature only; default: featureNames[feature], else `x<feature>`. */
  featureName?: string;
  /** Category names per column (null for numeric columns); a categorical feature's grid is its codes. */
  featureCategories?: (string[] | null)[];
  /** Values to set the feature to. Default: see `defaultGrid`. */
  grid?: number[];
  predict: PredictFn;
  /** Rows whose individual curves are returned (seeded sample; default 50). All rows when rows <= iceRows. */
  iceRows?: number;
  seed?: number;
  maxRowsPerCall?: number;
  signal?: CancelSignal;
}

export interface PartialDependenceResult {
  feature: string;
  grid: number[];
  /** For a categorical feature: the name of each grid code. */
  categories?: string[];
  /** Mean prediction over all rows with the feature set to each grid value (scikit-learn's 'brute' method). */
  average: number[];
  /** One curve per sampled row (`ice_rows`), each with one value per grid point. */
  ice: number[][];
  /** 0-based row indices of the ICE curves, ascending. */
  ice_rows: number[];
  model_calls: number;
}
