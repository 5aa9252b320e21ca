/**
 * What every chart does to the SVG Observable Plot returns, before it reaches the document:
 *
 * - Plot's `<style>` element goes (the panels' CSP allows no inline styles and has no style nonce);
 *   media/panel.css holds the same rules for `.chart`.
 * - The root gets the chart's classes, a role and a `<title>`.
 * - Marks tag what they draw with `part(name)` (a render transform: `data-part="name:index"` on each
 *   element, the index of its datum), and `groupParts` gathers the elements of one datum from every
 *   mark into one focusable, labelled `<g>` (a bar with its label, interval and value; a heatmap cell
 *   with its number), so a keyboard or screen-reader user reads a row as one thing.
 * - `focusable` makes single elements (dots, markers) focusable and labelled in place.
 */
import type { RenderFunction } from '@observablehq/plot';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * `nice` for a computed vertical domain: widened to round ticks for about 5 of them, as many as a
 * y axis draws at these heights, so that it ends on a labelled tick (Plot's `nice: true` aims at 10).
 */
export const NICE = 5;

/** The frame every chart model computes: its size and margins, in Plot's option names, with the chart's title for screen readers. */
export function frame(m: { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number } }, title: string) {
  return {
    width: m.width,
    height: m.height,
    marginTop: m.margin.top,
    marginRight: m.margin.right,
    marginBottom: m.margin.bottom,
    marginLeft: m.margin.left,
    ariaLabel: title,
  };
}

/** The elements a mark drew for its data, in index order (markers Plot inserts beside paths skipped). */
function drawn(g: Element): Element[] {
  return Array.from(g.children).filter((c) => c.tagName !== 'marker' && c.tagName !== 'defs');
}

/**
 * Render transform: each element the mark draws gets `data-part="<name>:<index>"` and the classes
 * `classOf(index)` gives (e.g. `bar neg`), so CSS colours it and `groupParts` can find it.
 */
export function part(name: string, classOf?: (index: number) => string | undefined): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    if (!g) return g;
    const elements = drawn(g);
    Array.from(index).forEach((i, k) => {
      const el = elements[k];
      if (!el) return;
      el.setAttribute('data-part', `${name}:${i}`);
      const cls = classOf?.(i)?.split(/\s+/).filter(Boolean);
      if (cls?.length) el.classList.add(...cls);
    });
    return g;
  };
}

/** Render transform: the mark's group gets `aria-label` (a string `ariaLabel` option is a channel in Plot). */
export function named(name: string): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    g?.setAttribute('aria-label', name);
    return g;
  };
}

export interface Labelled {
  /** What a screen reader says, also the tooltip. */
  label: string;
  /** Classes of the element or group. */
  className?: string;
  /** `data-key`, for panels that react to a choice. */
  key?: string;
}

function label(el: Element, l: Labelled): void {
  const doc = el.ownerDocument;
  if (l.className) el.classList.add(...l.className.split(/\s+/).filter(Boolean));
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', l.label);
  if (l.key !== undefined) el.setAttribute('data-key', l.key);
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = l.label;
  el.insertBefore(title, el.firstChild);
}

/** Render transform: each element drawn becomes focusable, with its label and classes. */
export function focusable(labelOf: (index: number) => Labelled): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    if (!g) return g;
    const elements = drawn(g);
    Array.from(index).forEach((i, k) => {
      if (elements[k]) label(elements[k], labelOf(i));
    });
    return g;
  };
}

/**
 * Gathers the elements tagged `part(name)` into one `<g>` per datum, in `groups` order, each
 * focusable and labelled. An element keeps its mark's attributes (transform, fill, font, class)
 * through a shallow copy of the mark's `<g>` around it; marks left empty are removed.
 */
export function groupParts(svg: SVGSVGElement, name: string, groups: Labelled[], containerClass = `${name}s`): SVGGElement {
  const doc = svg.ownerDocument;
  const container = doc.createElementNS(SVG_NS, 'g');
  container.setAttribute('class', containerClass);
  const rows = groups.map((l) => {
    const g = doc.createElementNS(SVG_NS, 'g');
    label(g, l);
    container.appendChild(g);
    return g;
  });
  const tagged = Array.from(svg.querySelectorAll(`[data-part^="${name}:"]`));
  const marks = [...new Set(tagged.map((el) => el.parentElement!))];
  const wrappers = new Map<string, Element>();
  for (const el of tagged) {
    const i = Number(el.getAttribute('data-part')!.slice(name.length + 1));
    const row = rows[i];
    if (!row) continue;
    const mark = el.parentElement!;
    const id = `${marks.indexOf(mark)}:${i}`;
    let wrapper = wrappers.get(id);
    if (!wrapper) {
      wrapper = mark.cloneNode(false) as Element;
      for (const a of ['aria-label', 'aria-description', 'aria-hidden']) wrapper.removeAttribute(a);
      wrappers.set(id, wrapper);
      row.appendChild(wrapper);
    }
    wrapper.appendChild(el);
  }
  const first = marks.find((m) => m.parentNode === svg);
  svg.insertBefore(container, first ?? null);
  for (const m of marks) if (!drawn(m).length && !m.querySelector('marker')) m.remove();
  return container;
}

export interface FinishOptions {
  title: string;
  /** Extra classes besides `chart`, e.g. `bar-chart`. */
  className: string;
  role?: 'img' | 'group';
  desc?: string;
}

/** Plot's SVG made ready for the document: its `<style>` removed, classes, role, title. */
export function finishChart(node: Element, o: FinishOptions): SVGSVGElement {
  if (node.tagName.toLowerCase() !== 'svg') throw new Error(`a chart is an <svg>, not <${node.tagName}>`);
  const svg = node as SVGSVGElement;
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  svg.setAttribute('class', `chart ${o.className}`);
  svg.setAttribute('role', o.role ?? 'group');
  svg.setAttribute('aria-label', o.title);
  // Plot's presentation defaults; panel.css sets the font and colours from the theme instead.
  for (const a of ['font-family', 'font-size', 'fill']) svg.removeAttribute(a);
  const doc = svg.ownerDocument;
  if (o.desc) {
    const desc = doc.createElementNS(SVG_NS, 'desc');
    desc.textContent = o.desc;
    svg.insertBefore(desc, svg.firstChild);
  }
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = o.title;
  svg.insertBefore(title, svg.firstChild);
  return svg;
}

export interface LegendItem {
  name: string;
  /** Class of the swatch, e.g. `series-1` or `ref`. */
  className: string;
  /** A line (curves) or a square (areas, bars). */
  shape: 'line' | 'square';
}

/** A legend above a chart, in HTML (hidden from screen readers: the marks carry their names). */
export function legend(items: LegendItem[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'legend';
  box.setAttribute('aria-hidden', 'true');
  for (const item of items) {
    const entry = document.createElement('span');
    entry.className = `legend-item ${item.className}`;
    const swatch = document.createElement('span');
    swatch.className = `swatch ${item.shape}`;
    entry.append(swatch, item.name);
    box.appendChild(entry);
  }
  return box;
}

/** The box a chart sits in (scrolls sideways rather than overflow a narrow panel). */
export function chartBox(...children: (Element | null)[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'chart-box';
  for (const c of children) if (c) box.appendChild(c);
  return box;
}
