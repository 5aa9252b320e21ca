/** The Fairness panel's tables: disparities against their gates, and every metric per group. */
import type { GateView } from '../../../server/src/protocol/webview/common';
import { groupValue, type FairnessView } from '../../../server/src/protocol/webview/fairness';
import { h } from '../lib/dom';
import { count, fmt, label, pct } from '../lib/format';

/** Fairlearn's named metrics, shown first; the per-metric differences and ratios follow on request. */
export const NAMED = ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio', 'equal_opportunity_difference', 'equal_opportunity_ratio', 'disparate_impact'];

export function disparityRows(f: FairnessView, gates: GateView[], showAll: boolean): string[] {
  const gated = gates.filter((g) => g.section === 'fairness').map((g) => g.metric);
  const names = Object.keys(f.metrics);
  const first = [...new Set([...gated, ...NAMED.filter((n) => names.includes(n))])];
  return showAll ? [...first, ...names.filter((n) => !first.includes(n))] : first;
}

export function disparityTable(f: FairnessView, gates: GateView[], showAll: boolean, toggle: () => void): HTMLElement {
  const rows = disparityRows(f, gates, showAll);
  const hidden = Object.keys(f.metrics).length - rows.length;
  return h('section', { class: 'table-section' },
    h('h2', {}, `Disparities ${f.relative_to === 'overall' ? 'against the overall value' : 'between groups'}`),
    h('div', { class: 'table-wrap' },
      h('table', { id: 'disparities' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'metric'), h('th', { scope: 'col', class: 'num' }, 'value'), h('th', { scope: 'col', class: 'num' }, 'interval'), h('th', { scope: 'col' }, 'gate'))),
        h('tbody', {},
          ...rows.map((m) => {
            const gate = gates.find((g) => g.section === 'fairness' && g.metric === m);
            const ci = f.intervals[m];
            const value = f.metrics[m] ?? (m === 'disparate_impact' ? f.four_fifths?.ratio ?? null : null);
            return h('tr', { class: gate ? 'gated' : undefined },
              h('th', { scope: 'row' }, label(m)),
              h('td', { class: 'num' }, fmt(value)),
              h('td', { class: 'num' }, ci ? `${fmt(ci.low)} – ${fmt(ci.high)}` : '—'),
              gate ? h('td', { class: gate.passed ? 'pass' : 'fail' }, `${gate.condition} ${gate.passed ? '✓ passed' : '✗ failed'}`) : h('td', { class: 'muted' }, ''),
            );
          }),
        ),
      ),
    ),
    hidden > 0 || showAll ? h('button', { type: 'button', class: 'link', onclick: toggle, 'aria-controls': 'disparities', 'aria-expanded': showAll }, showAll ? 'Show the named metrics only' : `Show all ${Object.keys(f.metrics).length} disparities`) : null,
  );
}

export function groupTable(f: FairnessView): HTMLElement {
  // Few groups and many metrics read best with a column per group; many groups with a row per group.
  return h('section', { class: 'table-section' }, h('h2', {}, 'Per group'), h('div', { class: 'table-wrap' }, f.groups.length <= f.group_metrics.length ? groupColumns(f) : groupRows(f)));
}

function groupHeader(f: FairnessView, g: FairnessView['groups'][number]): HTMLElement {
  return h('th', { scope: 'col', class: 'num' }, g.label, g.small ? h('span', { class: 'warn', title: `fewer than ${f.min_group_size} rows` }, ' (small)') : null);
}

function groupColumns(f: FairnessView): HTMLElement {
  const row = (name: string, cells: (string | HTMLElement)[], cls?: string) => h('tr', { class: cls }, h('th', { scope: 'row' }, name), ...cells.map((c) => (typeof c === 'string' ? h('td', { class: 'num' }, c) : c)));
  return h('table', { class: 'groups' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'metric'), ...f.groups.map((g) => groupHeader(f, g)), h('th', { scope: 'col', class: 'num' }, 'overall'))),
    h('tbody', {},
      row('rows', [...f.groups.map((g) => h('td', { class: g.small ? 'num warn' : 'num' }, count(g.count))), count(f.rows)]),
      row('share of rows', [...f.groups.map((g) => pct(g.share)), '100%']),
      ...f.group_metrics.map((m) => row(label(m), [...f.groups.map((g) => fmt(groupValue(g, m))), h('td', { class: 'num overall' }, fmt(f.overall[m] ?? null))])),
    ),
  );
}

function groupRows(f: FairnessView): HTMLElement {
  const metrics = f.group_metrics;
  return h('table', { class: 'groups' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'group'), h('th', { scope: 'col', class: 'num' }, 'rows'), h('th', { scope: 'col', class: 'num' }, 'share'), ...metrics.map((m) => h('th', { scope: 'col', class: 'num' }, label(m))))),
    h('tbody', {},
      ...f.groups.map((g) =>
        h('tr', { class: g.small ? 'small' : undefined },
          h('th', { scope: 'row' }, g.label, g.small ? h('span', { class: 'warn', title: `fewer than ${f.min_group_size} rows` }, ' (small)') : null),
          h('td', { class: g.small ? 'num warn' : 'num' }, count(g.count)),
          h('td', { class: 'num' }, pct(g.share)),
          ...metrics.map((m) => h('td', { class: 'num' }, fmt(groupValue(g, m)))),
        ),
      ),
      h('tr', { class: 'overall' }, h('th', { scope: 'row' }, 'overall'), h('td', { class: 'num' }, count(f.rows)), h('td', { class: 'num' }, '100%'), ...metrics.map((m) => h('td', { class: 'num' }, fmt(f.overall[m] ?? null)))),
    ),
  );
}
