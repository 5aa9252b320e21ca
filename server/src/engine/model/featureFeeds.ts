/**
 * Maps a spec's features onto a model's inputs and builds input tensors for a range of rows.
 * Two layouts: one input [N, k] taking the features in order, or one input per feature matched
 * by name (skl2onnx's layout for DataFrame pipelines), each [N, 1] or [N]. Values are converted
 * to the input's element type; nothing missing is ever turned into 0 or ''.
 */
import type * as Ort from 'onnxruntime-node';
import { PlumbError } from '../errors';
import type { ModelSignature, TensorInfo } from './onnxSignature';

export type FeatureColumn = Float64Array | { codes: Int32Array; categories: string[] };

/** Column-major feature values: one column per spec feature, in the spec's order. */
export interface FeatureMatrix {
  rows: number;
  columns: FeatureColumn[];
}

const SUPPORTED = new Set(['float', 'double', 'int64', 'int32', 'string', 'bool']);

export type InputPlan =
  | { mode: 'matrix'; input: TensorInfo; width: number }
  | { mode: 'per-feature'; inputs: { input: TensorInfo; feature: number; rank: 1 | 2 }[] };

export function describeTensor(t: TensorInfo): string {
  const shape = t.shape ? ` [${t.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]` : '';
  return `\`${t.name}\` ${t.elemType === 'sequence' || t.elemType === 'map' || t.elemType === 'unknown' ? t.type : t.elemType}${shape}`;
}

function list(ts: TensorInfo[]): string {
  return ts.map(describeTensor).join(', ') || 'none';
}

function checkType(t: TensorInfo, file: string): void {
  if (!SUPPORTED.has(t.elemType)) {
    throw new PlumbError('model.unsupported-input', `model input ${describeTensor(t)} has type ${t.type}; Plumb feeds float, double, int64, int32, string and bool tensors.`, { file });
  }
}

/** Decides how the spec's features feed the model's inputs; throws PlumbError naming both. */
export function planInputs(sig: ModelSignature, features: string[], input: string | undefined, file: string): InputPlan {
  const inputs = sig.inputs;
  if (inputs.length === 0) throw new PlumbError('model.no-inputs', `the model has no inputs to feed.`, { file });
  if (input !== undefined) {
    const found = inputs.find((i) => i.name === input);
    if (!found) throw new PlumbError('model.input-not-found', `\`model.input\`: the model has no input \`${input}\` (inputs: ${list(inputs)}).`, { file });
    if (inputs.length > 1) {
      throw new PlumbError('model.input-not-found', `\`model.input\`: the model takes ${inputs.length} inputs (${list(inputs)}), so one input cannot carry every feature; remove \`model.input\` and name the features after the inputs.`, { file });
    }
  }
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const perFeature = inputs.length > 1 || (features.length === 1 && byName.has(features[0]) && input === undefined);
  if (!perFeature) {
    const only = inputs[0];
    checkType(only, file);
    const shape = only.shape;
    if (shape && shape.length !== 2) {
      throw new PlumbError('model.input-shape', `model input ${describeTensor(only)} has rank ${shape.length}; Plumb feeds tabular inputs shaped [N, k] (k = ${features.length} features).`, { file });
    }
    const width = shape?.[1];
    if (typeof width === 'number' && width !== features.length) {
      throw new PlumbError('model.feature-count', `\`features\` lists ${features.length} columns but model input ${describeTensor(only)} takes ${width}; list the ${width} features the model was trained on, in training order.`, { file });
    }
    return { mode: 'matrix', input: only, width: features.length };
  }
  const missing = inputs.filter((i) => !features.includes(i.name));
  if (missing.length) {
    throw new PlumbError('model.input-missing-feature', `model input${missing.length > 1 ? 's' : ''} ${missing.map((m) => `\`${m.name}\``).join(', ')} ${missing.length > 1 ? 'have' : 'has'} no matching entry in \`features\` (features: ${features.join(', ')}; model inputs: ${list(inputs)}).`, { file });
  }
  const unused = features.filter((f) => !byName.has(f));
  if (unused.length) {
    throw new PlumbError('model.feature-not-input', `\`features\` lists ${unused.map((u) => `\`${u}\``).join(', ')}, which the model does not take (model inputs: ${list(inputs)}).`, { file });
  }
  return {
    mode: 'per-feature',
    inputs: inputs.map((i) => {
      checkType(i, file);
      const rank = i.shape?.length ?? 2;
      const width = i.shape?.[1];
      if ((rank !== 1 && rank !== 2) || (rank === 2 && typeof width === 'number' && width !== 1)) {
        throw new PlumbError('model.input-shape', `model input ${describeTensor(i)} should be [N, 1] or [N] to take the single feature \`${i.name}\`.`, { file });
      }
      return { input: i, feature: features.indexOf(i.name), rank: rank as 1 | 2 };
    }),
  };
}

interface Cell {
  feature: string;
  column: FeatureColumn;
}

function numeric(cell: Cell, input: TensorInfo, file: string): Float64Array {
  if (cell.column instanceof Float64Array) return cell.column;
  throw new PlumbError('model.categorical-feature', `feature \`${cell.feature}\` holds text but model input ${describeTensor(input)} takes numbers; encode it before export (e.g. a OneHotEncoder in the pipeline) or feed the model a numeric column.`, { file, column: cell.feature });
}

/** Fills `out` (row-major, `stride` values per row, column `offset`) with rows [start, end) of one feature. */
function fill(out: { length: number; [i: number]: unknown }, cell: Cell, input: TensorInfo, start: number, end: number, stride: number, offset: number, file: string): void {
  const type = input.elemType;
  if (type === 'string') {
    const col = cell.column;
    if (col instanceof Float64Array) {
      throw new PlumbError('model.numeric-feature', `feature \`${cell.feature}\` is numeric but model input ${describeTensor(input)} takes strings; read the column as text.`, { file, column: cell.feature });
    }
    for (let r = start; r < end; r++) {
      const code = col.codes[r];
      if (code < 0) throw missingError(cell.feature, r, input, file);
      out[(r - start) * stride + offset] = col.categories[code];
    }
    return;
  }
  const values = numeric(cell, input, file);
  if (type === 'float') return strided32(out as Float32Array, values, start, end, stride, offset);
  if (type === 'double') return strided64(out as Float64Array, values, start, end, stride, offset);
  for (let r = start; r < end; r++) {
    const v = values[r];
    if (Number.isNaN(v)) throw missingError(cell.feature, r, input, file);
    if (type === 'bool') {
      out[(r - start) * stride + offset] = v !== 0 ? 1 : 0;
      continue;
    }
    if (!Number.isInteger(v)) {
      throw new PlumbError('model.non-integer', `feature \`${cell.feature}\` has ${v} in data row ${r + 1}, but model input ${describeTensor(input)} takes integers.`, { file, column: cell.feature });
    }
    out[(r - start) * stride + offset] = type === 'int64' ? BigInt(v) : v;
  }
}

// One loop per element type, so each stays monomorphic (a shared loop over `unknown` arrays was the
// slowest step of explaining through onnxruntime).
function strided32(out: Float32Array, values: Float64Array, start: number, end: number, stride: number, offset: number): void {
  for (let r = start, p = offset; r < end; r++, p += stride) out[p] = values[r];
}

function strided64(out: Float64Array, values: Float64Array, start: number, end: number, stride: number, offset: number): void {
  for (let r = start, p = offset; r < end; r++, p += stride) out[p] = values[r];
}

function missingError(feature: string, row: number, input: TensorInfo, file: string): PlumbError {
  return new PlumbError('model.missing-value', `feature \`${feature}\` is missing in data row ${row + 1}, and model input ${describeTensor(input)} (${input.elemType}) cannot represent a missing value; fill or drop missing values before the check.`, { file, column: feature });
}

function allocate(type: string, n: number): { length: number; [i: number]: unknown } {
  switch (type) {
    case 'float':
      return new Float32Array(n);
    case 'double':
      return new Float64Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'bool':
      return new Uint8Array(n);
    default:
      return new Array<string>(n);
  }
}

type OrtModule = typeof Ort;

const ORT_TYPES: Record<string, Ort.Tensor.Type> = { float: 'float32', double: 'float64', int64: 'int64', int32: 'int32', bool: 'bool', string: 'string' };

/** Input tensors for rows [start, end). */
export function buildFeeds(ort: OrtModule, plan: InputPlan, matrix: FeatureMatrix, features: string[], start: number, end: number, file: string): Record<string, Ort.Tensor> {
  const n = end - start;
  const feeds: Record<string, Ort.Tensor> = {};
  if (plan.mode === 'matrix') {
    const k = plan.width;
    const data = allocate(plan.input.elemType, n * k);
    for (let j = 0; j < k; j++) fill(data, { feature: features[j], column: matrix.columns[j] }, plan.input, start, end, k, j, file);
    feeds[plan.input.name] = new ort.Tensor(ORT_TYPES[plan.input.elemType] as 'float32', data as Float32Array, [n, k]);
  } else {
    for (const p of plan.inputs) {
      const data = allocate(p.input.elemType, n);
      fill(data, { feature: features[p.feature], column: matrix.columns[p.feature] }, p.input, start, end, 1, 0, file);
      feeds[p.input.name] = new ort.Tensor(ORT_TYPES[p.input.elemType] as 'float32', data as Float32Array, p.rank === 2 ? [n, 1] : [n]);
    }
  }
  return feeds;
}
