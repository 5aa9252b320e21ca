/**
 * A small XML reader for tests (elements, attributes, text, comments, the declaration; entity
 * references checked), and the structure of the Apache Ant JUnit schema (windyroad JUnit.xsd),
 * written out as rules: which attributes each element must, may and must not have, their types,
 * and the order of children. Used to check `toJunitXml` output without an XSD validator.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);?/g, (m, e: string) => {
    if (!m.endsWith(';')) throw new Error(`unterminated entity ${m}`);
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    if (!(e in ENTITIES)) throw new Error(`unknown entity &${e};`);
    return ENTITIES[e];
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (m: string): never => {
    throw new Error(`${m} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) fail('a character XML 1.0 forbids');
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2 || fail('unterminated declaration');
      else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (xml.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const name = /^[A-Za-z_][\w.-]*/.exec(xml.slice(i))?.[0] ?? fail('bad element name');
    i += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(xml[i])) i++;
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const m = /^([A-Za-z_][\w.:-]*)\s*=\s*"([^"<]*)"/.exec(xml.slice(i)) ?? fail('bad attribute');
      if (m[1] in attributes) fail(`duplicate attribute ${m[1]}`);
      attributes[m[1]] = decode(m[2]);
      i += m[0].length;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (xml.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!xml.startsWith(close, i)) fail(`expected ${close}`);
        i += close.length;
        return { name, attributes, children, text };
      }
      if (xml.startsWith('<!--', i)) {
        skipMisc();
        continue;
      }
      if (xml[i] === '<') children.push(element());
      else {
        const end = xml.indexOf('<', i);
        if (end < 0) fail('unterminated element');
        const raw = xml.slice(i, end);
        if (raw.includes('>') && raw.includes(']]>')) fail(']]> in text');
        text += decode(raw);
        i = end;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

const INT = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const TOKEN = (v: string) => v === v.trim() && !/\s{2}|[\t\n\r]/.test(v);

function attrs(e: XmlElement, required: Record<string, (v: string) => boolean>, optional: Record<string, (v: string) => boolean>, errors: string[], where: string): void {
  for (const [k, ok] of Object.entries(required)) {
    if (!(k in e.attributes)) errors.push(`${where}: missing attribute ${k}`);
    else if (!ok(e.attributes[k])) errors.push(`${where}: bad ${k}="${e.attributes[k]}"`);
  }
  for (const [k, v] of Object.entries(e.attributes)) {
    if (k in required) continue;
    if (!(k in optional)) errors.push(`${where}: attribute ${k} is not in the schema`);
    else if (!optional[k](v)) errors.push(`${where}: bad ${k}="${v}"`);
  }
}

/** Violations of the Ant JUnit schema (windyroad JUnit.xsd, `testsuites` root); [] when valid. */
export function junitSchemaErrors(root: XmlElement): string[] {
  const errors: string[] = [];
  const int = (v: string) => INT.test(v);
  const dec = (v: string) => DECIMAL.test(v);
  const nonEmptyToken = (v: string) => v.length > 0 && TOKEN(v);
  if (root.name !== 'testsuites') return [`root is <${root.name}>, not <testsuites>`];
  attrs(root, {}, {}, errors, 'testsuites');
  if (root.text.trim()) errors.push('testsuites: text content');
  root.children.forEach((s, si) => {
    const where = `testsuite[${si}]`;
    if (s.name !== 'testsuite') return errors.push(`${where}: <${s.name}> inside <testsuites>`);
    attrs(s, { name: nonEmptyToken, timestamp: (v) => STAMP.test(v), hostname: nonEmptyToken, tests: int, failures: int, errors: int, time: dec, package: TOKEN, id: int }, { skipped: int }, errors, where);
    const names = s.children.map((c) => c.name);
    const expected = ['properties', ...names.filter((n) => n === 'testcase'), 'system-out', 'system-err'];
    if (names.join() !== expected.join()) errors.push(`${where}: children ${names.join(', ')}; the schema wants properties, testcase*, system-out, system-err`);
    if (s.text.trim()) errors.push(`${where}: text content`);
    for (const p of s.children.find((c) => c.name === 'properties')?.children ?? []) {
      if (p.name !== 'property') errors.push(`${where}: <${p.name}> inside <properties>`);
      attrs(p, { name: nonEmptyToken, value: () => true }, {}, errors, `${where} property`);
    }
    const cases = s.children.filter((c) => c.name === 'testcase');
    cases.forEach((t, ti) => {
      const tw = `${where} testcase[${ti}]`;
      attrs(t, { name: TOKEN, classname: TOKEN, time: dec }, {}, errors, tw);
      if (t.children.length > 1) errors.push(`${tw}: more than one of skipped/error/failure`);
      for (const c of t.children) {
        if (!['skipped', 'error', 'failure'].includes(c.name)) errors.push(`${tw}: <${c.name}> is not allowed in a testcase`);
        if (c.name !== 'skipped') attrs(c, { type: () => true }, { message: () => true }, errors, `${tw} ${c.name}`);
        if (c.children.length) errors.push(`${tw} ${c.name}: element content`);
      }
    });
    if (Number(s.attributes.tests) !== cases.length) errors.push(`${where}: tests="${s.attributes.tests}" but ${cases.length} testcase(s)`);
    const failures = cases.filter((t) => t.children.some((c) => c.name === 'failure')).length;
    if (Number(s.attributes.failures) !== failures) errors.push(`${where}: failures="${s.attributes.failures}" but ${failures} failure(s)`);
    if (Number(s.attributes.id) !== si) errors.push(`${where}: id should count from 0`);
  });
  return errors;
}
