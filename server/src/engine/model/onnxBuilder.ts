/**
 * Builds small ONNX models shaped like the ones sklearn-onnx (skl2onnx) exports, so tests and the
 * example can use real models without Python:
 *  - LogisticRegression: input `float_input` [None, k] -> LinearClassifier (ai.onnx.ml) -> `label`
 *    and `probabilities` [N, C]. Binary models get two coefficient rows (-w, w) and intercepts
 *    (-b, b) with LOGISTIC, so the columns are [1 - sigmoid(w.x+b), sigmoid(w.x+b)], as skl2onnx
 *    writes them. One-vs-rest (LOGISTIC, C > 2) is followed by Normalizer(L1); multinomial uses
 *    SOFTMAX. With `zipmap` (skl2onnx's default) the outputs are `output_label` and
 *    `output_probability`, a sequence of maps from ZipMap.
 * Other builders live in onnxBuilderMore.ts and onnxBuilderTrees.ts.
 */
import { encodeModel, type NodeSpec, type TypeSpec, type ValueInfoSpec } from './onnxWriter';
import type { TensorElemType } from './onnxTypes';

export type ClassLabels = number[] | string[];
export type PostTransform = 'LOGISTIC' | 'SOFTMAX' | 'NONE';

export interface LinearClassifierOptions {
  inputName?: string;
  /** Number of features k. */
  features: number;
  /** classes x k, row-major; or k for a binary model (the positive class's weights). */
  coefficients: number[];
  /** One per coefficient row (one for binary with k coefficients). */
  intercepts: number[];
  classLabels: ClassLabels;
  /** Add skl2onnx's ZipMap output. Default true, as skl2onnx does. */
  zipmap?: boolean;
  /** Default LOGISTIC for binary, SOFTMAX for multiclass. */
  postTransform?: PostTransform;
  inputType?: 'float' | 'double';
  metadata?: Record<string, string>;
}

/** The class-label attribute: LinearClassifier and SVMClassifier say `classlabels_ints`, trees and ZipMap `classlabels_int64s`. */
export function labelAttr(
  labels: ClassLabels,
  intName: 'classlabels_ints' | 'classlabels_int64s',
): { name: string; ints: number[] } | { name: string; strings: string[] } {
  if (labels.length === 0) throw new Error('classLabels must not be empty');
  return typeof labels[0] === 'string'
    ? { name: 'classlabels_strings', strings: (labels as string[]).map(String) }
    : { name: intName, ints: labels as number[] };
}

export function labelElemType(labels: ClassLabels): TensorElemType {
  return typeof labels[0] === 'string' ? 'string' : 'int64';
}

/**
 * The classifier tail skl2onnx writes after a node producing `label` and `probabilities`: either
 * those two as graph outputs, or Identity/Cast + ZipMap producing `output_label` and
 * `output_probability`.
 */
export function classifierOutputs(
  labels: ClassLabels,
  zipmap: boolean,
  labelName: string,
  probaName: string,
): { nodes: NodeSpec[]; outputs: ValueInfoSpec[] } {
  const labelType = labelElemType(labels);
  const C = labels.length;
  if (!zipmap) {
    return {
      nodes: [],
      outputs: [
        { name: labelName, type: { tensor: labelType, shape: [null] } },
        { name: probaName, type: { tensor: 'float', shape: [null, C] } },
      ],
    };
  }
  const zipAttr = labelAttr(labels, 'classlabels_int64s');
  const mapType: TypeSpec = { sequence: { map: { key: labelType, value: { tensor: 'float' } } } };
  return {
    nodes: [
      labelType === 'string'
        ? { opType: 'Identity', name: 'LabelIdentity', inputs: [labelName], outputs: ['output_label'] }
        : { opType: 'Cast', name: 'Cast', inputs: [labelName], outputs: ['output_label'], attributes: [{ name: 'to', i: 7 }] },
      { opType: 'ZipMap', domain: 'ai.onnx.ml', name: 'ZipMap', inputs: [probaName], outputs: ['output_probability'], attributes: [zipAttr] },
    ],
    outputs: [
      { name: 'output_label', type: { tensor: labelType, shape: [null] } },
      { name: 'output_probability', type: mapType },
    ],
  };
}

/** The LinearClassifier node (and Normalizer for one-vs-rest) from `input` to `label`/`probabilities`. */
export function linearClassifierNodes(
  opts: Omit<LinearClassifierOptions, 'zipmap' | 'inputName' | 'inputType' | 'metadata'>,
  input: string,
  labelName = 'label',
  probaName = 'probabilities',
): NodeSpec[] {
  const { features: k, classLabels } = opts;
  const C = classLabels.length;
  if (!Number.isInteger(k) || k < 1) throw new Error(`features must be a positive integer, got ${k}`);
  if (C < 2) throw new Error('a classifier needs at least 2 class labels');
  let coefficients = opts.coefficients;
  let intercepts = opts.intercepts;
  if (C === 2 && coefficients.length === k) {
    if (intercepts.length !== 1) throw new Error('a binary model with k coefficients needs exactly 1 intercept');
    coefficients = [...coefficients.map((x) => -x), ...coefficients];
    intercepts = [-intercepts[0], intercepts[0]];
  }
  if (coefficients.length !== C * k) {
    throw new Error(`coefficients has ${coefficients.length} values; expected ${C} x ${k}${C === 2 ? ` or ${k}` : ''}`);
  }
  if (intercepts.length !== C) throw new Error(`intercepts has ${intercepts.length} values; expected ${C}`);
  const post = opts.postTransform ?? (C === 2 ? 'LOGISTIC' : 'SOFTMAX');
  const ovr = post === 'LOGISTIC' && C > 2;
  const rawProba = ovr ? 'probability_tensor' : probaName;
  const nodes: NodeSpec[] = [
    {
      opType: 'LinearClassifier',
      domain: 'ai.onnx.ml',
      name: 'LinearClassifier',
      inputs: [input],
      outputs: [labelName, rawProba],
      attributes: [
        labelAttr(classLabels, 'classlabels_ints'),
        { name: 'coefficients', floats: coefficients },
        { name: 'intercepts', floats: intercepts },
        { name: 'multi_class', i: 0 },
        { name: 'post_transform', s: post },
      ],
    },
  ];
  if (ovr) {
    nodes.push({ opType: 'Normalizer', domain: 'ai.onnx.ml', name: 'Normalizer', inputs: [rawProba], outputs: [probaName], attributes: [{ name: 'norm', s: 'L1' }] });
  }
  return nodes;
}

/** A LogisticRegression as skl2onnx exports it. See the file comment. */
export function buildLinearClassifier(opts: LinearClassifierOptions): Uint8Array {
  const input = opts.inputName ?? 'float_input';
  const tail = classifierOutputs(opts.classLabels, opts.zipmap ?? true, 'label', 'probabilities');
  return encodeModel({
    metadata: opts.metadata,
    graph: {
      name: 'LogisticRegression',
      inputs: [{ name: input, type: { tensor: opts.inputType ?? 'float', shape: [null, opts.features] } }],
      nodes: [...linearClassifierNodes(opts, input), ...tail.nodes],
      outputs: tail.outputs,
    },
  });
}
