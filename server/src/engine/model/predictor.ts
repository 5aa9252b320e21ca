/**
 * Runs an ONNX model over a feature matrix in batches with onnxruntime-node: maps features to
 * inputs (featureFeeds.ts, or rowFeeds.ts for row-major matrices), strips a trailing ZipMap
 * (zipmap.ts), chooses the output to read (outputSelect.ts) and returns plain typed arrays; one
 * number per row is read straight from the output tensors (scalarCollector.ts). Cancellation is
 * checked between batches.
 */
import { readFile } from 'node:fs/promises';
import type * as Ort from 'onnxruntime-node';
import { PlumbError, throwIfCancelled, type CancelSignal } from '../errors';
import { buildFeeds, planInputs, type FeatureMatrix, type InputPlan } from './featureFeeds';
import { parseModelSignature, type ModelSignature } from './onnxSignature';
import { loadOnnxRuntime } from './onnxRuntime';
import { planOutput, type OutputPlan, type Task } from './outputSelect';
import { stripZipMap } from './zipmap';
import { assemble, newCollector, type Prediction } from './predictionAssembly';
import { checkRows, nativeRowType, rowFeeder, ScratchBuffers, type Feeder, type RowMatrix, type RowType } from './rowFeeds';
import { findClass, newScalarCollector } from './scalarCollector';

export type { Prediction } from './predictionAssembly';
export type { RowMatrix, RowType } from './rowFeeds';

export interface PredictorOptions {
  modelPath: string;
  task: Task;
  /** Spec feature names, in the order of the matrix columns. */
  features: string[];
  /** The model input that takes all features as [N, k]. */
  input?: string;
  /** The model output to read. */
  output?: string;
  /** Binary: the class whose probability is the score. Default: the second class. */
  positiveLabel?: number | string;
  /** onnxruntime intra-op threads (default: onnxruntime's choice). */
  threads?: number;
}

export interface PredictOptions {
  /** Also read the model's own label output next to its probabilities (default true). */
  labels?: boolean;
  /** Rows per onnxruntime call. Default 65536. */
  batchSize?: number;
  signal?: CancelSignal;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

export interface ScalarOptions extends PredictOptions {
  /** Multiclass: the class whose probability to return. Default: the predicted class's probability. */
  classLabel?: number | string;
}

export interface Predictor {
  readonly signature: ModelSignature;
  readonly task: Task;
  readonly inputPlan: InputPlan;
  readonly outputPlan: OutputPlan;
  /** True when a ZipMap was removed so onnxruntime-node could return probabilities. */
  readonly zipmapStripped: boolean;
  /**
   * The row-major element type the model takes as is: 'float32' for one float [N, k] input (then
   * float32 rows reach onnxruntime without a copy), 'float64' for one double input, null when rows
   * are converted feature by feature.
   */
  readonly rowType: RowType | null;
  predict(matrix: FeatureMatrix, options?: PredictOptions): Promise<Prediction>;
  /** One number per row: P(positive) for binary, a class's probability for multiclass, the value for regression. */
  predictScalar(matrix: FeatureMatrix, options?: ScalarOptions): Promise<Float64Array>;
  /** `predict` for a row-major matrix: the same result for the same values. The predictor keeps no reference to `m`. */
  predictRows(m: RowMatrix, options?: PredictOptions): Promise<Prediction>;
  /** `predictScalar` for a row-major matrix: the same numbers for the same values. */
  predictRowsScalar(m: RowMatrix, options?: ScalarOptions): Promise<Float64Array>;
  dispose(): Promise<void>;
}

const DEFAULT_BATCH = 65536;

async function readModel(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new PlumbError('onnx.not-found', `cannot open the model ${path}: no such file.`, { file: path });
    throw new PlumbError('onnx.unreadable', `cannot read the model ${path}: ${err.message}.`, { file: path });
  }
}

export async function createPredictor(opts: PredictorOptions): Promise<Predictor> {
  const file = opts.modelPath;
  const bytes = await readModel(file);
  const signature = parseModelSignature(bytes, file);
  let runBytes = bytes;
  let runSignature = signature;
  if (signature.zipmap) {
    if (signature.externalData.length) {
      throw new PlumbError('model.zipmap-external', `${file} ends in ZipMap and keeps weights in external files; Plumb cannot rewrite it in memory. Export it with ZipMap off (skl2onnx: options={'zipmap': False}).`, { file });
    }
    runBytes = stripZipMap(bytes) ?? bytes;
    runSignature = parseModelSignature(runBytes, file);
  }
  const inputPlan = planInputs(runSignature, opts.features, opts.input, file);
  const outputPlan = planOutput(runSignature, opts.task, opts.output, file);
  const ort = await loadOnnxRuntime();
  let session: Ort.InferenceSession;
  try {
    const sessionOptions: Ort.InferenceSession.SessionOptions = { executionProviders: ['cpu'], ...(opts.threads ? { intraOpNumThreads: opts.threads } : {}) };
    // Models with external data are loaded by path so onnxruntime finds the files beside them.
    session = signature.externalData.length
      ? await ort.InferenceSession.create(file, sessionOptions)
      : await ort.InferenceSession.create(runBytes, sessionOptions);
  } catch (e) {
    throw new PlumbError('onnx.load-failed', `onnxruntime could not load ${file}: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const classLabels = signature.classLabels;
  // Without labels, the label tensor is neither fetched nor turned into JS values (explainers call
  // the model on millions of rows and only need the scores).
  const scoresOnly: OutputPlan = { ...outputPlan, labelName: undefined };

  const scratch = new ScratchBuffers();
  const batchOf = (options: PredictOptions): number => Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH));

  /** Runs the batches of `total` rows, handing each result to `take`. */
  async function run(total: number, feeds: Feeder, fetches: string[], take: (result: Ort.InferenceSession.OnnxValueMapType, start: number, end: number) => void, options: PredictOptions): Promise<void> {
    const batch = batchOf(options);
    throwIfCancelled(options.signal);
    for (let start = 0; start < total; start += batch) {
      const end = Math.min(total, start + batch);
      const batchFeeds = feeds(start, end);
      let result: Ort.InferenceSession.OnnxValueMapType;
      try {
        result = await session.run(batchFeeds, fetches);
      } catch (e) {
        throw new PlumbError('model.run-failed', `onnxruntime failed on data rows ${start + 1}-${end} of ${file}: ${e instanceof Error ? e.message : String(e)}`, { file });
      }
      take(result, start, end);
      options.onProgress?.(end, total);
      if (end < total) throwIfCancelled(options.signal);
    }
  }

  async function full(total: number, feeds: Feeder, options: PredictOptions): Promise<Prediction> {
    const plan = options.labels === false ? scoresOnly : outputPlan;
    const collector = newCollector(total);
    await run(total, feeds, [plan.name, ...(plan.labelName ? [plan.labelName] : [])], (r, start, end) => collector.add(plan, r, start, end, opts.task, classLabels, file), options);
    return assemble(collector, plan, opts.task, classLabels, file);
  }

  async function scalarOnly(total: number, feeds: Feeder, options: ScalarOptions): Promise<Float64Array> {
    const collector = newScalarCollector(total, scoresOnly, opts.task, classLabels, options.classLabel ?? opts.positiveLabel, file);
    await run(total, feeds, [scoresOnly.name], (r, start, end) => collector.add(r, start, end), options);
    return collector.finish();
  }

  const columnFeeds = (matrix: FeatureMatrix): Feeder => {
    checkMatrix(matrix, opts.features, file);
    return (start, end) => buildFeeds(ort, inputPlan, matrix, opts.features, start, end, file);
  };

  async function withRows<T>(m: RowMatrix, options: PredictOptions, go: (feeds: Feeder) => Promise<T>): Promise<T> {
    checkRows(m, opts.features, file);
    const feeder = rowFeeder(ort, inputPlan, m, opts.features, batchOf(options), scratch, file);
    try {
      return await go(feeder.feeds);
    } finally {
      feeder.release();
    }
  }

  return {
    signature,
    task: opts.task,
    inputPlan,
    outputPlan,
    zipmapStripped: runBytes !== bytes,
    rowType: nativeRowType(inputPlan),
    predict: async (matrix, options = {}) => full(matrix.rows, columnFeeds(matrix), options),
    predictScalar: async (matrix, options = {}) => scalarOnly(matrix.rows, columnFeeds(matrix), options),
    predictRows: (m, options = {}) => withRows(m, options, (feeds) => full(m.rows, feeds, options)),
    predictRowsScalar: (m, options = {}) => withRows(m, options, (feeds) => scalarOnly(m.rows, feeds, options)),
    async dispose() {
      await session.release();
    },
  };
}

function checkMatrix(m: FeatureMatrix, features: string[], file: string): void {
  if (m.columns.length !== features.length) {
    throw new PlumbError('model.matrix-shape', `the feature matrix has ${m.columns.length} columns for ${features.length} features (${features.join(', ')}).`, { file });
  }
  m.columns.forEach((c, j) => {
    const n = c instanceof Float64Array ? c.length : c.codes.length;
    if (n < m.rows) throw new PlumbError('model.matrix-shape', `feature \`${features[j]}\` has ${n} values for ${m.rows} rows.`, { file, column: features[j] });
  });
}

/** One number per row from a prediction (see Predictor.predictScalar). */
export function scalar(p: Prediction, task: Task, label: number | string | undefined, file: string): Float64Array {
  switch (p.kind) {
    case 'value':
      return p.value;
    case 'score':
      return p.score;
    case 'proba': {
      const C = p.classes.length;
      const n = p.proba.length / C;
      const out = new Float64Array(n);
      if (task === 'binary-classification' || label !== undefined) {
        const j = label !== undefined ? findClass(p.classes, label, file) : C - 1;
        for (let i = 0; i < n; i++) out[i] = p.proba[i * C + j];
      } else {
        for (let i = 0; i < n; i++) {
          let best = -Infinity;
          for (let j = 0; j < C; j++) best = Math.max(best, p.proba[i * C + j]);
          out[i] = best;
        }
      }
      return out;
    }
    case 'label': {
      const positive = label ?? (task === 'binary-classification' ? (p.classes ? p.classes[p.classes.length - 1] : 1) : undefined);
      if (positive === undefined) {
        throw new PlumbError('model.no-scalar', `the model outputs only labels; name the class to score (\`positive_label\`) to get one number per row.`, { file });
      }
      if (p.classes) findClass(p.classes, positive, file);
      return Float64Array.from(p.labels, (l) => (String(l) === String(positive) ? 1 : 0));
    }
  }
}
