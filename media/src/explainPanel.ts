/**
 * The Explainability panel (webview entry): the plain-language summary, permutation importance with
 * error bars, a waterfall of one row's SHAP values with a row picker (the host runs `plumb/explainRow`),
 * and partial dependence with ICE curves for a chosen feature.
 */
import { explainState, parseExplainToWebview, rowExplanation, type ExplainState, type ExplainToWebview, type RowExplanationView } from '../../server/src/protocol/webview/explain';
import { assertNever, parse } from '../../server/src/protocol/webview/schema';
import { h } from './lib/dom';
import { startPanel, type PanelContext } from './lib/panel';
import { importanceChart, pdpChart, waterfallChart } from './explain/views';

interface Ui {
  pdpFeature?: string;
  /** The row shown in the waterfall when it is not the run's own (from `explainRow`). */
  row?: RowExplanationView;
  /** The run (its `ranAt`) that `row` belongs to: a new run shows its own row again. */
  rowRun?: string;
  pending?: number;
  rowError?: string;
}
type Intent = { type: 'explainRow'; row: number };
type Ctx = PanelContext<ExplainState, Ui, Intent>;

function render(ctx: Ctx): Node[] {
  const x = ctx.state.explain;
  const local = ctx.ui.row && ctx.ui.rowRun === ctx.state.meta.ranAt ? ctx.ui.row : x.local;
  const max = ctx.state.evalRows !== undefined ? ctx.state.evalRows - 1 : undefined;
  const out: Node[] = [];
  if (x.summary) out.push(h('p', { class: 'summary', role: 'note' }, x.summary));
  out.push(h('h2', {}, 'Feature importance'), importanceChart(x));

  const input = h('input', { type: 'number', id: 'row', min: 0, max, step: 1, value: local.row, 'aria-describedby': 'row-hint' });
  const ask = (row: number) => {
    if (!Number.isInteger(row) || row < 0 || (max !== undefined && row > max)) {
      ctx.setUi({ rowError: `Choose a row from 0 to ${max ?? 'the last row'}.` });
      ctx.render();
      return;
    }
    ctx.setUi({ pending: row, rowError: undefined });
    ctx.post({ type: 'explainRow', row });
    ctx.render();
  };
  const busy = ctx.ui.pending !== undefined;
  out.push(
    h('h2', {}, 'One prediction, feature by feature'),
    h('form', { class: 'toolbar', onsubmit: (e: Event) => { e.preventDefault(); ask(Number(input.value)); } },
      h('label', { for: 'row' }, 'Row'),
      input,
      h('button', { type: 'submit', disabled: busy }, busy ? `Explaining row ${ctx.ui.pending}…` : 'Explain row'),
      h('button', { type: 'button', class: 'secondary', disabled: busy || local.row <= 0, onclick: () => ask(local.row - 1), 'aria-label': 'Previous row' }, '◀'),
      h('button', { type: 'button', class: 'secondary', disabled: busy || (max !== undefined && local.row >= max), onclick: () => ask(local.row + 1), 'aria-label': 'Next row' }, '▶'),
      h('span', { id: 'row-hint', class: 'hint' }, `0-based data row of the eval data (header excluded)${max !== undefined ? `, 0 to ${max}` : ''}`),
    ),
  );
  if (ctx.ui.rowError) out.push(h('div', { class: 'banner error', role: 'alert' }, ctx.ui.rowError));
  out.push(waterfallChart(local));

  const pdps = x.partial_dependence;
  if (pdps.length) {
    const chosen = pdps.find((p) => p.feature === ctx.ui.pdpFeature) ?? pdps[0];
    const select = h('select', { id: 'pdp-feature', onchange: (e: Event) => { ctx.setUi({ pdpFeature: (e.target as HTMLSelectElement).value }); ctx.render(); document.getElementById('pdp-feature')?.focus(); } },
      ...pdps.map((p) => h('option', { value: p.feature, selected: p === chosen }, p.feature)));
    out.push(h('h2', {}, 'Partial dependence'), h('div', { class: 'toolbar' }, h('label', { for: 'pdp-feature' }, 'Feature'), select), pdpChart(chosen));
  }
  return out;
}

startPanel<ExplainState, ExplainToWebview, Ui, Intent>({
  title: 'Explanations',
  sections: ['explain'],
  parse: parseExplainToWebview,
  parseState: (v) => parse(explainState, v),
  initialUi: (saved) => {
    const s = saved as Partial<Ui> | undefined;
    const row = s?.row !== undefined ? parse(rowExplanation, s.row) : undefined;
    return { pdpFeature: typeof s?.pdpFeature === 'string' ? s.pdpFeature : undefined, row: row?.ok ? row.value : undefined, rowRun: typeof s?.rowRun === 'string' ? s.rowRun : undefined };
  },
  render,
  onMessage(m, ctx) {
    if (!ctx) return;
    switch (m.type) {
      case 'row':
        ctx.setUi({ row: m.explanation, rowRun: ctx.state.meta.ranAt, pending: undefined, rowError: undefined });
        break;
      case 'rowError':
        ctx.setUi({ pending: undefined, rowError: `Row ${m.row}: ${m.message}` });
        break;
      default:
        assertNever(m, 'message');
    }
    ctx.render();
    document.getElementById('row')?.focus();
  },
});
