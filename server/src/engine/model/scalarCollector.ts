/**
 * Collects one number per row straight from onnxruntime's output tensors: the chosen class's
 * probability (or the row's largest), the score, the value, or 1/0 for the positive label. The same
 * numbers as `scalar(assemble(...))` (predictor.ts), without first copying every class column into
 * a float64 N x C matrix; the same shape checks, batch by batch.
 */
import type * as Ort from 'onnxruntime-node';
import { PlumbError } from '../errors';
import type { OutputPlan, Task } from './outputSelect';
import { checkBatch, firstLayout, getTensor, readLabels, type Layout } from './predictionAssembly';

export interface ScalarCollector {
  add(result: Ort.InferenceSession.OnnxValueMapType, start: number, end: number): void;
  /** The numbers, once every batch is in (also checks the class for an empty input, as `scalar` does). */
  finish(): Float64Array;
}

/** How a row's number is read: column `column` of C, the row's largest of C, or label === positive. */
type Pick = { kind: 'column'; C: number; column: number } | { kind: 'max'; C: number } | { kind: 'same'; positive: string } | { kind: 'each' };

export function findClass(classes: (number | string)[], label: number | string, file: string): number {
  const i = classes.findIndex((c) => String(c) === String(label));
  if (i < 0) {
    throw new PlumbError('model.unknown-class', `class \`${label}\` is not one of the model's classes (${classes.join(', ')}); set \`positive_label\` to one of them.`, { file });
  }
  return i;
}

/** The pick for an output of this layout; throws the errors `scalar` throws for it. */
function pickFor(layout: Layout, task: Task, classLabels: (number | string)[] | null, label: number | string | undefined, file: string): Pick {
  switch (layout.kind) {
    case 'value':
    case 'score':
      return { kind: 'each' };
    case 'proba': {
      const classes = classLabels ?? Array.from({ length: layout.width }, (_, i) => i);
      const C = classes.length;
      if (task === 'binary-classification' || label !== undefined) return { kind: 'column', C, column: label !== undefined ? findClass(classes, label, file) : C - 1 };
      return { kind: 'max', C };
    }
    case 'label': {
      const positive = label ?? (task === 'binary-classification' ? (classLabels ? classLabels[classLabels.length - 1] : 1) : undefined);
      if (positive === undefined) {
        throw new PlumbError('model.no-scalar', `the model outputs only labels; name the class to score (\`positive_label\`) to get one number per row.`, { file });
      }
      if (classLabels) findClass(classLabels, positive, file);
      return { kind: 'same', positive: String(positive) };
    }
  }
}

function pickColumn(src: ArrayLike<number | bigint>, C: number, column: number, out: Float64Array, at: number, n: number): void {
  if (src instanceof Float32Array || src instanceof Float64Array) {
    for (let i = 0, p = column; i < n; i++, p += C) out[at + i] = src[p];
  } else {
    for (let i = 0, p = column; i < n; i++, p += C) out[at + i] = Number(src[p]);
  }
}

function pickMax(src: ArrayLike<number | bigint>, C: number, out: Float64Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let j = 0; j < C; j++) best = Math.max(best, Number(src[i * C + j]));
    out[at + i] = best;
  }
}

export function newScalarCollector(total: number, plan: OutputPlan, task: Task, classLabels: (number | string)[] | null, label: number | string | undefined, file: string): ScalarCollector {
  const out = new Float64Array(total);
  let layout: Layout | null = null;
  let pick: Pick | null = null;
  return {
    add(result, start, end) {
      const n = end - start;
      const t = getTensor(result, plan.name, file);
      if (!layout) {
        layout = firstLayout(plan, t.dims, task, classLabels, file);
        pick = pickFor(layout, task, classLabels, label, file);
      }
      checkBatch(layout, plan, t, n, file);
      const src = t.data as ArrayLike<number | bigint>;
      const p = pick!;
      if (p.kind === 'column') pickColumn(src, p.C, p.column, out, start, n);
      else if (p.kind === 'max') pickMax(src, p.C, out, start, n);
      else if (p.kind === 'each') pickColumn(src, 1, 0, out, start, n);
      else {
        const labels = readLabels(t);
        for (let i = 0; i < n; i++) out[start + i] = String(labels[i]) === p.positive ? 1 : 0;
      }
    },
    finish() {
      if (!layout) {
        const width = plan.kind === 'proba' ? (classLabels?.length || (task === 'binary-classification' ? 2 : 0)) : 1;
        pickFor({ kind: plan.kind, width }, task, classLabels, label, file);
      }
      return out;
    },
  };
}
