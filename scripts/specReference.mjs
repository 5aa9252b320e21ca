#!/usr/bin/env node
// Writes the spec reference (every key of schemas/plumb.schema.json with its type, default and
// description) between the markers in README.md. `--check` exits 1 when README.md is out of date
// (a test runs that, so the reference never drifts from the schema).
import { readFileSync, writeFileSync } from 'node:fs';

const schema = JSON.parse(readFileSync('schemas/plumb.schema.json', 'utf8'));
const START = '<!-- spec-reference:start -->';
const END = '<!-- spec-reference:end -->';

function resolve(node) {
  let n = node;
  for (let i = 0; n && n.$ref && i < 10; i++) {
    const { $ref, ...own } = n;
    n = { ...schema.definitions[$ref.replace('#/definitions/', '')], ...own };
  }
  return n;
}

function typeOf(n) {
  if (n.const !== undefined) return `\`${n.const}\``;
  if (n.enum) return n.enum.map((e) => `\`${e}\``).join(' \\| ');
  const t = Array.isArray(n.type) ? n.type.join(' \\| ') : n.type;
  if (t === 'array') return `list of ${resolve(n.items)?.type ?? 'values'}`;
  if (t === 'object' && !n.properties && typeof n.additionalProperties === 'object') return 'mapping';
  return t ?? 'mapping';
}

const rows = [];
function walk(node, path) {
  const n = resolve(node);
  for (const [key, sub] of Object.entries(n.properties ?? {})) {
    const s = resolve(sub);
    const p = path ? `${path}.${key}` : key;
    const req = (n.required ?? []).includes(key) ? ' (required)' : '';
    const def = s.default !== undefined ? ` Default: \`${JSON.stringify(s.default)}\`.` : '';
    rows.push(`| \`${p}\`${req} | ${typeOf(s)} | ${(s.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')}${def} |`);
    if (s.properties && path.split('.').length < 2) walk(s, p);
  }
}
walk(schema, '');
const table = ['| key | type | meaning |', '|---|---|---|', ...rows].join('\n');
const readme = readFileSync('README.md', 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a < 0 || b < 0) {
  console.error('README.md has no spec-reference markers');
  process.exit(1);
}
const next = `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md spec reference is out of date: run node scripts/specReference.mjs');
    process.exit(1);
  }
} else {
  writeFileSync('README.md', next);
}
