/**
 * What a user gets: the extension packaged as a VSIX (production build), its contents checked,
 * installed into code-server like any other extension, and the example workspace opened in chromium.
 * On a broken spec we look at the screen: error squiggles, the status bar count, the Problems panel's
 * rows, and the completion list while typing; screenshots go to test-results/screenshots/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupStack, editorToolsPresent, installExtension, launchChromium, makeHome, startCodeServer } from './harness';
import { BROKEN_NAME, makeWorkspace, ROOT } from './workspace';
import { zipEntries } from './zipEntries';
import { packagedVsix } from './vsix';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
// Where code-server's --install-extension puts it.
const INSTALLED = `${pkg.publisher}.${pkg.name}-${pkg.version}`;
// The runtime packages the server loads at run time (esbuild leaves them external).
const SHIPPED_MODULES = ['onnxruntime-node', 'onnxruntime-common'];

/** Both tests below (and panelsUi.test.ts) use the same VSIX, packaged once for the working tree. */
const vsix = packagedVsix;

test('the VSIX holds the bundles, schemas and the Linux x64 ONNX runtime, and no sources, tests or dev dependencies', async (t) => {
  const file = await vsix();
  const size = statSync(file).size;
  const names = zipEntries(file).map((e) => e.name);
  t.diagnostic(`${file}: ${names.length} files, ${(size / 1e6).toFixed(1)} MB`);
  const files = names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));

  for (const required of [
    'package.json',
    'dist/client.js',
    'dist/extension.js', // loaded by dist/client.js through the code cache
    'dist/server.js',
    'dist/languageServer.js', // loaded by dist/server.js through the code cache
    'dist/THIRD_PARTY_NOTICES.txt',
    'schemas/plumb.schema.json',
    'node_modules/onnxruntime-node/package.json',
    'node_modules/onnxruntime-node/dist/index.js',
    'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
    'node_modules/onnxruntime-common/dist/cjs/index.js',
    'node_modules/onnxruntime-common/dist/cjs/package.json', // {"type": "commonjs"}: without it Node loads dist/cjs as ESM
  ]) {
    assert.ok(files.includes(required), `${required} is missing from the VSIX`);
  }
  const main = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main.replace(/^\.\//, '');
  assert.ok(files.includes(main), `package.json main (${main}) is not in the VSIX`);

  const wrong = (what: string, test: (f: string) => boolean) => {
    const hits = files.filter(test);
    assert.deepEqual(hits, [], `the VSIX has ${what}`);
  };
  wrong('TypeScript sources', (f) => /\.(ts|tsx|mts|cts)$/.test(f));
  wrong('source maps', (f) => f.endsWith('.map'));
  wrong('a V8 code cache or temporary file (written at run time, per machine)', (f) => /\.(v8cache|tmp)$/.test(f));
  wrong('source, test, bench or tooling folders', (f) => /^(client|server|test|bench|scripts|out|docs|\.cache|\.ci|test-results|media\/src|media\/preview)\//.test(f));
  wrong('build files', (f) => ['esbuild.mjs', 'tsconfig.json', '.npmrc', '.gitignore', 'package-lock.json'].includes(f));
  wrong('the example\'s preparation scripts', (f) => /^examples\/.*(\.py|\/lib\/)/.test(f));
  wrong('node_modules other than the ONNX runtime', (f) => f.startsWith('node_modules/') && !SHIPPED_MODULES.includes(f.split('/')[1]));
  wrong('dev dependencies', (f) => Object.keys(pkg.devDependencies).some((d) => f.startsWith(`node_modules/${d}/`)));
  wrong('ONNX runtime binaries for other platforms', (f) => f.includes('/bin/napi-v') && !f.includes('/linux/x64/'));
  // libonnxruntime.so is ~46 MB and compresses to ~18 MB; the rest is well under 2 MB.
  assert.ok(size < 25e6, `the VSIX is ${(size / 1e6).toFixed(1)} MB`);
});

test('installed from the VSIX, Plumb shows squiggles, Problems rows and completions on a broken spec', async (t) => {
  if (!editorToolsPresent(t)) return;
  const file = await vsix();
  const home = makeHome('ui');
  const ws = makeWorkspace('ui');
  // Undone last to first, so the final screenshot is taken before the browser closes.
  const cleanup = cleanupStack(t);
  cleanup(() => {
    ws.remove();
    home.remove();
  });
  installExtension(home, file);
  const extDir = join(home.extensions, INSTALLED);
  assert.ok(existsSync(join(extDir, 'dist', 'client.js')), `${extDir} has no dist/client.js after --install-extension`);

  // The packaged runtime works from where it was installed: load it and score one row of the example.
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const ort = require(${JSON.stringify(join(extDir, 'node_modules', 'onnxruntime-node'))});
       (async () => {
         const s = await ort.InferenceSession.create(${JSON.stringify(join(ws.dir, 'models', 'credit-default.onnx'))});
         const r = await s.run({ [s.inputNames[0]]: new ort.Tensor('float32', new Float32Array(12), [1, 12]) }, ['output_label']);
         console.log(JSON.stringify({ inputs: s.inputNames, outputs: s.outputNames, label: r.output_label.dims }));
       })().catch((e) => { console.error(e); process.exit(1); });`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  assert.equal(probe.status, 0, `onnxruntime-node from the VSIX failed: ${probe.stderr}`);
  assert.deepEqual(JSON.parse(probe.stdout), { inputs: ['float_input'], outputs: ['output_label', 'output_probability'], label: [1] });

  const server = await startCodeServer(home);
  cleanup(() => server.stop());
  const browser = await launchChromium();
  cleanup(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Whatever happens below, leave a picture of the last state behind.
  cleanup(() => page.screenshot({ path: join(SCREENSHOTS, 'last.png') }).catch(() => undefined));

  await page.goto(`${server.url}?folder=${encodeURIComponent(ws.dir)}`);
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: BROKEN_NAME });
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.locator('.tabs-container .tab', { hasText: BROKEN_NAME }).waitFor();

  await t.test('error squiggles under both mistakes and "Errors: 2" in the status bar', async () => {
    await page.locator('.monaco-editor .squiggly-error').nth(1).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 2);
    await page.locator('[id="status.problems"][aria-label*="Errors: 2"]').waitFor();
  });

  await t.test('the Problems panel lists the missing column and the misspelled key', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>View: Focus Problems');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Focus Problems' }).first().waitFor();
    await page.keyboard.press('Enter');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'gender' }).first().waitFor();
    const texts = await rows.allInnerTexts();
    t.diagnostic(`Problems panel: ${texts.map((s) => s.replace(/\s+/g, ' ')).join(' | ')}`);
    assert.ok(texts.some((s) => /column `gender` is not in data\/eval\.csv/.test(s)), texts.join('\n'));
    assert.ok(texts.some((s) => /unknown key `treshold`\. Did you mean `threshold`\?/.test(s)), texts.join('\n'));
    assert.ok(texts.some((s) => /plumb/.test(s) && /column\.missing/.test(s)), `source and code shown: ${texts.join('\n')}`);
    // Clicking the row takes the editor to the mistake.
    await rows.filter({ hasText: 'gender' }).first().click();
    await page.locator('.monaco-editor .view-line span', { hasText: /^gender$/ }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'diagnostics.png') });
  });

  await t.test('typing in fairness.sensitive offers the columns; accepting one clears its error', async () => {
    const header = readFileSync(join(ws.dir, 'data', 'eval.csv'), 'utf8').split('\n')[0].trim().split(',');
    // Double-click the misspelled column to select it, as a user would, delete it and ask for suggestions.
    await page.locator('.monaco-editor .view-line span', { hasText: /^gender$/ }).first().dblclick();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.editor-widget.suggest-widget .monaco-list-row');
    await suggestions.nth(5).waitFor();
    const label = async () => (await suggestions.allInnerTexts()).map((s) => s.split('\n')[0].trim());
    const offered = await label();
    t.diagnostic(`completion list (visible rows): ${offered.join(', ')}`);
    assert.deepEqual(offered.filter((c) => !header.includes(c)), [], `only columns of data/eval.csv are offered: ${offered.join(', ')}`);
    // Typing filters the list down to the matching column.
    await page.keyboard.type('se');
    await page.locator('.editor-widget.suggest-widget .monaco-list-row.focused', { hasText: /^sex/ }).waitFor();
    assert.deepEqual(await label(), ['sex']);
    await page.screenshot({ path: join(SCREENSHOTS, 'completion.png') });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: 'sensitive: [sex]' }).waitFor();
    await page.locator('[id="status.problems"][aria-label*="Errors: 1"]').waitFor({ timeout: 20_000 });
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'column.missing' }).waitFor({ state: 'detached' });
    assert.equal(await rows.filter({ hasText: 'schema.unknown-key' }).count(), 1, 'the other mistake is still reported');
  });
});
