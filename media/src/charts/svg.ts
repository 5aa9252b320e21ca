/**
 * The core of Plumb's SVG charts: markup built as strings (so charts are plain functions of their
 * data, testable without a DOM), scales, "nice" ticks and number formatting. Colours never appear
 * here: elements get classes, and media/panel.css maps them to VS Code's theme variables.
 */

export type Attrs = Record<string, string | number | boolean | undefined | null>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A coordinate with at most 2 decimals (keeps the markup short and stable). */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${esc(typeof v === 'number' ? px(v) : v)}"`;
  }
  return out;
}

/** One element; `children` is markup (already escaped), so pass text through `esc`. */
export function el(tag: string, attrs: Attrs = {}, children?: string | string[]): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner === undefined || inner === '' ? `<${tag}${attrText(attrs)}/>` : `<${tag}${attrText(attrs)}>${inner}</${tag}>`;
}

export function text(x: number, y: number, content: string, attrs: Attrs = {}): string {
  return el('text', { x, y, ...attrs }, esc(content));
}

/** The outer element: an accessible image with a title (and a description when given). */
export function svgRoot(width: number, height: number, title: string, body: string[], options: { desc?: string; className?: string; role?: string } = {}): string {
  const head = el('title', {}, esc(title)) + (options.desc ? el('desc', {}, esc(options.desc)) : '');
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: `chart ${options.className ?? ''}`.trim(), viewBox: `0 0 ${px(width)} ${px(height)}`, width, height, role: options.role ?? 'img', 'aria-label': title }, [head, ...body]);
}

export interface Scale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
  invert(p: number): number;
}

/** Maps [d0, d1] linearly onto [r0, r1]; a degenerate domain maps everything to the range's middle. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const f = ((v: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0))) as Scale;
  f.domain = domain;
  f.range = range;
  f.invert = (p: number) => (r1 === r0 ? d0 : d0 + ((p - r0) / (r1 - r0)) * span);
  return f;
}

/** The tick spacing for about `count` ticks over [lo, hi]: 1, 2, 5 or 10 times a power of ten (d3's rule: the nearest to the raw step). */
export function tickStep(lo: number, hi: number, count = 5): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1);
}

const round12 = (v: number) => Number(v.toPrecision(12));

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo];
  if (lo > hi) [lo, hi] = [hi, lo];
  const step = tickStep(lo, hi, count);
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(round12(i * step));
  return ticks;
}

/** [min, max] of finite values (with `extra` values included); [0, 1] when there are none. */
export function extent(values: Iterable<number>, extra: number[] = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...extra]) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? [0, 1] : [lo, hi];
}

/** Widens [lo, hi] to the nearest nice ticks so axes end on a labelled value. */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)];
  const step = tickStep(lo, hi, count);
  return [round12(Math.floor(lo / step + 1e-9) * step), round12(Math.ceil(hi / step - 1e-9) * step)];
}

/** Short number text for axes and labels: 3 significant digits, thousands as k/M, no "-0". */
export function shortNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6) return `${trim((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${trim((v / 1e3).toPrecision(3))}k`;
  if (a === 0) return '0';
  if (a < 1e-3) return v.toExponential(1);
  return trim(v.toPrecision(3));
}

function trim(s: string): string {
  return s.includes('e') || !s.includes('.') ? s : s.replace(/\.?0+$/, '');
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Horizontal axis with ticks and an optional label below. */
export function xAxis(scale: Scale, y: number, options: { ticks?: number[]; format?: (v: number) => string; label?: string; grid?: number } = {}): string {
  const ticks = options.ticks ?? niceTicks(scale.domain[0], scale.domain[1], 5);
  const format = options.format ?? shortNumber;
  const parts = [el('line', { class: 'axis-line', x1: scale.range[0], x2: scale.range[1], y1: y, y2: y })];
  for (const t of ticks) {
    const x = scale(t);
    if (options.grid !== undefined) parts.push(el('line', { class: 'grid', x1: x, x2: x, y1: options.grid, y2: y }));
    parts.push(el('line', { class: 'tick', x1: x, x2: x, y1: y, y2: y + 4 }), text(x, y + 15, format(t), { class: 'tick-label', 'text-anchor': 'middle' }));
  }
  if (options.label) parts.push(text((scale.range[0] + scale.range[1]) / 2, y + 30, options.label, { class: 'axis-label', 'text-anchor': 'middle' }));
  return el('g', { class: 'axis x-axis', 'aria-hidden': 'true' }, parts);
}

/** Vertical axis with ticks and an optional rotated label on the left. */
export function yAxis(scale: Scale, x: number, options: { ticks?: number[]; format?: (v: number) => string; label?: string; grid?: number } = {}): string {
  const ticks = options.ticks ?? niceTicks(scale.domain[0], scale.domain[1], 5);
  const format = options.format ?? shortNumber;
  const parts = [el('line', { class: 'axis-line', x1: x, x2: x, y1: scale.range[0], y2: scale.range[1] })];
  for (const t of ticks) {
    const y = scale(t);
    if (options.grid !== undefined) parts.push(el('line', { class: 'grid', x1: x, x2: options.grid, y1: y, y2: y }));
    parts.push(el('line', { class: 'tick', x1: x - 4, x2: x, y1: y, y2: y }), text(x - 6, y + 4, format(t), { class: 'tick-label', 'text-anchor': 'end' }));
  }
  if (options.label) {
    const cy = (scale.range[0] + scale.range[1]) / 2;
    parts.push(text(12, cy, options.label, { class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 12 ${px(cy)})` }));
  }
  return el('g', { class: 'axis y-axis', 'aria-hidden': 'true' }, parts);
}

/** A text that fits `max` characters, with an ellipsis. */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}
