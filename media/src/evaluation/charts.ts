/** The Evaluation panel's charts: confusion matrix, ROC, precision-recall and calibration curves. */
import type { EvaluationView, SweepPointView } from '../../../server/src/protocol/webview/evaluation';
import { heatmap } from '../charts/heatmapPlot';
import type { Marker } from '../charts/line';
import { lineChart } from '../charts/linePlot';
import { h } from '../lib/dom';
import { count, fmt } from '../lib/format';

export function confusionChart(ev: EvaluationView, at: SweepPointView | undefined): HTMLElement | null {
  const labels = ev.labels.map(String);
  let values = ev.confusion_matrix;
  if (at && labels.length === 2) values = [[at.tn, at.fp], [at.fn, at.tp]];
  if (!values?.length) return null;
  const n = values.length;
  const names = labels.length === n ? labels : values.map((_, i) => String(i));
  const title = at ? `Confusion matrix at threshold ${fmt(at.threshold, 2)}` : 'Confusion matrix';
  return h('figure', { class: 'figure' },
    heatmap({ title, rowLabels: names, colLabels: names, values, rowTitle: 'true label', colTitle: 'predicted label', format: count, cell: n > 6 ? 40 : 64, describe: (r, c) => `true ${names[r]}, predicted ${names[c]}`, cellClass: (r, c) => (r === c ? 'correct' : undefined) }),
    h('figcaption', {}, title),
  );
}

export function curveCharts(ev: EvaluationView, at: SweepPointView | undefined): HTMLElement[] {
  const out: HTMLElement[] = [];
  const curves = ev.curves;
  const t = at?.threshold ?? ev.threshold;
  const tLabel = t !== undefined ? `threshold ${fmt(t, 2)}` : '';
  const point = at ?? (ev.threshold !== undefined ? ev.threshold_sweep?.points.find((p) => Math.abs(p.threshold - ev.threshold!) < 1e-9) : undefined);
  const marker = (x: number, y: number): Marker[] => (point ? [{ x, y, label: tLabel, className: 'threshold' }] : []);
  const rate = (a: number, b: number) => (b === 0 ? 0 : a / b);
  if (curves?.roc) {
    const r = curves.roc;
    const title = `ROC curve (AUC ${fmt(r.auc)})`;
    out.push(figure(title, lineChart({
      title, series: [{ name: 'ROC', points: r.fpr.map((x, i) => [x, r.tpr[i]]) }], xDomain: [0, 1], yDomain: [0, 1], xLabel: 'false positive rate', yLabel: 'true positive rate', diagonal: true,
      markers: point ? marker(rate(point.fp, point.fp + point.tn), rate(point.tp, point.tp + point.fn)) : [],
    })));
  }
  if (curves?.precision_recall) {
    const p = curves.precision_recall;
    const title = `Precision-recall (AP ${fmt(p.averagePrecision)})`;
    const pos = point ? point.tp + point.fn : undefined;
    const rows = point ? point.tp + point.fn + point.fp + point.tn : undefined;
    out.push(figure(title, lineChart({
      title, series: [{ name: 'precision-recall', points: p.recall.map((x, i) => [x, p.precision[i]]) }], xDomain: [0, 1], yDomain: [0, 1], xLabel: 'recall', yLabel: 'precision',
      hLines: pos !== undefined && rows ? [{ value: pos / rows, label: 'positive rate (no skill)', className: 'muted' }] : [],
      markers: point ? marker(rate(point.tp, point.tp + point.fn), rate(point.tp, point.tp + point.fp)) : [],
    })));
  }
  if (curves?.calibration) {
    const c = curves.calibration;
    const title = `Calibration (ECE ${fmt(c.expectedCalibrationError)})`;
    out.push(figure(title, lineChart({
      title, series: [{ name: 'observed positive rate', points: c.probPred.map((x, i) => [x, c.probTrue[i]]), dots: true }], xDomain: [0, 1], yDomain: [0, 1], xLabel: 'mean predicted probability', yLabel: 'observed positive rate', diagonal: true,
    })));
  }
  return out;
}

function figure(title: string, chart: HTMLElement): HTMLElement {
  return h('figure', { class: 'figure' }, chart, h('figcaption', {}, title));
}
