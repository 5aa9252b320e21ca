/** The Drift panel's monitoring timeline: drift share and a chosen metric per window, and the windows table. */
import type { GateView } from '../../../server/src/protocol/webview/common';
import type { MonitoringView } from '../../../server/src/protocol/webview/drift';
import { gatePasses, parseGate } from '../../../server/src/engine/spec/gates';
import { lineChart } from '../charts/linePlot';
import { h } from '../lib/dom';
import { count, fmt, label, pct } from '../lib/format';

export function timeline(m: MonitoringView, gates: GateView[], metric: string | undefined, onMetric: (m: string) => void): HTMLElement[] {
  const w = m.windows;
  const shortLabel = (i: number) => (w[Math.round(i)] ? w[Math.round(i)].label.replace(/\s*\(.*\)$/, '') : '');
  const ticks = w.map((_, i) => i).filter((i) => w.length <= 8 || i % Math.ceil(w.length / 8) === 0);
  const out: HTMLElement[] = [];
  if (m.first_alert || m.recommendation) out.push(h('div', { class: 'banner warning', role: 'note' }, m.recommendation ?? `Alert from window ${m.first_alert!.index}: ${m.first_alert!.reasons.join('; ')}`));
  const shareChart = lineChart({
    title: 'Drift share per window', width: 520, height: 230,
    series: [{ name: 'drift share', points: w.map((x, i) => [i, x.drift_share ?? NaN]), dots: true, dotClass: (i) => (w[i].dataset_drift || w[i].failed_gates.length ? 'fail' : undefined) }],
    xDomain: [-0.3, Math.max(0.3, w.length - 0.7)], yDomain: [0, 1], xTicks: ticks, xFormat: shortLabel, yFormat: (v) => pct(v, 0), yLabel: 'drift share',
    hLines: [{ value: m.share_threshold, label: `data set drift at ${pct(m.share_threshold, 0)}`, className: 'gate' }],
  });
  const charts = h('div', { class: 'grid-2' }, h('figure', { class: 'figure' }, h('div', { class: 'toolbar' }, h('span', { class: 'muted' }, 'Drift share')), shareChart, h('figcaption', {}, `Share of columns drifted per ${m.window.size} window; red dots: data set drift or a failed gate`)));
  out.push(charts);
  const metricNames = [...new Set(w.flatMap((x) => Object.keys(x.metrics ?? {})))];
  if (metricNames.length) {
    const chosen = metric && metricNames.includes(metric) ? metric : metricNames.includes('roc_auc') ? 'roc_auc' : metricNames[0];
    const gate = gates.find((g) => g.section === 'monitoring' && g.metric === chosen);
    const parsed = gate ? parseGate(gate.condition) : undefined;
    const values = w.map((x) => x.metrics?.[chosen] ?? null);
    const chart = lineChart({
      title: `${label(chosen)} per window`, width: 520, height: 230,
      series: [{ name: label(chosen), points: values.map((v, i) => [i, v ?? NaN]), dots: true, className: 'series-1', dotClass: (i) => (parsed?.ok && !gatePasses(parsed.condition, values[i]) ? 'fail' : undefined) }],
      xDomain: [-0.3, Math.max(0.3, w.length - 0.7)], xTicks: ticks, xFormat: shortLabel, yLabel: label(chosen),
      hLines: parsed?.ok ? [{ value: parsed.condition.value, label: `gate ${gate!.condition}`, className: 'gate' }] : [],
    });
    const select = h('select', { id: 'window-metric', onchange: (e: Event) => onMetric((e.target as HTMLSelectElement).value) }, ...metricNames.map((n) => h('option', { value: n, selected: n === chosen }, label(n))));
    charts.append(h('figure', { class: 'figure' }, h('div', { class: 'toolbar' }, h('label', { for: 'window-metric' }, 'Metric'), select), chart, h('figcaption', {}, `${label(chosen)} on each window's labelled rows${gate ? `; red dots fail the gate ${gate.condition}` : ''}`)));
  }
  out.push(h('div', { class: 'table-wrap' },
    h('table', {},
      h('thead', {}, h('tr', {}, ...['window', 'rows', 'drift share', 'drifted columns', 'prediction drift', 'failed gates'].map((t, i) => h('th', { scope: 'col', class: i === 1 || i === 2 ? 'num' : undefined }, t)))),
      h('tbody', {},
        ...w.map((x) => h('tr', {},
          h('th', { scope: 'row' }, x.label),
          h('td', { class: 'num' }, count(x.rows)),
          h('td', { class: x.dataset_drift ? 'num fail' : 'num' }, pct(x.drift_share, 0)),
          h('td', {}, x.drifted_columns.join(', ') || '—'),
          h('td', { class: x.prediction_drift?.drifted ? 'fail' : undefined }, x.prediction_drift ? (x.prediction_drift.drifted ? `drifted (${fmt(x.prediction_drift.score)})` : `no (${fmt(x.prediction_drift.score)})`) : '—'),
          h('td', { class: x.failed_gates.length ? 'fail' : undefined }, x.failed_gates.join(', ') || '—'),
        )),
      ),
    ),
  ));
  return out;
}
