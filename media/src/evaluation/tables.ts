/** The Evaluation panel's tables: metrics by slice, regression residuals, notes. */
import type { EvaluationView } from '../../../server/src/protocol/webview/evaluation';
import { h } from '../lib/dom';
import { count, fmt, label } from '../lib/format';

export function sliceTables(ev: EvaluationView): HTMLElement[] {
  return (ev.slices ?? []).map((s) => {
    const metrics = Object.keys(s.slices[0]?.metrics ?? {});
    return h('section', { class: 'table-section' },
      h('h2', {}, `By ${label(s.column)}`),
      h('div', { class: 'table-wrap' },
        h('table', {},
          h('caption', { class: 'visually-hidden' }, `Metrics by ${s.column}`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.column), h('th', { scope: 'col', class: 'num' }, 'rows'), ...metrics.map((m) => h('th', { scope: 'col', class: 'num' }, label(m))))),
          h('tbody', {},
            ...s.slices.map((sl) =>
              h('tr', {}, h('th', { scope: 'row' }, sl.slice), h('td', { class: 'num' }, count(sl.rows)), ...metrics.map((m) => h('td', { class: 'num' }, fmt(sl.metrics[m] ?? null)))),
            ),
            h('tr', { class: 'overall' }, h('th', { scope: 'row' }, 'all rows'), h('td', { class: 'num' }, count(ev.rows)), ...metrics.map((m) => h('td', { class: 'num' }, fmt(ev.metrics[m] ?? null)))),
          ),
        ),
      ),
    );
  });
}

export function residualTable(ev: EvaluationView): HTMLElement | null {
  const r = ev.residuals;
  if (!r) return null;
  const q = Object.entries(r.quantiles).sort((a, b) => Number(a[0]) - Number(b[0]));
  return h('section', { class: 'table-section' },
    h('h2', {}, 'Residuals (true − predicted)'),
    h('table', {},
      h('tbody', {},
        h('tr', {}, h('th', { scope: 'row' }, 'mean'), h('td', { class: 'num' }, fmt(r.mean))),
        h('tr', {}, h('th', { scope: 'row' }, 'standard deviation'), h('td', { class: 'num' }, fmt(r.std))),
        ...q.map(([p, v]) => h('tr', {}, h('th', { scope: 'row' }, `${p}th percentile`), h('td', { class: 'num' }, fmt(v)))),
        h('tr', {}, h('th', { scope: 'row' }, 'largest |residual|'), h('td', { class: 'num' }, fmt(r.maxAbs))),
      ),
    ),
  );
}

export function notesList(notes: string[], title = 'Notes'): HTMLElement | null {
  if (!notes.length) return null;
  return h('section', { class: 'notes' }, h('h2', {}, title), h('ul', {}, ...notes.map((n) => h('li', {}, n))));
}
