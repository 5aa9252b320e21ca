/**
 * Collects onnxruntime outputs batch by batch into plain typed arrays and checks each batch's
 * shape against what the plan expects: [n, C] probabilities with C matching the class labels,
 * one score, value or label per row. A mismatch is a PlumbError, never a silently shifted column.
 */
import type * as Ort from 'onnxruntime-node';
import { PlumbError } from '../errors';
import type { OutputKind, OutputPlan, Task } from './outputSelect';

export type Prediction =
  | {
      kind: 'proba';
      /** Column order of `proba`: the model's class labels, or 0..C-1 when it has none. */
      classes: (number | string)[];
      /** N x C, row-major. */
      proba: Float64Array;
      /** The model's own label output, when it has one. */
      labels?: (number | string)[];
    }
  | { kind: 'label'; labels: (number | string)[]; classes?: (number | string)[] }
  | { kind: 'score'; score: Float64Array }
  | { kind: 'value'; value: Float64Array };

export interface Collector {
  total: number;
  kind: OutputKind | null;
  width: number;
  numbers: Float64Array | null;
  labels: (number | string)[] | null;
  add(plan: OutputPlan, result: Ort.InferenceSession.OnnxValueMapType, start: number, end: number, task: Task, classLabels: (number | string)[] | null, file: string): void;
}

function shapeError(plan: OutputPlan, dims: readonly number[], expected: string, file: string): PlumbError {
  return new PlumbError('model.output-shape', `model output \`${plan.name}\` came back shaped [${dims.join(', ')}]; expected ${expected}.`, { file });
}

function copyNumbers(data: Ort.Tensor['data'], into: Float64Array, at: number): void {
  const src = data as ArrayLike<number | bigint>;
  for (let i = 0; i < src.length; i++) into[at + i] = Number(src[i]);
}

export function readLabels(t: Ort.Tensor): (number | string)[] {
  const src = t.data as ArrayLike<number | bigint | string>;
  return Array.from(src, (v) => (typeof v === 'string' ? v : Number(v)));
}

export function getTensor(result: Ort.InferenceSession.OnnxValueMapType, name: string, file: string): Ort.Tensor {
  const t = result[name] as Ort.Tensor | undefined;
  if (!t || !('dims' in t)) throw new PlumbError('model.output-unsupported', `model output \`${name}\` is not a tensor.`, { file });
  return t;
}

/** What the first batch showed the output to be: its kind (a [N] or [N, 1] "proba" is a binary score) and width. */
export interface Layout {
  kind: OutputKind;
  width: number;
}

/** The output's layout from the first batch's dims, checked against the plan, the task and the class labels. */
export function firstLayout(plan: OutputPlan, dims: readonly number[], task: Task, classLabels: (number | string)[] | null, file: string): Layout {
  let kind = plan.kind;
  if (kind === 'proba' && (dims.length === 1 || (dims.length === 2 && dims[1] === 1))) {
    if (task !== 'binary-classification') throw shapeError(plan, dims, '[N, C] class probabilities for a multiclass check', file);
    kind = 'score';
  }
  const width = kind === 'proba' ? (dims[1] ?? 0) : 1;
  if (kind === 'proba') {
    if (dims.length !== 2) throw shapeError(plan, dims, '[N, C] class probabilities', file);
    if (classLabels && classLabels.length !== width) {
      throw new PlumbError('model.class-count', `model output \`${plan.name}\` has ${width} probability columns but the model declares ${classLabels.length} classes (${classLabels.join(', ')}).`, { file });
    }
    if (task === 'binary-classification' && width !== 2) {
      throw new PlumbError('model.task-mismatch', `the check is binary-classification but model output \`${plan.name}\` has ${width} class columns${classLabels ? ` (${classLabels.join(', ')})` : ''}; use multiclass-classification.`, { file });
    }
  }
  return { kind, width };
}

/** Checks that one batch of `n` rows has the layout's shape. */
export function checkBatch(layout: Layout, plan: OutputPlan, t: Ort.Tensor, n: number, file: string): void {
  const dims = t.dims;
  if (layout.kind === 'label') {
    if (t.size !== n) throw shapeError(plan, dims, `${n} labels`, file);
  } else if (layout.kind === 'proba') {
    if (dims.length !== 2 || dims[0] !== n || dims[1] !== layout.width) throw shapeError(plan, dims, `[${n}, ${layout.width}]`, file);
  } else if (t.size !== n || dims[0] !== n) {
    throw shapeError(plan, dims, `[${n}] or [${n}, 1]`, file);
  }
}

export function newCollector(total: number): Collector {
  return {
    total,
    kind: null,
    width: 0,
    numbers: null,
    labels: null,
    add(plan, result, start, end, task, classLabels, file) {
      const n = end - start;
      const t = getTensor(result, plan.name, file);
      if (this.kind === null) {
        const layout = firstLayout(plan, t.dims, task, classLabels, file);
        this.kind = layout.kind;
        this.width = layout.width;
        if (layout.kind !== 'label') this.numbers = new Float64Array(this.total * this.width);
        if (layout.kind === 'label' || plan.labelName) this.labels = [];
      }
      checkBatch({ kind: this.kind, width: this.width }, plan, t, n, file);
      if (this.kind === 'label') {
        for (const v of readLabels(t)) this.labels!.push(v);
        return;
      }
      copyNumbers(t.data, this.numbers!, start * this.width);
      if (plan.labelName && this.labels) {
        const l = getTensor(result, plan.labelName, file);
        if (l.size !== n) throw shapeError({ name: plan.labelName, kind: 'label' }, l.dims, `${n} labels`, file);
        for (const v of readLabels(l)) this.labels.push(v);
      }
    },
  };
}

export function assemble(c: Collector, plan: OutputPlan, task: Task, classLabels: (number | string)[] | null, file: string): Prediction {
  const kind = c.kind ?? plan.kind;
  switch (kind) {
    case 'proba': {
      const width = c.width || classLabels?.length || (task === 'binary-classification' ? 2 : 0);
      const classes = classLabels ?? Array.from({ length: width }, (_, i) => i);
      const proba = c.numbers ?? new Float64Array(0);
      return c.labels && plan.labelName ? { kind, classes, proba, labels: c.labels } : { kind, classes, proba };
    }
    case 'label':
      return classLabels ? { kind, labels: c.labels ?? [], classes: classLabels } : { kind, labels: c.labels ?? [] };
    case 'score':
      return { kind, score: c.numbers ?? new Float64Array(0) };
    case 'value':
      return { kind, value: c.numbers ?? new Float64Array(0) };
    default:
      throw new PlumbError('model.output-unsupported', `unexpected output kind for \`${plan.name}\`.`, { file });
  }
}
