/**
 * Runs a spec's sections and collects plain-JSON results and gate outcomes: the one entry point
 * the CLI, the language server's worker and the tests share. Loads each data file once, with only
 * the columns the sections need, and runs the model once per data set.
 */
import { loadTable } from '../data';
import type { ColumnType, Table } from '../data/table';
import { throwIfCancelled, type CancelSignal } from '../errors';
import { createPredictor, readModelSignature, type Prediction, type Predictor, type TensorInfo } from '../model';
import type { Spec } from '../spec/spec';
import type { MetricInput } from '../metrics/types';
import { runEvaluation, type EvaluationResult } from './evaluation';
import { featureMatrix } from './features';
import type { GateResult } from './gates';
import { predictionFromColumn, toMetricInput } from './targets';
import { runFairnessSection } from './fairnessSection';
import { runDriftSections } from './driftSection';
import { runExplainSection } from './explainSection';

export type Section = 'evaluation' | 'fairness' | 'drift' | 'monitoring' | 'explain';
export const ALL_SECTIONS: Section[] = ['evaluation', 'fairness', 'drift', 'monitoring', 'explain'];

export interface RunOptions {
  only?: Section[];
  signal?: CancelSignal;
  /** Progress for long runs: a message and, when known, the fraction done of the current step. */
  onProgress?: (message: string, fraction?: number) => void;
}

export interface RunResult {
  spec: string;
  name: string;
  sections: Section[];
  evaluation?: EvaluationResult;
  fairness?: unknown;
  drift?: unknown;
  monitoring?: unknown;
  explain?: unknown;
  gates: GateResult[];
  passed: boolean;
  seconds: number;
}

/** Everything a section may need, loaded lazily and at most once. */
export class RunContext {
  private tables = new Map<string, Promise<Table>>();
  private predictor?: Promise<Predictor>;
  private featureTypes?: Promise<Record<string, ColumnType>>;
  private predictions = new Map<Table, Promise<Prediction>>();
  private inputs = new Map<Table, Promise<{ input: MetricInput; labels: (string | number)[] }>>();

  constructor(readonly spec: Spec, readonly options: RunOptions) {}

  table(path: string, role: string): Promise<Table> {
    let t = this.tables.get(path);
    if (!t) {
      t = this.numericFeatures().then((types) => {
        this.options.onProgress?.(`Loading ${role} data`);
        return loadTable(path, { types, signal: this.options.signal, delimiter: this.spec.data?.delimiter, onProgress: (f: number) => this.options.onProgress?.(`Loading ${role} data`, f) });
      });
      this.tables.set(path, t);
    }
    return t;
  }

  /**
   * Features the model takes as numbers are read as numbers, so a stray "n/a" or "forty" in one is
   * an error naming its line and column rather than turning the whole column into text.
   */
  private numericFeatures(): Promise<Record<string, ColumnType>> {
    this.featureTypes ??= (async () => {
      const m = this.spec.model;
      if (!m?.path || !m.features.length) return {};
      const sig = await readModelSignature(m.path);
      const isNumeric = (t: TensorInfo | undefined) => !!t && t.elemType !== 'string' && t.elemType !== 'unknown';
      const single = m.input !== undefined ? sig.inputs.find((i) => i.name === m.input) : sig.inputs.length === 1 ? sig.inputs[0] : undefined;
      const numeric = single ? (isNumeric(single) ? m.features : []) : m.features.filter((f) => isNumeric(sig.inputs.find((i) => i.name === f)));
      return Object.fromEntries(numeric.map((f) => [f, 'numeric' as const]));
    })();
    return this.featureTypes;
  }

  evalTable(): Promise<Table> {
    return this.table(this.spec.data!.eval!, 'eval');
  }

  hasPredictions(): boolean {
    return !!(this.spec.data?.prediction || this.spec.model?.path);
  }

  getPredictor(): Promise<Predictor> {
    const m = this.spec.model!;
    this.predictor ??= createPredictor({ modelPath: m.path!, task: m.task, features: m.features, input: m.input, output: m.output, positiveLabel: typeof m.positiveLabel === 'boolean' ? Number(m.positiveLabel) : m.positiveLabel });
    return this.predictor;
  }

  predict(table: Table): Promise<Prediction> {
    let p = this.predictions.get(table);
    if (!p) {
      p = (async () => {
        if (this.spec.data?.prediction) return predictionFromColumn(table, this.spec.data.prediction, this.spec);
        const predictor = await this.getPredictor();
        this.options.onProgress?.('Running the model');
        return predictor.predict(featureMatrix(table, this.spec.model!.features), {
          signal: this.options.signal,
          onProgress: (done, total) => this.options.onProgress?.('Running the model', done / total),
        });
      })();
      this.predictions.set(table, p);
    }
    return p;
  }

  metricInput(table: Table): Promise<{ input: MetricInput; labels: (string | number)[] }> {
    let p = this.inputs.get(table);
    if (!p) {
      p = this.predict(table).then((pred) => toMetricInput(table, this.spec, pred, this.spec.model?.path ?? table.file));
      this.inputs.set(table, p);
    }
    return p;
  }

  async dispose(): Promise<void> {
    if (this.predictor) await (await this.predictor.catch(() => undefined))?.dispose();
  }
}

export function sectionsToRun(spec: Spec, only?: Section[]): Section[] {
  const present = ALL_SECTIONS.filter((s) => spec[s] !== undefined);
  return only?.length ? present.filter((s) => only.includes(s)) : present;
}

export async function runChecks(spec: Spec, options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const sections = sectionsToRun(spec, options.only);
  const ctx = new RunContext(spec, options);
  const result: RunResult = { spec: spec.file, name: spec.name, sections, gates: [], passed: true, seconds: 0 };
  try {
    for (const section of sections) {
      throwIfCancelled(options.signal);
      options.onProgress?.(`Running ${section}`);
      if (section === 'evaluation') {
        const table = await ctx.evalTable();
        const { input, labels } = await ctx.metricInput(table);
        const { result: r, gates } = runEvaluation(spec, table, input, labels, options.signal);
        result.evaluation = r;
        result.gates.push(...gates);
      } else if (section === 'fairness') {
        const { result: r, gates } = await runFairnessSection(ctx);
        result.fairness = r;
        result.gates.push(...gates);
      } else if (section === 'drift' || section === 'monitoring') {
        if (section === 'monitoring' && sections.includes('drift')) continue; // computed with drift
        const r = await runDriftSections(ctx, sections);
        if (r.drift) result.drift = r.drift;
        if (r.monitoring) result.monitoring = r.monitoring;
        result.gates.push(...r.gates);
      } else if (section === 'explain') {
        result.explain = await runExplainSection(ctx);
      }
    }
  } finally {
    await ctx.dispose();
  }
  result.passed = result.gates.every((g) => g.passed);
  result.seconds = Math.round((performance.now() - started) / 10) / 100;
  return result;
}
