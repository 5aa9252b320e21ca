/**
 * The engine stays editor-agnostic (no `vscode`, no LSP imports) and the client computes nothing
 * (no engine imports): the rule STYLE.md asks a lint rule to keep, checked on every file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

test('server/src/engine imports neither vscode nor the LSP layer', () => {
  const bad = tsFiles(join(ROOT, 'server/src/engine')).flatMap((f) =>
    imports(f)
      .filter((i) => /^vscode($|-)/.test(i) || /\/(lsp|cli)\//.test(i) || /^\.\.\/\.\.\/(lsp|cli|server)/.test(i))
      .map((i) => `${f.slice(ROOT.length + 1)} imports ${i}`),
  );
  assert.deepEqual(bad, []);
});

test('client/src does not import the engine (it only displays)', () => {
  const bad = tsFiles(join(ROOT, 'client/src')).flatMap((f) => imports(f).filter((i) => i.includes('server/src/engine')).map((i) => `${f.slice(ROOT.length + 1)} imports ${i}`));
  assert.deepEqual(bad, []);
});

test('the README lists every setting the extension contributes, with its default', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const settings = Object.entries(pkg.contributes.configuration.properties as Record<string, { default: unknown }>);
  assert.ok(settings.length > 0);
  for (const [name, s] of settings) {
    assert.ok(readme.includes(`| \`${name}\` | \`${JSON.stringify(s.default)}\` |`), `README's settings table has no row for ${name} with default ${JSON.stringify(s.default)}`);
  }
});

test('dist/THIRD_PARTY_NOTICES.txt (built by esbuild.mjs) carries the licence of every bundled dependency', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const notices = readFileSync(join(ROOT, 'dist/THIRD_PARTY_NOTICES.txt'), 'utf8');
  // onnxruntime-node stays external: it ships in the VSIX with its own LICENSE.
  const bundled = [...Object.keys(pkg.dependencies).filter((d) => !d.startsWith('onnxruntime')), '@observablehq/plot', 'd3-scale'];
  for (const name of bundled) {
    const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    assert.ok(notices.includes(`\n${name}@${version} (`) || notices.includes(`\n\n${name}@${version} (`), `${name}@${version} is not in THIRD_PARTY_NOTICES.txt`);
  }
  assert.ok(!/No licence file in the package/.test(notices), 'a bundled package has no licence text');
});

test('the README spec reference matches the JSON Schema', () => {
  const r = spawnSync(process.execPath, ['scripts/specReference.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
