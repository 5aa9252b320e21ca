/**
 * The Fairness panel (webview entry): per-group bar chart for a chosen metric with the overall value,
 * disparities against their gates, the four-fifths rule, small-group warnings and the per-group table.
 */
import { fairnessState, groupValue, parseFairnessToWebview, type FairnessState, type FairnessToWebview } from '../../server/src/protocol/webview/fairness';
import { assertNever, parse } from '../../server/src/protocol/webview/schema';
import { barChart } from './charts/barPlot';
import { h } from './lib/dom';
import { count, fmt, label } from './lib/format';
import { startPanel, type PanelContext } from './lib/panel';
import { disparityTable, groupTable } from './fairness/tables';
import { notesList } from './evaluation/tables';

interface Ui {
  metric?: string;
  showAll: boolean;
}
type Ctx = PanelContext<FairnessState, Ui, never>;

const PREFERRED = ['selection_rate', 'true_positive_rate', 'false_positive_rate', 'mean_prediction', 'mae', 'base_rate'];

function render(ctx: Ctx): Node[] {
  const f = ctx.state.fairness;
  const metrics = f.group_metrics;
  const metric = ctx.ui.metric && metrics.includes(ctx.ui.metric) ? ctx.ui.metric : (PREFERRED.find((m) => metrics.includes(m)) ?? metrics[0]);
  const out: Node[] = [];
  out.push(h('p', { class: 'meta' }, `${count(f.rows)} rows · sensitive: ${f.sensitive.join(', ')} · ${f.groups.length} groups · ${f.task === 'data' ? 'bias in the data (no predictions)' : f.task}`));
  for (const w of f.warnings) out.push(h('div', { class: 'banner warning', role: 'note' }, w));
  const small = f.groups.filter((g) => g.small);
  if (small.length && !f.warnings.length) out.push(h('div', { class: 'banner warning', role: 'note' }, `${small.length} group(s) have fewer than ${f.min_group_size} rows (${small.map((g) => g.label).join(', ')}): their rates are uncertain.`));
  if (f.four_fifths) {
    const ff = f.four_fifths;
    out.push(h('p', { class: 'four-fifths' },
      h('span', { class: ff.passed ? 'pass' : 'fail' }, ff.passed ? '✓ ' : '✗ '),
      `Four-fifths rule: lowest selection rate / highest = ${fmt(ff.ratio)} (${ff.passed ? 'at least' : 'below'} ${fmt(ff.threshold)})`,
      ff.failing_groups.length ? `; below: ${ff.failing_groups.map((g) => `${g.label} (${fmt(g.impact_ratio)})`).join(', ')}` : '',
    ));
  }
  if (metric) {
    const select = h('select', { id: 'group-metric', onchange: (e: Event) => { ctx.setUi({ metric: (e.target as HTMLSelectElement).value }); ctx.render(); document.getElementById('group-metric')?.focus(); } },
      ...metrics.map((m) => h('option', { value: m, selected: m === metric }, label(m))));
    const overall = f.overall[metric];
    const chart = barChart({
      title: `${label(metric)} by group`,
      bars: f.groups.map((g) => ({ label: g.label, value: groupValue(g, metric), className: g.small ? 'small' : undefined, note: g.small ? `small group (${g.count} rows)` : undefined, key: g.label })),
      references: overall !== null && overall !== undefined ? [{ value: overall, label: 'overall', className: 'muted' }] : [],
      width: 620,
      labelWidth: 170,
      rowHeight: f.groups.length <= 6 ? 32 : 24,
    });
    out.push(h('section', { class: 'figure-section' },
      h('div', { class: 'toolbar' }, h('label', { for: 'group-metric' }, 'Per-group metric'), select),
      h('figure', { class: 'figure' }, chart, h('figcaption', {}, `${label(metric)} per group; dashed line: all rows${small.length ? '; hatched bars: small groups' : ''}`)),
    ));
  }
  out.push(disparityTable(f, ctx.state.gates, ctx.ui.showAll, () => { ctx.setUi({ showAll: !ctx.ui.showAll }); ctx.render(); }));
  out.push(groupTable(f));
  const notes = notesList(f.notes);
  if (notes) out.push(notes);
  return out;
}

startPanel<FairnessState, FairnessToWebview, Ui>({
  title: 'Fairness',
  sections: ['fairness'],
  parse: parseFairnessToWebview,
  parseState: (v) => parse(fairnessState, v),
  initialUi: (saved) => {
    const s = saved as Partial<Ui> | undefined;
    return { metric: typeof s?.metric === 'string' ? s.metric : undefined, showAll: s?.showAll === true };
  },
  render,
  onMessage: (m) => assertNever(m, 'message'),
});
