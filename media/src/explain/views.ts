/** The Explainability panel's parts: importance bars, the waterfall of one row, partial dependence with ICE. */
import type { ExplainView, PartialDependenceView, RowExplanationView } from '../../../server/src/protocol/webview/explain';
import { barChart } from '../charts/barPlot';
import { lineChart } from '../charts/linePlot';
import { waterfall } from '../charts/waterfallPlot';
import { h } from '../lib/dom';
import { count, fmt, label } from '../lib/format';

export function importanceChart(x: ExplainView): HTMLElement {
  const entries = Object.entries(x.importance).sort((a, b) => b[1].mean - a[1].mean);
  if (!entries.length) return h('p', { class: 'muted' }, 'No permutation importance: the spec has no `data.target` to score shuffled predictions against.');
  const repeats = entries[0][1].values.length;
  const title = `Permutation importance: drop in ${label(x.metric)} when a feature is shuffled`;
  return h('figure', { class: 'figure' },
    barChart({
      title,
      bars: entries.map(([f, v]) => ({ label: f, value: v.mean, low: v.mean - v.std, high: v.mean + v.std, className: v.mean <= 0 ? 'muted' : undefined })),
      width: 620, labelWidth: 150, xLabel: `${label(x.metric)} drop (mean ± std over ${repeats} shuffles)`,
    }),
    h('figcaption', {}, `${title}; baseline ${label(x.metric)} ${fmt(x.baseline)} on ${count(x.rows)} rows`),
  );
}

export function waterfallChart(e: RowExplanationView): HTMLElement {
  const contributions = Object.entries(e.contributions).map(([f, v]) => {
    const value = e.values?.[f];
    return { label: f, value: v, detail: value === undefined ? undefined : value === null ? 'missing' : typeof value === 'number' ? fmt(value) : value };
  });
  const title = `Row ${e.row}: from the base value ${fmt(e.base_value)} to the prediction ${fmt(e.prediction)}`;
  return h('figure', { class: 'figure', 'aria-live': 'polite' },
    waterfall({ title, base: e.base_value, prediction: e.prediction, contributions, maxRows: 12, width: 620, xLabel: 'model output' }),
    h('figcaption', {}, `${title} (${e.method === 'exact-shapley' ? 'exact Shapley values' : 'Kernel SHAP'}; red raises the output, blue lowers it)`),
  );
}

export function pdpChart(p: PartialDependenceView): HTMLElement {
  const cats = p.categories;
  const ice = p.ice.map((curve, i) => ({ name: `row ${p.ice_rows[i]}`, points: curve.map((v, j) => [p.grid[j], v] as [number, number]), className: 'ice', legend: false }));
  const title = `Partial dependence of the prediction on ${p.feature}`;
  const chart = lineChart({
    title, width: 560, height: 280,
    series: [...ice, { name: 'average (partial dependence)', points: p.average.map((v, j) => [p.grid[j], v]), className: 'average' }, ...(ice.length ? [{ name: `${ice.length} rows (ICE)`, points: [], className: 'ice' }] : [])],
    xLabel: p.feature, yLabel: 'prediction',
    ...(cats ? { xTicks: p.grid, xFormat: (v: number) => cats[Math.round(v)] ?? String(v) } : {}),
  });
  return h('figure', { class: 'figure' }, chart, h('figcaption', {}, `${title}: thick line the average over all rows, thin lines single rows (ICE)`));
}
