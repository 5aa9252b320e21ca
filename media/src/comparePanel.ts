/**
 * The Compare panel (webview entry, bundled to dist/webview/comparePanel.js): champion vs challenger.
 * A verdict banner, the metric table (champion, challenger, delta and its paired bootstrap interval),
 * a delta bar chart with error bars, McNemar's test and the disagreement rate, fairness deltas per
 * disparity with their paired intervals, and the compare gates (in the shell's gate list).
 */
import { compareState, parseCompareToWebview, type CompareState, type CompareToWebview, type CompareView } from '../../server/src/protocol/webview/compare';
import type { GateView } from '../../server/src/protocol/webview/common';
import { assertNever, parse } from '../../server/src/protocol/webview/schema';
import { barChart } from './charts/barPlot';
import { h } from './lib/dom';
import { count, delta, fmt, label, pct } from './lib/format';
import { startPanel, type PanelContext } from './lib/panel';
import { notesList } from './evaluation/tables';
import { deltaBars, disparityNames, gateOf } from './compare/view';

interface Ui {
  /** Every disparity, not only the gated and named ones. */
  showAll: boolean;
}
type Ctx = PanelContext<CompareState, Ui, never>;

const signed = (v: number | null) => (v === null ? '—' : delta(v, 4));

function gateCell(g: GateView | undefined): HTMLElement {
  return g ? h('td', { class: g.passed ? 'pass' : 'fail' }, `${g.condition} ${g.passed ? '✓ passed' : '✗ failed'}`) : h('td', { class: 'muted' }, '');
}

function metricTable(c: CompareView, gates: GateView[]): HTMLElement {
  const level = c.bootstrap ? `${Math.round(c.bootstrap.level * 100)}% interval` : 'interval';
  return h('section', { class: 'table-section' },
    h('h2', {}, 'Metrics'),
    h('div', { class: 'table-wrap' },
      h('table', { id: 'compare-metrics' },
        h('thead', {}, h('tr', {}, ...['metric', 'champion', 'challenger', 'delta', level, 'gate'].map((t, i) => h('th', { scope: 'col', class: i > 0 && i < 5 ? 'num' : undefined }, t)))),
        h('tbody', {},
          ...Object.entries(c.metrics).map(([name, m]) =>
            h('tr', { 'data-metric': name },
              h('th', { scope: 'row' }, label(name)),
              h('td', { class: 'num' }, fmt(m.champion, 4)),
              h('td', { class: 'num' }, fmt(m.challenger, 4)),
              h('td', { class: 'num' }, signed(m.delta)),
              h('td', { class: 'num' }, m.interval ? `${signed(m.interval.low)} – ${signed(m.interval.high)}` : '—'),
              gateCell(gateOf(gates, name)),
            ),
          ),
        ),
      ),
    ),
  );
}

function deltaChart(c: CompareView, gates: GateView[]): HTMLElement | null {
  const bars = deltaBars(c, gates);
  if (!bars.length) return null;
  const chart = barChart({ title: 'Challenger − champion per metric', bars, width: 620, labelWidth: 170, references: [{ value: 0, label: 'no change', className: 'muted' }], xLabel: 'challenger − champion', format: (v) => delta(v, 3) });
  return h('section', { class: 'figure-section' },
    h('figure', { class: 'figure' }, chart, h('figcaption', {}, c.bootstrap ? `Difference per metric with its ${Math.round(c.bootstrap.level * 100)}% paired bootstrap interval (${count(c.bootstrap.resamples)} resamples of the same rows); red: its compare gate failed.` : 'Difference per metric (no bootstrap: set evaluation.bootstrap for intervals).')),
  );
}

function agreement(c: CompareView): HTMLElement | null {
  if (!c.mcnemar && c.disagreement_rate === null) return null;
  const m = c.mcnemar;
  return h('section', { class: 'table-section', id: 'agreement' },
    h('h2', {}, 'Where the models differ'),
    c.disagreement_rate !== null ? h('p', {}, `The models predict different labels on ${count(c.disagreements ?? 0)} of ${count(c.rows)} rows (${pct(c.disagreement_rate)}).`) : null,
    m ? h('p', {}, `McNemar's test (${m.method}): p = ${fmt(m.p_value, 3)} over ${count(m.discordant)} rows where exactly one model is right — champion only: ${count(m.b)}, challenger only: ${count(m.c)}${m.method === 'chi-square' ? `; χ² = ${fmt(m.statistic)}` : ''}.`) : null,
  );
}

function fairnessTable(c: CompareView, gates: GateView[], showAll: boolean, toggle: () => void): HTMLElement | null {
  const f = c.fairness;
  if (!f) return null;
  const level = c.bootstrap ? `${Math.round(c.bootstrap.level * 100)}% interval` : 'interval';
  const total = Object.keys(f.metrics).length;
  const names = disparityNames(c, gates, showAll);
  return h('section', { class: 'table-section' },
    h('h2', {}, `Fairness deltas (sensitive: ${f.sensitive.join(', ')})`),
    ...f.warnings.map((w) => h('div', { class: 'banner warning', role: 'note' }, w)),
    h('div', { class: 'table-wrap' },
      h('table', { id: 'compare-fairness' },
        h('thead', {}, h('tr', {}, ...['disparity', 'champion', 'challenger', 'delta', level, 'gate'].map((t, i) => h('th', { scope: 'col', class: i > 0 && i < 5 ? 'num' : undefined }, t)))),
        h('tbody', {},
          ...names.map((name) => {
            const d = f.metrics[name];
            return h('tr', { 'data-metric': name },
              h('th', { scope: 'row' }, label(name)),
              h('td', { class: 'num' }, fmt(d.champion, 4)),
              h('td', { class: 'num' }, fmt(d.challenger, 4)),
              h('td', { class: 'num' }, signed(d.delta)),
              h('td', { class: 'num' }, d.interval ? `${signed(d.interval.low)} – ${signed(d.interval.high)}` : '—'),
              gateCell(gateOf(gates, name)),
            );
          }),
        ),
      ),
    ),
    total > disparityNames(c, gates, false).length ? h('button', { type: 'button', class: 'link', onclick: toggle, 'aria-controls': 'compare-fairness', 'aria-expanded': showAll }, showAll ? 'Show the gated and named disparities only' : `Show all ${total} disparities`) : null,
  );
}

function render(ctx: Ctx): Node[] {
  const { compare: c, gates, challengerPath } = ctx.state;
  const failed = gates.filter((g) => !g.passed).length;
  const verdict = h('div', { class: `banner verdict ${gates.length ? (c.passed ? 'pass' : 'fail') : ''}`.trim(), role: 'status', id: 'verdict' },
    h('strong', {}, gates.length ? (c.passed ? `✓ The challenger passes all ${gates.length} compare gates` : `✗ The challenger fails ${failed} of ${gates.length} compare gates`) : 'No compare gates'),
    h('span', {}, c.verdict),
  );
  const out: (Node | null)[] = [
    h('p', { class: 'meta' }, `Champion ${c.champion.model} vs challenger ${c.challenger.model} (${challengerPath}) · ${count(c.rows)} rows of ${c.data} · ${c.task}`),
    verdict,
    metricTable(c, gates),
    deltaChart(c, gates),
    agreement(c),
    fairnessTable(c, gates, ctx.ui.showAll, () => {
      ctx.setUi({ showAll: !ctx.ui.showAll });
      ctx.render();
    }),
    notesList(c.notes),
  ];
  return out.filter((n): n is Node => n !== null);
}

startPanel<CompareState, CompareToWebview, Ui>({
  title: 'Compare',
  sections: ['compare'],
  parse: parseCompareToWebview,
  parseState: (v) => parse(compareState, v),
  initialUi: (saved) => ({ showAll: (saved as Partial<Ui> | undefined)?.showAll === true }),
  render,
  onMessage: (m) => assertNever(m, 'message'),
});
