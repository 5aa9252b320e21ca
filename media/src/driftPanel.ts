/**
 * The Drift panel (webview entry): drift share, a sortable per-column table whose selected column
 * shows reference and current histograms overlaid, prediction drift, and the monitoring timeline.
 */
import { driftState, parseDriftToWebview, type DriftState, type DriftToWebview } from '../../server/src/protocol/webview/drift';
import { assertNever, parse } from '../../server/src/protocol/webview/schema';
import { h } from './lib/dom';
import { count, fmt, label, pct } from './lib/format';
import { startPanel, type PanelContext } from './lib/panel';
import { columnDetail, columnTable, fileName } from './drift/columns';
import { isSortKey, type Sort } from './drift/sort';
import { timeline } from './drift/timeline';
import { notesList } from './evaluation/tables';

interface Ui {
  sort: Sort;
  column?: string;
  metric?: string;
}
type Ctx = PanelContext<DriftState, Ui, never>;

function render(ctx: Ctx): Node[] {
  const { drift, monitoring } = ctx.state;
  const out: Node[] = [];
  if (drift) {
    const features = Object.values(drift.features);
    const selected = ctx.ui.column && drift.features[ctx.ui.column] ? ctx.ui.column : (features.find((f) => f.drifted) ?? features[0])?.column ?? '';
    out.push(h('section', { class: 'stats', 'aria-label': 'Summary' },
      h('span', { class: 'stat' }, h('b', { class: drift.dataset_drift ? 'fail' : undefined }, pct(drift.drift_share, 1)), 'drift share'),
      h('span', { class: 'stat' }, h('b', {}, `${drift.number_of_drifted_columns} of ${drift.number_of_columns}`), 'columns drifted'),
      h('span', { class: 'stat' }, h('b', { class: drift.dataset_drift ? 'fail' : 'pass' }, drift.dataset_drift ? 'yes' : 'no'), `data set drift (at ${pct(drift.share_threshold, 0)})`),
      drift.prediction_drift ? h('span', { class: 'stat' }, h('b', { class: drift.prediction_drift.drifted ? 'fail' : 'pass' }, drift.prediction_drift.drifted ? 'yes' : 'no'), `prediction drift (${label(drift.prediction_drift.method)} ${fmt(drift.prediction_drift.score)})`) : null,
    ));
    out.push(h('p', { class: 'meta' }, `reference ${fileName(drift.reference.file)} (${count(drift.reference.rows)} rows) vs current ${fileName(drift.current.file)} (${count(drift.current.rows)} rows) · method ${drift.method}`));
    const table = columnTable({
      drift, sort: ctx.ui.sort, selected,
      onSort: (sort) => { ctx.setUi({ sort }); ctx.render(); (document.querySelector(`[data-sort="${sort.key}"]`) as HTMLElement | null)?.focus(); },
      onSelect: (column) => { ctx.setUi({ column }); ctx.render(); (document.querySelector(`tr[data-column="${CSS.escape(column)}"]`) as HTMLElement | null)?.focus(); },
    });
    out.push(h('section', { class: 'grid-2' }, h('div', {}, h('h2', {}, 'Columns'), table), h('div', {}, h('h2', {}, selected ? `Distribution of ${selected}` : 'Distribution'), columnDetail(drift.features[selected], drift))));
    if (drift.skipped.length) out.push(h('p', { class: 'hint' }, `Not compared: ${drift.skipped.map((s) => `${s.column} (${s.reason})`).join('; ')}`));
    const notes = notesList(drift.notes);
    if (notes) out.push(notes);
  }
  if (monitoring) {
    out.push(h('h2', {}, `Monitoring: ${monitoring.windows.length} windows of ${monitoring.window.size}${monitoring.timestamp ? ` by ${monitoring.timestamp}` : ''}`));
    out.push(...timeline(monitoring, ctx.state.gates, ctx.ui.metric, (metric) => { ctx.setUi({ metric }); ctx.render(); document.getElementById('window-metric')?.focus(); }));
    const notes = notesList(monitoring.notes, 'Monitoring notes');
    if (notes) out.push(notes);
  }
  return out;
}

startPanel<DriftState, DriftToWebview, Ui>({
  title: 'Drift',
  sections: ['drift', 'monitoring'],
  parse: parseDriftToWebview,
  parseState: (v) => parse(driftState, v),
  initialUi: (saved) => {
    const s = saved as Partial<Ui> | undefined;
    const sort: Sort = s?.sort && isSortKey(s.sort.key) && (s.sort.dir === 'asc' || s.sort.dir === 'desc') ? { key: s.sort.key, dir: s.sort.dir } : { key: 'drifted', dir: 'desc' };
    return { sort, column: typeof s?.column === 'string' ? s.column : undefined, metric: typeof s?.metric === 'string' ? s.metric : undefined };
  },
  render,
  onMessage: (m) => assertNever(m, 'message'),
});
