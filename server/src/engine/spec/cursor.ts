/**
 * Where the cursor is, for completion, worked out from the text's indentation rather than the YAML
 * tree: while the user types, the document is often incomplete (`model:\n  fe`), and the tree then
 * says something else than the user means.
 */
import type { JsonPath } from './document';

export type CursorContext =
  | { kind: 'key'; path: JsonPath; prefix: string; replace: { offset: number; length: number } }
  | { kind: 'value'; path: JsonPath; prefix: string; replace: { offset: number; length: number }; inList: boolean };

interface Line {
  indent: number;
  key?: string;
  dash: boolean;
}

function parseLine(line: string): Line | undefined {
  const m = /^(\s*)(-\s+)?(?:("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(?:\s|$))?/.exec(line);
  if (!m || line.trim() === '' || line.trim().startsWith('#')) return undefined;
  const key = m[3]?.replace(/^["']|["']$/g, '');
  const indent = m[1].length + (m[2] ? m[2].length : 0);
  return { indent, key, dash: !!m[2] };
}

/** The path of the mapping that holds keys at `indent` on line `lineIndex` (exclusive). */
function parentPath(lines: string[], lineIndex: number, indent: number): JsonPath {
  const path: JsonPath = [];
  let limit = indent;
  for (let i = lineIndex - 1; i >= 0 && limit > 0; i--) {
    const l = parseLine(lines[i]);
    if (!l) continue;
    const rawIndent = lines[i].length - lines[i].trimStart().length;
    if (l.dash && rawIndent < limit) {
      // A list item: the path goes through index 0 (completion only needs the items' schema).
      if (l.key && l.indent < limit) path.unshift(l.key);
      path.unshift(0);
      limit = rawIndent;
      continue;
    }
    if (l.key && l.indent < limit) {
      path.unshift(l.key);
      limit = l.indent;
    }
  }
  return path;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop();
  const lineIndex = lines.length;
  const all = [...lines];

  // Inside a flow sequence on this line: `features: [age, inc|`
  const flow = /^(\s*)(-\s+)?([^\s:#][^:#]*?)\s*:\s*\[([^\]]*)$/.exec(before);
  if (flow) {
    const indent = flow[1].length + (flow[2]?.length ?? 0);
    const items = flow[4].split(',');
    const prefix = items[items.length - 1].trimStart();
    return { kind: 'value', path: [...parentPath(all, lineIndex, indent), flow[3], 0], prefix, replace: { offset: offset - prefix.length, length: prefix.length }, inList: true };
  }
  // Inside a flow mapping on this line: `gates: { roc_a|`
  const flowMap = /^(\s*)([^\s:#][^:#]*?)\s*:\s*\{([^}]*)$/.exec(before);
  if (flowMap) {
    const parent = [...parentPath(all, lineIndex, flowMap[1].length), flowMap[2]];
    const entries = flowMap[3].split(',');
    const last = entries[entries.length - 1];
    const colon = last.indexOf(':');
    if (colon < 0) {
      const prefix = last.trimStart();
      return { kind: 'key', path: parent, prefix, replace: { offset: offset - prefix.length, length: prefix.length } };
    }
    const prefix = last.slice(colon + 1).trimStart().replace(/^["']/, '');
    return { kind: 'value', path: [...parent, last.slice(0, colon).trim()], prefix, replace: { offset: offset - prefix.length, length: prefix.length }, inList: false };
  }
  // `key: val|`
  const kv = /^(\s*)(-\s+)?([^\s:#][^:#]*?)\s*:\s+(.*)$/.exec(before) ?? /^(\s*)(-\s+)?([^\s:#][^:#]*?)\s*:()$/.exec(before);
  if (kv) {
    const indent = kv[1].length + (kv[2]?.length ?? 0);
    const prefix = kv[4].replace(/^["']/, '');
    const base = parentPath(all, lineIndex, indent);
    return { kind: 'value', path: [...base, kv[3]], prefix, replace: { offset: offset - prefix.length, length: prefix.length }, inList: false };
  }
  // `  - val|` : an item of the block sequence owned by the key above.
  const item = /^(\s*)-\s+([^:]*)$/.exec(before);
  if (item) {
    const indent = item[1].length;
    const prefix = item[2];
    let owner: JsonPath = parentPath(all, lineIndex, indent + 1);
    // parentPath stops at the key that owns the list (its indent <= the dash's indent).
    if (owner[owner.length - 1] === 0) owner = owner.slice(0, -1);
    return { kind: 'value', path: [...owner, 0], prefix, replace: { offset: offset - prefix.length, length: prefix.length }, inList: true };
  }
  // `  ke|` : a key being typed.
  const key = /^(\s*)([\w.-]*)$/.exec(before);
  const indent = key ? key[1].length : before.length - before.trimStart().length;
  const prefix = key ? key[2] : '';
  return { kind: 'key', path: parentPath(all, lineIndex, indent), prefix, replace: { offset: offset - prefix.length, length: prefix.length } };
}
