/**
 * A tiny DOM builder: `h('button', { class: 'x', onclick }, 'Run')`. Text children become text nodes
 * (never HTML), so data from a result cannot inject markup. Charts (media/src/charts) are elements
 * Observable Plot builds the same way, and go in as children.
 */

type Child = Node | string | number | null | undefined | false;
type Handler = (e: Event) => void;
export type Props = Record<string, string | number | boolean | undefined | null | Handler>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, ''), v as Handler);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  append(node, children.flat());
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces the children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
