/** The typed view of a `kind: pipeline` spec, built from the parsed value like spec.ts builds models. */
import type { Gates } from '../spec/spec';

export interface Stage {
  name: string;
  description?: string;
  cmd?: string;
  /** As written (relative to the pipeline file) and normalised, in order. */
  deps: string[];
  outs: string[];
  /** The model spec's path as written. */
  spec?: string;
  after: string[];
}

export interface CanaryStep {
  traffic: number;
  duration?: string;
  gates: Gates;
}

export interface Phase {
  region?: string;
  cohort?: string;
  duration?: string;
  gates: Gates;
}

export type Strategy = 'canary' | 'ab-test' | 'phased';

export interface Deploy {
  strategy?: Strategy;
  steps: CanaryStep[];
  splits: Record<string, number>;
  metric?: string;
  minSampleSize?: number;
  baseline?: number;
  minimumDetectableEffect?: number;
  duration?: string;
  phases: Phase[];
  rollback: { when: Gates; to?: string };
}

export interface Pipeline {
  file: string;
  dir: string;
  name: string;
  stages: Stage[];
  deploy?: Deploy;
}

/** An edge of the stage graph: `to` needs `from`, because of the reference at `via`. */
export interface StageEdge {
  from: string;
  to: string;
  /** JSON path of the `after`/`deps` item that makes the edge. */
  via: (string | number)[];
  /** What links them: `after`, `stage:NAME`, or the file. */
  reason: string;
}
