/** The HTML report's sections: each takes a RunResult and returns an HTML fragment (or ''). */
import type { RunResult } from '../run/runChecks';
import type { GateResult } from '../run/gates';
import { escapeHtml as h, fmt, interval, pct } from './format';
import { barChart, lineChart } from './svg';
import { curvesOf, driftOf, driftScore, explainOf, fairnessOf, groupColumns, importanceRanking, monitoringOf } from './views';

const table = (head: string[], rows: string[], cls = '') => `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
const num = (v: number | null | undefined, attr = '') => `<td class="num"${attr}>${h(fmt(v))}</td>`;
const status = (passed: boolean) => `<span class="badge ${passed ? 'pass' : 'fail'}">${passed ? 'PASS' : 'FAIL'}</span>`;

export function gatesHtml(r: RunResult): string {
  if (!r.gates.length) return '<section id="gates"><h2>Gates</h2><p>No gates in this spec.</p></section>';
  const failed = r.gates.filter((g) => !g.passed).length;
  const rows = r.gates.map(
    (g: GateResult) =>
      `<tr data-gate="${h(`${g.section}.${g.metric}`)}" class="${g.passed ? 'pass' : 'fail'}"><td>${status(g.passed)}</td><td>${h(g.section)}</td><td><code>${h(g.metric)}</code></td>${num(g.value, ' data-value')}<td><code>${h(g.condition)}</code></td><td>${h(g.note ?? '')}</td></tr>`,
  );
  return `<section id="gates"><h2>Gates</h2><p>${failed ? `<strong>${failed} of ${r.gates.length} gate(s) failed.</strong>` : `All ${r.gates.length} gate(s) passed.`}</p>${table(['', 'Section', 'Metric', 'Value', 'Condition', 'Note'], rows, 'gates')}</section>`;
}

export function evaluationHtml(r: RunResult): string {
  const ev = r.evaluation;
  if (!ev) return '';
  const rows = Object.entries(ev.metrics).map(([k, v]) => {
    const ci = ev.intervals[k];
    return `<tr data-metric-row="${h(k)}"><td><code>${h(k)}</code></td>${num(v, ` data-metric="${h(k)}"`)}<td class="num">${h(interval(ci))}</td></tr>`;
  });
  const parts = [`<section id="evaluation"><h2>Evaluation</h2><p>${ev.rows} rows, task ${h(ev.task)}${ev.threshold !== undefined ? `, decision threshold ${fmt(ev.threshold)}` : ''}. Intervals are 95% bootstrap percentile intervals.</p>`];
  parts.push(table(['Metric', 'Value', '95% CI'], rows, 'metrics'));
  const bars = Object.entries(ev.metrics)
    .filter(([k, v]) => v !== null && v >= 0 && v <= 1 && !/loss|brier|error/.test(k))
    .map(([k, v]) => ({ label: k, value: v, low: ev.intervals[k]?.low, high: ev.intervals[k]?.high }));
  const charts: string[] = [];
  if (bars.length) charts.push(barChart(bars, { title: 'Metrics with 95% intervals', range: [0, 1] }));
  const c = curvesOf(r);
  if (c?.roc?.fpr?.length) {
    charts.push(lineChart([{ name: 'chance', x: [0, 1], y: [0, 1], dashed: true }, { name: `ROC (AUC ${fmt(c.roc.auc ?? ev.metrics.roc_auc)})`, x: c.roc.fpr, y: c.roc.tpr }], { title: 'ROC curve', xLabel: 'False positive rate', yLabel: 'True positive rate', xRange: [0, 1], yRange: [0, 1] }));
  }
  if (c?.precision_recall?.recall?.length) {
    charts.push(lineChart([{ name: 'precision-recall', x: c.precision_recall.recall, y: c.precision_recall.precision }], { title: 'Precision-recall curve', xLabel: 'Recall', yLabel: 'Precision', xRange: [0, 1], yRange: [0, 1] }));
  }
  if (c?.calibration?.probPred?.length) {
    charts.push(lineChart([{ name: 'perfect', x: [0, 1], y: [0, 1], dashed: true }, { name: 'model', x: c.calibration.probPred, y: c.calibration.probTrue }], { title: 'Calibration', xLabel: 'Mean predicted probability', yLabel: 'Observed frequency', xRange: [0, 1], yRange: [0, 1] }));
  }
  if (charts.length) parts.push(`<div class="charts">${charts.join('')}</div>`);
  if (ev.confusion_matrix) {
    const labels = ev.labels.length === ev.confusion_matrix.length ? ev.labels.map(String) : ev.confusion_matrix.map((_, i) => String(i));
    const cm = ev.confusion_matrix.map((row, i) => `<tr><th>${h(labels[i])}</th>${row.map((v) => `<td class="num">${v}</td>`).join('')}</tr>`);
    parts.push(`<h3>Confusion matrix</h3><p>Rows: true class; columns: predicted class.</p>${table(['', ...labels.map(h)], cm, 'confusion')}`);
  }
  for (const s of ev.slices ?? []) {
    const slices = s.slices as { slice: string; rows: number; metrics: Record<string, number | null> }[];
    const names = Object.keys(ev.metrics);
    parts.push(`<h3>By <code>${h(s.column)}</code></h3>${table(['Slice', 'Rows', ...names.map((n) => `<code>${h(n)}</code>`)], slices.map((x) => `<tr><td>${h(x.slice)}</td><td class="num">${x.rows}</td>${names.map((n) => num(x.metrics[n])).join('')}</tr>`))}`);
  }
  if (ev.notes.length) parts.push(`<ul class="notes">${ev.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  return parts.join('');
}

export function fairnessHtml(r: RunResult): string {
  const f = fairnessOf(r);
  if (!f) return '';
  const cols = groupColumns(f);
  const rows = f.groups.map((g) => `<tr data-group="${h(g.label)}"${g.small ? ' class="small"' : ''}><td>${h(g.label)}${g.small ? ' <em>(small)</em>' : ''}</td><td class="num">${g.count}</td><td class="num">${pct(g.share)}</td>${cols.map((c) => num(typeof g[c] === 'number' ? (g[c] as number) : null)).join('')}</tr>`);
  const overall = `<tr class="overall"><td><strong>overall</strong></td><td class="num">${f.rows}</td><td class="num">100%</td>${cols.map((c) => num(f.overall[c])).join('')}</tr>`;
  const named = Object.entries(f.metrics).filter(([k]) => /^(demographic|equalized|equal_opportunity|disparate)/.test(k) || !/_(difference|ratio)$/.test(k));
  const gated = new Set(r.gates.filter((g) => g.section === 'fairness').map((g) => g.metric));
  const shown = [...named, ...Object.entries(f.metrics).filter(([k]) => gated.has(k) && !named.some(([n]) => n === k))];
  const disp = shown.map(([k, v]) => `<tr><td><code>${h(k)}</code></td>${num(v, ` data-fairness="${h(k)}"`)}<td class="num">${h(interval(f.intervals[k]))}</td></tr>`);
  const rateName = cols.includes('selection_rate') ? 'selection_rate' : cols[0];
  const chart = rateName
    ? barChart(f.groups.map((g) => ({ label: g.label, value: typeof g[rateName] === 'number' ? (g[rateName] as number) : null, flagged: !!f.four_fifths?.failing_groups.some((x) => x.label === g.label) })), { title: `${rateName} by group`, reference: typeof f.overall[rateName] === 'number' ? { value: f.overall[rateName] as number, label: 'overall' } : undefined })
    : '';
  const ff = f.four_fifths ? `<p>Four-fifths rule: lowest selection rate / highest = ${fmt(f.four_fifths.ratio)} (${f.four_fifths.passed ? 'at least' : 'below'} ${f.four_fifths.threshold}).${f.four_fifths.failing_groups.length ? ` Below the threshold: ${f.four_fifths.failing_groups.map((g) => h(g.label)).join(', ')}.` : ''}</p>` : '';
  const warn = [...f.warnings, ...f.notes].map((w) => `<li>${h(w)}</li>`).join('');
  return `<section id="fairness"><h2>Fairness</h2><p>Groups by ${f.sensitive.map((s) => `<code>${h(s)}</code>`).join(' × ')}; disparities ${f.relative_to === 'overall' ? 'against the overall value' : 'between groups'}; groups under ${f.min_group_size} rows are marked small.</p>${table(['Group', 'Rows', 'Share', ...cols.map((c) => `<code>${h(c)}</code>`)], [...rows, overall], 'groups')}<div class="charts">${chart}</div>${ff}<h3>Disparities</h3>${table(['Metric', 'Value', '95% CI'], disp, 'disparities')}${warn ? `<ul class="notes">${warn}</ul>` : ''}</section>`;
}

export function driftHtml(r: RunResult): string {
  const d = driftOf(r);
  if (!d?.features) return '';
  const feats = Object.entries(d.features);
  const rows = feats.map(([name, f]) => `<tr data-column="${h(name)}" class="${f.drifted ? 'fail' : ''}"><td>${h(name)}</td><td>${h(f.method ?? '')}</td>${num(driftScore(f))}<td>${h(f.rule ?? (f.threshold !== undefined ? fmt(f.threshold) : ''))}</td><td>${f.drifted ? '<strong>drifted</strong>' : 'ok'}</td></tr>`);
  if (d.prediction_drift) {
    const p = d.prediction_drift;
    rows.push(`<tr data-column="(prediction)" class="${p.drifted ? 'fail' : ''}"><td><em>model predictions</em></td><td>${h(p.method ?? '')}</td>${num(driftScore(p))}<td>${h(p.rule ?? '')}</td><td>${p.drifted ? '<strong>drifted</strong>' : 'ok'}</td></tr>`);
  }
  const summary = `${fmt(d.drift_share)} of ${d.number_of_columns ?? feats.length} column(s) drifted${d.dataset_drift ? ' — <strong>the data set drifts</strong>' : ''}${d.share_threshold !== undefined ? ` (data set drift at a share of ${fmt(d.share_threshold)})` : ''}.`;
  const files = d.reference && d.current ? ` Reference: ${d.reference.rows} rows; current: ${d.current.rows} rows.` : '';
  const skipped = d.skipped?.length ? `<ul class="notes">${d.skipped.map((s) => `<li><code>${h(s.column)}</code> not compared: ${h(s.reason)}</li>`).join('')}</ul>` : '';
  const chart = barChart(feats.map(([name, f]) => ({ label: name, value: driftScore(f), flagged: !!f.drifted })), { title: 'Drift score per column (p-value or distance)' });
  return `<section id="drift"><h2>Drift</h2><p data-drift-share="${d.drift_share ?? ''}">${summary}${files}</p>${table(['Column', 'Test', 'Score', 'Rule', 'Verdict'], rows, 'drift')}<div class="charts">${chart}</div>${skipped}</section>`;
}

export function monitoringHtml(r: RunResult): string {
  const m = monitoringOf(r);
  const windows = m?.windows;
  if (!m || !windows?.length) return '';
  const metricNames = [...new Set(windows.flatMap((w) => Object.keys(w.metrics ?? {})))];
  const rows = windows.map((w) => `<tr class="${w.dataset_drift || w.failed_gates?.length ? 'fail' : ''}"><td>${h(w.label ?? String(w.start))}</td><td class="num">${w.rows}</td>${num(w.drift_share)}${metricNames.map((n) => num(w.metrics?.[n])).join('')}<td>${h([...(w.drifted_columns ?? []), ...(w.failed_gates ?? []).map((g) => `gate ${g}`)].join(', '))}</td></tr>`);
  const xs = windows.map((_, i) => i + 1);
  const series = [{ name: 'drift share', x: xs, y: windows.map((w) => w.drift_share ?? NaN) }, ...metricNames.slice(0, 3).map((n) => ({ name: n, x: xs, y: windows.map((w) => w.metrics?.[n] ?? NaN) }))];
  const chart = lineChart(series, { title: 'Windows over time', xLabel: 'Window', yLabel: 'Value', yRange: [0, 1], width: 520 });
  const alert = m.first_alert ? `<p><strong>First alert</strong> in window ${m.first_alert.index + 1} (${h(m.first_alert.start)}): ${h(m.first_alert.reasons.join('; '))}.</p>` : '';
  return `<section id="monitoring"><h2>Monitoring</h2>${alert}${m.recommendation ? `<p>${h(m.recommendation)}</p>` : ''}${table(['Window', 'Rows', 'Drift share', ...metricNames.map((n) => `<code>${h(n)}</code>`), 'Alerts'], rows, 'windows')}<div class="charts">${chart}</div></section>`;
}

export function explainHtml(r: RunResult): string {
  const e = explainOf(r);
  if (!e) return '';
  const ranking = importanceRanking(e);
  const parts = [`<section id="explain"><h2>Explanations</h2>`];
  if (e.summary) parts.push(`<p class="summary">${h(e.summary)}</p>`);
  if (ranking.length) {
    parts.push(`<p>Permutation importance: how much <code>${h(e.metric ?? 'the metric')}</code> drops when a feature's values are shuffled${e.rows ? ` (${e.rows} rows)` : ''}${e.baseline !== undefined ? `; unshuffled ${fmt(e.baseline)}` : ''}.</p>`);
    parts.push(`<div class="charts">${barChart(ranking.map((x) => ({ label: x.feature, value: x.mean, low: x.mean - x.std, high: x.mean + x.std })), { title: 'Permutation importance (mean ± std)' })}</div>`);
    parts.push(table(['Feature', 'Mean drop', 'Std'], ranking.map((x) => `<tr data-feature="${h(x.feature)}"><td>${h(x.feature)}</td>${num(x.mean)}${num(x.std)}</tr>`), 'importance'));
  }
  const pd = (e.partial_dependence ?? []).filter((p) => p.grid.every((g) => typeof g === 'number')).slice(0, 4);
  if (pd.length) parts.push(`<h3>Partial dependence</h3><div class="charts">${pd.map((p) => lineChart([{ name: p.feature, x: p.grid as number[], y: p.average }], { title: p.feature, xLabel: p.feature, yLabel: 'Average prediction', width: 300, height: 220 })).join('')}</div>`);
  parts.push('</section>');
  return parts.join('');
}
