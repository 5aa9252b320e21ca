/**
 * More skl2onnx-shaped models for tests and examples: a LinearRegression, ColumnTransformer-style
 * pipelines with one input per feature (Concat, then a LinearClassifier), an int64 input (Cast to
 * float), a string input one-hot encoded next to numeric inputs, and a bare score model
 * (MatMul + Add + Sigmoid in the standard domain) with an [N] or [N, 1] output.
 */
import { encodeModel, type NodeSpec, type ValueInfoSpec } from './onnxWriter';
import { classifierOutputs, linearClassifierNodes, type ClassLabels, type PostTransform } from './onnxBuilder';

export interface LinearRegressorOptions {
  inputName?: string;
  features: number;
  /** k weights (one target). */
  coefficients: number[];
  intercept: number;
  inputType?: 'float' | 'double';
  metadata?: Record<string, string>;
}

/** LinearRegression as skl2onnx exports it: `float_input` [None, k] -> LinearRegressor -> `variable` [N, 1]. */
export function buildLinearRegressor(opts: LinearRegressorOptions): Uint8Array {
  if (opts.coefficients.length !== opts.features) throw new Error(`coefficients has ${opts.coefficients.length} values; expected ${opts.features}`);
  const input = opts.inputName ?? 'float_input';
  return encodeModel({
    metadata: opts.metadata,
    graph: {
      name: 'LinearRegression',
      inputs: [{ name: input, type: { tensor: opts.inputType ?? 'float', shape: [null, opts.features] } }],
      nodes: [
        {
          opType: 'LinearRegressor',
          domain: 'ai.onnx.ml',
          name: 'LinearRegressor',
          inputs: [input],
          outputs: ['variable'],
          attributes: [
            { name: 'coefficients', floats: opts.coefficients },
            { name: 'intercepts', floats: [opts.intercept] },
            { name: 'targets', i: 1 },
          ],
        },
      ],
      outputs: [{ name: 'variable', type: { tensor: 'float', shape: [null, 1] } }],
    },
  });
}

interface ClassifierHead {
  /** Weights over the concatenated columns: classes x width row-major, or width for binary. */
  coefficients: number[];
  intercepts: number[];
  classLabels: ClassLabels;
  postTransform?: PostTransform;
  zipmap?: boolean;
  metadata?: Record<string, string>;
}

function classifierModel(name: string, inputs: ValueInfoSpec[], prep: NodeSpec[], merged: string, width: number, head: ClassifierHead): Uint8Array {
  const tail = classifierOutputs(head.classLabels, head.zipmap ?? true, 'label', 'probabilities');
  return encodeModel({
    metadata: head.metadata,
    graph: {
      name,
      inputs,
      nodes: [...prep, ...linearClassifierNodes({ ...head, features: width }, merged), ...tail.nodes],
      outputs: tail.outputs,
    },
  });
}

export interface PerFeatureClassifierOptions extends ClassifierHead {
  /** One float input [None, 1] per name, concatenated in this order. */
  features: string[];
  inputType?: 'float' | 'double';
}

/** One input per feature, as skl2onnx exports pipelines fed a DataFrame: Concat(axis=1), then LinearClassifier. */
export function buildPerFeatureClassifier(opts: PerFeatureClassifierOptions): Uint8Array {
  const type = opts.inputType ?? 'float';
  const inputs: ValueInfoSpec[] = opts.features.map((f) => ({ name: f, type: { tensor: type, shape: [null, 1] } }));
  const concat: NodeSpec = { opType: 'Concat', name: 'Concat', inputs: [...opts.features], outputs: ['merged_columns'], attributes: [{ name: 'axis', i: 1 }] };
  return classifierModel('PerFeaturePipeline', inputs, [concat], 'merged_columns', opts.features.length, opts);
}

export interface Int64InputClassifierOptions extends ClassifierHead {
  inputName?: string;
  features: number;
}

/** An int64 input [None, k], cast to float before the LinearClassifier (skl2onnx's Int64TensorType input). */
export function buildInt64InputClassifier(opts: Int64InputClassifierOptions): Uint8Array {
  const input = opts.inputName ?? 'int_input';
  const cast: NodeSpec = { opType: 'Cast', name: 'Cast', inputs: [input], outputs: ['cast_input'], attributes: [{ name: 'to', i: 1 }] };
  return classifierModel('Int64Input', [{ name: input, type: { tensor: 'int64', shape: [null, opts.features] } }], [cast], 'cast_input', opts.features, opts);
}

export interface CategoricalClassifierOptions extends ClassifierHead {
  /** Float inputs [None, 1], first in the concatenation. */
  numeric: string[];
  /** A string input [None, 1], one-hot encoded after the numeric columns, one column per category. */
  categorical: { name: string; categories: string[] };
  /** Unknown categories give all zeros (OneHotEncoder zeros=1) instead of an error. Default true. */
  unknownAsZeros?: boolean;
}

/**
 * Numeric inputs plus a string input one-hot encoded by ai.onnx.ml OneHotEncoder ([N,1] -> [N,1,m],
 * flattened to [N, m]), concatenated and fed to a LinearClassifier: width = numeric + categories.
 */
export function buildCategoricalClassifier(opts: CategoricalClassifierOptions): Uint8Array {
  const { name, categories } = opts.categorical;
  const inputs: ValueInfoSpec[] = [
    ...opts.numeric.map((f): ValueInfoSpec => ({ name: f, type: { tensor: 'float', shape: [null, 1] } })),
    { name, type: { tensor: 'string', shape: [null, 1] } },
  ];
  const prep: NodeSpec[] = [
    {
      opType: 'OneHotEncoder',
      domain: 'ai.onnx.ml',
      name: 'OneHotEncoder',
      inputs: [name],
      outputs: [`${name}_onehot3d`],
      attributes: [
        { name: 'cats_strings', strings: categories },
        { name: 'zeros', i: opts.unknownAsZeros === false ? 0 : 1 },
      ],
    },
    { opType: 'Flatten', name: 'Flatten', inputs: [`${name}_onehot3d`], outputs: [`${name}_onehot`], attributes: [{ name: 'axis', i: 1 }] },
    { opType: 'Concat', name: 'Concat', inputs: [...opts.numeric, `${name}_onehot`], outputs: ['merged_columns'], attributes: [{ name: 'axis', i: 1 }] },
  ];
  return classifierModel('CategoricalPipeline', inputs, prep, 'merged_columns', opts.numeric.length + categories.length, opts);
}

export interface ScoreModelOptions {
  inputName?: string;
  features: number;
  weights: number[];
  bias: number;
  /** Output `score` as [N] (Reshape) or [N, 1]. Default [N, 1]. */
  outputRank?: 1 | 2;
  /** Apply Sigmoid (a probability-like score). Default true. */
  sigmoid?: boolean;
  metadata?: Record<string, string>;
}

/** A bare network-style score: score = sigmoid(X W + b), standard-domain ops and initializers only. */
export function buildScoreModel(opts: ScoreModelOptions): Uint8Array {
  const k = opts.features;
  if (opts.weights.length !== k) throw new Error(`weights has ${opts.weights.length} values; expected ${k}`);
  const input = opts.inputName ?? 'input';
  const rank = opts.outputRank ?? 2;
  const sigmoid = opts.sigmoid ?? true;
  const nodes: NodeSpec[] = [
    { opType: 'MatMul', name: 'MatMul', inputs: [input, 'W'], outputs: ['xw'] },
    { opType: 'Add', name: 'Add', inputs: ['xw', 'B'], outputs: [sigmoid ? 'logit' : rank === 2 ? 'score' : 'score2d'] },
  ];
  if (sigmoid) nodes.push({ opType: 'Sigmoid', name: 'Sigmoid', inputs: ['logit'], outputs: [rank === 2 ? 'score' : 'score2d'] });
  if (rank === 1) nodes.push({ opType: 'Reshape', name: 'Reshape', inputs: ['score2d', 'flat_shape'], outputs: ['score'] });
  return encodeModel({
    opsets: [{ domain: '', version: 17 }],
    metadata: opts.metadata,
    graph: {
      name: 'ScoreModel',
      inputs: [{ name: input, type: { tensor: 'float', shape: ['N', k] } }],
      initializers: [
        { name: 'W', elemType: 'float', dims: [k, 1], floats: opts.weights },
        { name: 'B', elemType: 'float', dims: [1], floats: [opts.bias] },
        ...(rank === 1 ? [{ name: 'flat_shape', elemType: 'int64' as const, dims: [1], int64s: [-1] }] : []),
      ],
      nodes,
      outputs: [{ name: 'score', type: { tensor: 'float', shape: rank === 2 ? ['N', 1] : ['N'] } }],
    },
  });
}
