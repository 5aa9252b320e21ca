/**
 * Multiclass metrics from the confusion matrix, as scikit-learn's precision_recall_fscore_support:
 * macro and weighted averages run over the classes present in `y` or in the predictions (a class in
 * neither is left out, as scikit-learn's unique_labels does); weighted uses each class's true count.
 * roc_auc is one-vs-rest, macro (multi_class='ovr', average='macro'); log_loss uses all `classes` columns.
 */
import { undefinedBecause, type MetricFn, type Note } from './binaryMetrics';
import type { MetricStats } from './stats';
import type { MulticlassInput } from './types';

interface PerClass {
  labels: number[];
  tp: number[];
  predSum: number[];
  trueSum: number[];
  n: number;
}

function perClass(s: MetricStats): PerClass {
  const k = (s.prep.input as MulticlassInput).classes;
  const m = s.matrix();
  const out: PerClass = { labels: [], tp: [], predSum: [], trueSum: [], n: 0 };
  for (let c = 0; c < k; c++) {
    let row = 0;
    let col = 0;
    for (let j = 0; j < k; j++) {
      row += m[c * k + j];
      col += m[j * k + c];
    }
    out.n += row;
    if (row + col === 0) continue;
    out.labels.push(c);
    out.tp.push(m[c * k + c]);
    out.predSum.push(col);
    out.trueSum.push(row);
  }
  return out;
}

type Which = 'precision' | 'recall' | 'f1';

function scores(pc: PerClass, which: Which, note: Note): number[] {
  const zeroPred: number[] = [];
  const zeroTrue: number[] = [];
  const out = pc.labels.map((c, i) => {
    const p = pc.predSum[i] === 0 ? (zeroPred.push(c), 0) : pc.tp[i] / pc.predSum[i];
    const r = pc.trueSum[i] === 0 ? (zeroTrue.push(c), 0) : pc.tp[i] / pc.trueSum[i];
    if (which === 'precision') return p;
    if (which === 'recall') return r;
    const den = p + r;
    return den === 0 ? 0 : (2 * p * r) / den;
  });
  if (which === 'precision' && zeroPred.length) note(`class ${zeroPred.join(', ')} is never predicted, so its precision is set to 0 (zero division, as scikit-learn's default does)`);
  if (which === 'recall' && zeroTrue.length) note(`class ${zeroTrue.join(', ')} has no true rows, so its recall is set to 0 (zero division, as scikit-learn's default does)`);
  return out;
}

function averaged(which: Which, weighted: boolean): MetricFn {
  return (s, note) => {
    const pc = perClass(s);
    if (pc.n === 0) return undefinedBecause(note, 'no rows to evaluate');
    const v = scores(pc, which, note);
    if (!weighted) {
      let sum = 0;
      for (const x of v) sum += x;
      return sum / v.length;
    }
    let num = 0;
    let den = 0;
    for (let i = 0; i < v.length; i++) {
      num += v[i] * pc.trueSum[i];
      den += pc.trueSum[i];
    }
    return num / den;
  };
}

export const MULTICLASS_METRICS: Record<string, MetricFn> = {
  accuracy: (s, note) => {
    const k = (s.prep.input as MulticlassInput).classes;
    const m = s.matrix();
    let correct = 0;
    for (let c = 0; c < k; c++) correct += m[c * k + c];
    const n = s.rows();
    return n === 0 ? undefinedBecause(note, 'no rows to evaluate') : correct / n;
  },

  balanced_accuracy: (s, note) => {
    const pc = perClass(s);
    if (pc.n === 0) return undefinedBecause(note, 'no rows to evaluate');
    let sum = 0;
    let count = 0;
    for (let i = 0; i < pc.labels.length; i++) {
      if (pc.trueSum[i] === 0) continue;
      sum += pc.tp[i] / pc.trueSum[i];
      count++;
    }
    return sum / count;
  },

  macro_precision: averaged('precision', false),
  macro_recall: averaged('recall', false),
  macro_f1: averaged('f1', false),
  weighted_precision: averaged('precision', true),
  weighted_recall: averaged('recall', true),
  weighted_f1: averaged('f1', true),

  micro_f1: (s, note) => {
    const pc = perClass(s);
    if (pc.n === 0) return undefinedBecause(note, 'no rows to evaluate');
    let tp = 0;
    let pred = 0;
    let truth = 0;
    for (let i = 0; i < pc.labels.length; i++) {
      tp += pc.tp[i];
      pred += pc.predSum[i];
      truth += pc.trueSum[i];
    }
    const p = tp / pred;
    const r = tp / truth;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  },

  roc_auc: (s, note) => {
    const issue = s.prep.probaSumIssue();
    if (issue) return undefinedBecause(note, issue);
    const k = (s.prep.input as MulticlassInput).classes;
    let sum = 0;
    const missing: number[] = [];
    for (let c = 0; c < k; c++) {
      const r = s.ovrRank(c);
      if (r.p === 0) missing.push(c);
      else sum += r.auc;
    }
    if (s.rows() === 0) return undefinedBecause(note, 'no rows to evaluate');
    if (missing.length) {
      return undefinedBecause(note, `one-vs-rest AUC needs every class in \`y\` (as scikit-learn does), and class ${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no true rows`);
    }
    return sum / k;
  },

  log_loss: (s, note) => {
    const issue = s.prep.probaIssue();
    if (issue) return undefinedBecause(note, issue);
    if (s.rows() === 0) return undefinedBecause(note, 'no rows to evaluate');
    return s.logLoss();
  },
};
