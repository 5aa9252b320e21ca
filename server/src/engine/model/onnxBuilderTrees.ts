/**
 * A TreeEnsembleClassifier (ai.onnx.ml, opset 3) built from nested trees, as skl2onnx writes
 * DecisionTree/RandomForest classifiers: nodes_* attributes per node (ids from 0 in depth-first
 * order), class_* votes on leaves, probabilities = sum over trees of the leaf weights (then
 * post_transform). For a random forest pass each leaf's class proportions divided by the number
 * of trees. Binary models carry one vote per leaf (the positive class's weight, under class id 0),
 * as skl2onnx writes them: with votes for both classes onnxruntime's label output is wrong.
 */
import { encodeModel, type AttrSpec, type NodeSpec } from './onnxWriter';
import { classifierOutputs, labelAttr, type ClassLabels, type PostTransform } from './onnxBuilder';

export type TreeNode =
  | {
      /** Feature index compared at this node. */
      feature: number;
      threshold: number;
      /** Default BRANCH_LEQ: go `left` when x[feature] <= threshold. */
      mode?: 'BRANCH_LEQ' | 'BRANCH_LT' | 'BRANCH_GTE' | 'BRANCH_GT';
      /** Branch taken when the comparison holds. */
      left: TreeNode;
      right: TreeNode;
      /** Send missing values (NaN) to `left`. Default false. */
      missingTracksTrue?: boolean;
    }
  | { /** One weight per class, in classLabels order. */ weights: number[] };

export interface TreeEnsembleClassifierOptions {
  inputName?: string;
  features: number;
  trees: TreeNode[];
  classLabels: ClassLabels;
  postTransform?: PostTransform;
  /** Default true, as skl2onnx. */
  zipmap?: boolean;
  inputType?: 'float' | 'double';
  metadata?: Record<string, string>;
}

interface Flat {
  treeIds: number[];
  nodeIds: number[];
  featureIds: number[];
  values: number[];
  modes: string[];
  trueIds: number[];
  falseIds: number[];
  missingTrue: number[];
  classTree: number[];
  classNode: number[];
  classIds: number[];
  classWeights: number[];
}

function flatten(tree: TreeNode, treeId: number, k: number, C: number, out: Flat): void {
  let next = 0;
  const visit = (node: TreeNode): number => {
    const id = next++;
    const at = out.nodeIds.length;
    out.treeIds.push(treeId);
    out.nodeIds.push(id);
    if ('weights' in node) {
      if (node.weights.length !== C) throw new Error(`tree ${treeId} node ${id}: ${node.weights.length} leaf weights for ${C} classes`);
      out.featureIds.push(0);
      out.values.push(0);
      out.modes.push('LEAF');
      out.trueIds.push(0);
      out.falseIds.push(0);
      out.missingTrue.push(0);
      node.weights.forEach((w, c) => {
        if (C === 2 && c === 0) return;
        out.classTree.push(treeId);
        out.classNode.push(id);
        // Binary: one vote per leaf, the positive class's weight, filed under class id 0 (as
        // skl2onnx writes it); onnxruntime then returns [1 - p, p] and the matching label.
        out.classIds.push(C === 2 ? 0 : c);
        out.classWeights.push(w);
      });
      return id;
    }
    if (!Number.isInteger(node.feature) || node.feature < 0 || node.feature >= k) {
      throw new Error(`tree ${treeId} node ${id}: feature ${node.feature} is not in 0..${k - 1}`);
    }
    out.featureIds.push(node.feature);
    out.values.push(node.threshold);
    out.modes.push(node.mode ?? 'BRANCH_LEQ');
    out.trueIds.push(0);
    out.falseIds.push(0);
    out.missingTrue.push(node.missingTracksTrue ? 1 : 0);
    out.trueIds[at] = visit(node.left);
    out.falseIds[at] = visit(node.right);
    return id;
  };
  visit(tree);
}

export function treeEnsembleClassifierNode(opts: TreeEnsembleClassifierOptions, input: string, labelName: string, probaName: string): NodeSpec {
  const C = opts.classLabels.length;
  const f: Flat = { treeIds: [], nodeIds: [], featureIds: [], values: [], modes: [], trueIds: [], falseIds: [], missingTrue: [], classTree: [], classNode: [], classIds: [], classWeights: [] };
  opts.trees.forEach((t, i) => flatten(t, i, opts.features, C, f));
  const attributes: AttrSpec[] = [
    labelAttr(opts.classLabels, 'classlabels_int64s'),
    { name: 'class_ids', ints: f.classIds },
    { name: 'class_nodeids', ints: f.classNode },
    { name: 'class_treeids', ints: f.classTree },
    { name: 'class_weights', floats: f.classWeights },
    { name: 'nodes_falsenodeids', ints: f.falseIds },
    { name: 'nodes_featureids', ints: f.featureIds },
    { name: 'nodes_hitrates', floats: f.nodeIds.map(() => 1) },
    { name: 'nodes_missing_value_tracks_true', ints: f.missingTrue },
    { name: 'nodes_modes', strings: f.modes },
    { name: 'nodes_nodeids', ints: f.nodeIds },
    { name: 'nodes_treeids', ints: f.treeIds },
    { name: 'nodes_truenodeids', ints: f.trueIds },
    { name: 'nodes_values', floats: f.values },
    { name: 'post_transform', s: opts.postTransform ?? 'NONE' },
  ];
  return { opType: 'TreeEnsembleClassifier', domain: 'ai.onnx.ml', name: 'TreeEnsembleClassifier', inputs: [input], outputs: [labelName, probaName], attributes };
}

/** A tree-ensemble classifier as skl2onnx exports DecisionTree/RandomForest classifiers. */
export function buildTreeEnsembleClassifier(opts: TreeEnsembleClassifierOptions): Uint8Array {
  const input = opts.inputName ?? 'input';
  const tail = classifierOutputs(opts.classLabels, opts.zipmap ?? true, 'label', 'probabilities');
  return encodeModel({
    metadata: opts.metadata,
    graph: {
      name: 'TreeEnsembleClassifier',
      inputs: [{ name: input, type: { tensor: opts.inputType ?? 'float', shape: [null, opts.features] } }],
      nodes: [treeEnsembleClassifierNode(opts, input, 'label', 'probabilities'), ...tail.nodes],
      outputs: tail.outputs,
    },
  });
}
