/**
 * Chooses which graph output a check reads, and what it holds: class probabilities [N, C], a
 * label per row, a single score per row (binary), or a regression value. The spec's `output`
 * wins; otherwise classifiers prefer probabilities, then (binary) a single score, then labels,
 * and regression takes the one numeric output.
 */
import { PlumbError } from '../errors';
import { describeTensor } from './featureFeeds';
import type { ModelSignature, TensorInfo } from './onnxSignature';

export type Task = 'binary-classification' | 'multiclass-classification' | 'regression';
export type OutputKind = 'proba' | 'label' | 'score' | 'value';

export interface OutputPlan {
  name: string;
  kind: OutputKind;
  /** A label output read alongside probabilities, when the model has one. */
  labelName?: string;
}

const FLOATS = new Set(['float', 'double', 'float16']);
const LABELS = new Set(['int64', 'int32', 'string']);

type Shape = 'wide' | 'single' | 'unknown';

/** wide: [N, C>1]; single: [N], [N, 1]; unknown: not declared or width symbolic. */
function shapeOf(t: TensorInfo): Shape {
  const s = t.shape;
  if (!s) return 'unknown';
  if (s.length === 1) return 'single';
  if (s.length === 2) return typeof s[1] === 'number' ? (s[1] > 1 ? 'wide' : 'single') : 'unknown';
  return 'wide';
}

function list(ts: TensorInfo[]): string {
  return ts.map(describeTensor).join(', ') || 'none';
}

function kindOf(t: TensorInfo, task: Task, file: string): OutputKind {
  const shape = shapeOf(t);
  if (task === 'regression') {
    if ((FLOATS.has(t.elemType) || LABELS.has(t.elemType)) && t.elemType !== 'string' && shape !== 'wide') return 'value';
    throw new PlumbError('model.output-unsupported', `\`model.output\`: ${describeTensor(t)} is not a single number per row, which a regression check needs.`, { file });
  }
  if (LABELS.has(t.elemType) && shape !== 'wide') return 'label';
  if (FLOATS.has(t.elemType)) {
    if (shape === 'single') {
      if (task === 'binary-classification') return 'score';
      throw new PlumbError('model.output-unsupported', `\`model.output\`: ${describeTensor(t)} holds one number per row; a multiclass check needs class probabilities [N, C] or labels.`, { file });
    }
    return 'proba';
  }
  throw new PlumbError('model.output-unsupported', `\`model.output\`: ${describeTensor(t)} is neither class probabilities, labels nor a score; Plumb reads tensors.`, { file });
}

export function planOutput(sig: ModelSignature, task: Task, output: string | undefined, file: string): OutputPlan {
  const tensors = sig.outputs.filter((o) => o.type.startsWith('tensor('));
  const labelTensor = tensors.find((t) => LABELS.has(t.elemType) && shapeOf(t) !== 'wide');
  if (output !== undefined) {
    const t = sig.outputs.find((o) => o.name === output);
    if (!t) throw new PlumbError('model.output-not-found', `\`model.output\`: the model has no output \`${output}\` (outputs: ${list(sig.outputs)}).`, { file });
    const kind = kindOf(t, task, file);
    return kind === 'proba' && labelTensor ? { name: t.name, kind, labelName: labelTensor.name } : { name: t.name, kind };
  }
  if (task === 'regression') {
    const numeric = tensors.filter((t) => t.elemType !== 'string' && shapeOf(t) !== 'wide' && (FLOATS.has(t.elemType) || LABELS.has(t.elemType)));
    if (numeric.length === 1) return { name: numeric[0].name, kind: 'value' };
    throw new PlumbError(
      numeric.length ? 'model.output-ambiguous' : 'model.output-not-found',
      numeric.length
        ? `the model has ${numeric.length} numeric outputs (${list(numeric)}); name the one to read with \`model.output\`.`
        : `the model has no single numeric output for regression (outputs: ${list(sig.outputs)}).`,
      { file },
    );
  }
  const floats = tensors.filter((t) => FLOATS.has(t.elemType));
  const proba = floats.find((t) => shapeOf(t) === 'wide') ?? floats.find((t) => shapeOf(t) === 'unknown');
  if (proba) return labelTensor ? { name: proba.name, kind: 'proba', labelName: labelTensor.name } : { name: proba.name, kind: 'proba' };
  const single = floats.find((t) => shapeOf(t) === 'single');
  if (single && task === 'binary-classification') return { name: single.name, kind: 'score' };
  if (labelTensor) return { name: labelTensor.name, kind: 'label' };
  throw new PlumbError('model.output-not-found', `the model has no output Plumb can read as class probabilities, a score or labels (outputs: ${list(sig.outputs)}); name one with \`model.output\`.`, { file });
}
