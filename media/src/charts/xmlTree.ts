/**
 * A strict little XML reader for the chart tests: parses the markup the chart helpers produce into
 * a tree and throws on anything malformed (unbalanced tags, unescaped `<` or `&`, bad attributes),
 * so a test proves the SVG is well-formed before it checks coordinates.
 */

export interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside this element, unescaped. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function unescape(s: string, at: number): string {
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';') || !(name in ENTITIES)) throw new Error(`bad entity ${JSON.stringify(m)} near ${at}`);
    return ENTITIES[name];
  });
}

export function parseXml(src: string): XmlNode {
  let i = 0;
  const root: XmlNode = { tag: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const chunk = src.slice(i, lt < 0 ? src.length : lt);
    if (chunk.includes('>')) throw new Error(`stray ">" near ${i}`);
    if (chunk) stack[stack.length - 1].text += unescape(chunk, i);
    if (lt < 0) break;
    const gt = src.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const inner = src.slice(lt + 1, gt);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (!open || open.tag !== name) throw new Error(`</${name}> closes <${open?.tag}> at ${lt}`);
    } else {
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const m = /^([A-Za-z][\w:-]*)/.exec(body);
      if (!m) throw new Error(`bad tag name at ${lt}`);
      const node: XmlNode = { tag: m[1], attrs: {}, children: [], text: '' };
      let rest = body.slice(m[1].length);
      const attrRe = /^\s+([A-Za-z_:][\w:.-]*)(?:="([^"<]*)")?/;
      while (rest.trim()) {
        const a = attrRe.exec(rest);
        if (!a) throw new Error(`bad attribute ${JSON.stringify(rest.slice(0, 30))} at ${lt}`);
        if (a[1] in node.attrs) throw new Error(`duplicate attribute ${a[1]} at ${lt}`);
        node.attrs[a[1]] = a[2] === undefined ? '' : unescape(a[2], lt);
        rest = rest.slice(a[0].length);
      }
      stack[stack.length - 1].children.push(node);
      if (!selfClosing) stack.push(node);
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].tag}>`);
  return root;
}

/** Every descendant element matching `pred`, in document order. */
export function findAll(node: XmlNode, pred: (n: XmlNode) => boolean): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export const byClass = (cls: string) => (n: XmlNode) => (n.attrs.class ?? '').split(/\s+/).includes(cls);
export const byTag = (tag: string) => (n: XmlNode) => n.tag === tag;

/** All text inside a node and its descendants. */
export function textOf(n: XmlNode): string {
  return n.text + n.children.map(textOf).join('');
}
