/** Result shapes of champion vs challenger comparisons: plain JSON, like every Plumb result. */
import type { GateResult } from '../run/gates';
import type { Task } from '../metrics/types';
import type { McNemarResult } from './mcnemar';
import type { PairedMetric } from './pairedBootstrap';

export interface Delta {
  champion: number | null;
  challenger: number | null;
  /** challenger - champion; null when either is undefined. */
  delta: number | null;
}

/** A disparity of both models, with the paired bootstrap interval of the delta (null without one). */
export interface FairnessDelta extends Delta {
  interval: { low: number; high: number } | null;
}

export interface FairnessComparison {
  sensitive: string[];
  /** Disparities (Fairlearn's named metrics, `<m>_difference`, `<m>_ratio`) of both models. */
  metrics: Record<string, FairnessDelta>;
  /** Per-group metrics (selection rate, error rates, listed metrics) of both models. */
  group_metrics: string[];
  groups: { label: string; group: Record<string, string>; count: number; small: boolean; metrics: Record<string, Delta> }[];
  warnings: string[];
}

export interface ModelRef {
  /** The ONNX file (or `column:<name>` for predictions from the data). */
  model: string;
  /** The spec it came from. */
  spec: string;
  threshold?: number;
}

export interface CompareResult {
  spec: string;
  name: string;
  champion: ModelRef;
  challenger: ModelRef;
  data: string;
  rows: number;
  task: Task;
  /** Each metric for both models, the difference and its paired bootstrap interval. */
  metrics: Record<string, PairedMetric>;
  bootstrap: { resamples: number; seed: number; level: number; method: 'paired percentile' } | null;
  /** Classifiers only. */
  mcnemar: McNemarResult | null;
  /** Share of rows where the two models predict different labels (classifiers only). */
  disagreement_rate: number | null;
  disagreements: number | null;
  fairness: FairnessComparison | null;
  gates: GateResult[];
  passed: boolean;
  /** One paragraph for people: what changed and whether the gates hold. */
  verdict: string;
  notes: string[];
  seconds: number;
}

export interface CompareOptions {
  metrics: string[];
  gates: Record<string, string>;
  bootstrap: { n: number; seed: number; level?: number } | false;
}

export type { McNemarResult, PairedMetric, Task };
