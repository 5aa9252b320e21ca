/** The Drift panel's per-column table (sortable, rows selectable by mouse and keyboard) and histograms. */
import type { DriftView, FeatureDriftView } from '../../../server/src/protocol/webview/drift';
import { histogramOverlay } from '../charts/histogramPlot';
import { h } from '../lib/dom';
import { fmt, label, pct } from '../lib/format';
import { sortFeatures, type Sort, type SortKey } from './sort';

const HEADERS: { key: SortKey; text: string; num?: boolean }[] = [
  { key: 'column', text: 'column' },
  { key: 'method', text: 'method' },
  { key: 'score', text: 'score', num: true },
  { key: 'threshold', text: 'threshold', num: true },
  { key: 'drifted', text: 'drifted' },
  { key: 'missing', text: 'missing Δ', num: true },
];

export interface ColumnTableOptions {
  drift: DriftView;
  sort: Sort;
  selected: string;
  onSort(sort: Sort): void;
  onSelect(column: string): void;
}

export function columnTable(o: ColumnTableOptions): HTMLElement {
  const rows = sortFeatures(Object.values(o.drift.features), o.sort);
  const head = HEADERS.map((c) => {
    const active = o.sort.key === c.key;
    const next: Sort = { key: c.key, dir: active && o.sort.dir === 'desc' ? 'asc' : active ? 'desc' : c.key === 'column' || c.key === 'kind' || c.key === 'method' ? 'asc' : 'desc' };
    return h('th', { scope: 'col', class: c.num ? 'num' : undefined, 'aria-sort': active ? (o.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'link sort', onclick: () => o.onSort(next), 'data-sort': c.key }, c.text, active ? (o.sort.dir === 'asc' ? ' ▲' : ' ▼') : ''));
  });
  const body = rows.map((f) => {
    const select = () => o.onSelect(f.column);
    return h('tr', {
      class: `clickable ${f.column === o.selected ? 'selected' : ''}`.trim(), tabindex: 0, 'aria-selected': f.column === o.selected, 'data-column': f.column,
      onclick: select,
      onkeydown: (e: Event) => {
        const k = (e as KeyboardEvent).key;
        if (k === 'Enter' || k === ' ') {
          e.preventDefault();
          select();
        } else if (k === 'ArrowDown' || k === 'ArrowUp') {
          e.preventDefault();
          const row = (e.currentTarget as HTMLElement)[k === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'] as HTMLElement | null;
          row?.focus();
        }
      },
    },
      h('th', { scope: 'row' }, f.column),
      h('td', {}, label(f.method)),
      h('td', { class: 'num' }, fmt(f.score)),
      h('td', { class: 'num', title: f.rule }, f.threshold === null ? '—' : `${ruleOp(f.rule)} ${fmt(f.threshold)}`),
      h('td', { class: f.drifted ? 'fail' : 'pass' }, f.drifted ? '✗ yes' : '✓ no'),
      h('td', { class: 'num' }, f.missing.difference === 0 ? '0' : pct(f.missing.difference)),
    );
  });
  return h('div', { class: 'table-wrap' },
    h('table', { id: 'drift-columns', role: 'grid', 'aria-label': 'Drift per column: select a row to see its histograms' }, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...body)),
  );
}

export function columnDetail(f: FeatureDriftView | undefined, drift: DriftView): HTMLElement {
  if (!f) return h('p', { class: 'muted' }, 'Select a column.');
  const hist = f.histogram;
  const names: [string, string] = [`reference (${fileName(drift.reference.file)})`, `current (${fileName(drift.current.file)})`];
  let chart: HTMLElement;
  if (!hist) chart = h('p', { class: 'muted' }, 'No histogram for this column.');
  else if (hist.kind === 'numeric') chart = histogramOverlay({ title: `${f.column}: reference and current`, edges: hist.edges, reference: hist.reference, current: hist.current, names, xLabel: f.column, width: 560 });
  else {
    const categories = [...hist.categories];
    const reference = [...hist.reference];
    const current = [...hist.current];
    if (hist.other) {
      categories.push(`${hist.other.categories} other`);
      reference.push(hist.other.reference);
      current.push(hist.other.current);
    }
    chart = histogramOverlay({ title: `${f.column}: reference and current`, categories, reference, current, names, xLabel: f.column, width: 560 });
  }
  return h('figure', { class: 'figure column-detail', 'aria-live': 'polite' },
    chart,
    h('figcaption', {}, `${f.column} (${f.kind}): ${f.drifted ? 'drifted' : 'no drift'} (${label(f.method)} ${f.p_value !== null ? 'p-value' : 'score'} ${fmt(f.score)}, rule ${f.rule}). Shares of rows per bin.`),
    h('p', { class: 'hint' }, f.reason),
    f.new_categories?.length ? h('p', { class: 'warn' }, `Only in current: ${f.new_categories.join(', ')}`) : null,
    f.missing_categories?.length ? h('p', { class: 'hint' }, `Only in reference: ${f.missing_categories.join(', ')}`) : null,
    ...f.notes.map((n) => h('p', { class: 'hint' }, n)),
  );
}

/** The comparison of a drift rule ("p_value <= 0.05", "distance >= 0.1") as one symbol. */
export function ruleOp(rule: string): string {
  const op = /(<=|>=|<|>)/.exec(rule)?.[1];
  return op === '<=' ? 'p ≤' : op === '>=' ? '≥' : op === '<' ? 'p <' : op === '>' ? '>' : '';
}

export function fileName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
