/**
 * Renders the Compare panel with a real `plumb compare --format json` result
 * (server/src/protocol/webview/expected/compare-result.json) in headless Chromium, like
 * screenshot.ts does for the result panels: `acquireVsCodeApi` stubbed, VS Code's theme variables
 * stood in, the panel's real Content-Security-Policy. Fails on console errors or CSP violations,
 * checks that a bad message is dropped and logged, and saves docs/screenshots/compare.png:
 *   node --import tsx media/preview/compareScreenshot.ts [--theme dark|light|high-contrast] [--out FILE]
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { panelHtml } from '../../client/src/panels/html';
import { compareStateOf } from '../../server/src/protocol/webview/compare';
import { THEMES, themeCss } from './themes';

const ROOT = resolve(__dirname, '../..');
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const theme = opt('--theme') ?? 'dark';
const out = resolve(ROOT, opt('--out') ?? 'docs/screenshots/compare.png');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

async function main(): Promise<void> {
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: ['media/src/comparePanel.ts'], outdir: 'dist/webview', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, logLevel: 'warning' });
  const result = JSON.parse(readFileSync(join(ROOT, 'server/src/protocol/webview/expected/compare-result.json'), 'utf8'));
  const state = compareStateOf(result, { specPath: 'fixture.plumb.yaml', challengerPath: 'models/challenger.onnx', ranAt: new Date('2026-03-30T09:41:00Z') });
  if (!state.ok) throw new Error(`the sample does not fit the panel: ${state.error}`);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = `http://${req.headers.host}`;
    if (url.pathname === '/panel') {
      const html = panelHtml({ title: 'Compare', cspSource: origin, scriptUri: `${origin}/dist/webview/comparePanel.js`, styleUri: `${origin}/media/panel.css` })
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/theme.css">\n<link rel="stylesheet"`)
        .replace('<body>', `<body class="${THEMES[theme].bodyClass}">`);
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    if (url.pathname === '/theme.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(themeCss(theme));
      return;
    }
    const file = normalize(join(ROOT, url.pathname));
    if ((file.startsWith(join(ROOT, 'dist/webview')) || file.startsWith(join(ROOT, 'media'))) && existsSync(file)) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
    page.on('console', (m) => {
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource') && !m.text().includes('dropped a message that does not match')) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.addInitScript({
      content: `(() => {
  const state = ${JSON.stringify(state.value)};
  const posted = []; const violations = []; let saved;
  window.__posted = posted; window.__violations = violations;
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ': ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({
    postMessage(m) { posted.push(m); if (m.type === 'ready') setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data: { type: 'state', state } })), 0); },
    getState: () => saved, setState: (s) => { saved = s; },
  });
})();`,
    });
    await page.goto(`${origin}/panel`);
    await page.waitForSelector('main #verdict', { timeout: 8000 });
    await page.evaluate(() => window.dispatchEvent(new MessageEvent('message', { data: { type: 'state', state: { meta: 1 } } })));
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string; message?: string }[] }).__posted.some((m) => m.type === 'log' && m.message?.includes('dropped a message')));
    const rows = await page.locator('#compare-metrics tbody tr').count();
    const errorBars = await page.locator('.bar-chart .error-bar').count();
    const fails = await page.locator('#compare-fairness td.fail').count();
    if (rows !== Object.keys(result.metrics).length || errorBars !== rows || fails !== 1) problems.push(`content: ${rows} metric rows, ${errorBars} error bars, ${fails} failed fairness gates`);
    await page.getByRole('button', { name: /Show all \d+ disparities/ }).click();
    const all = await page.locator('#compare-fairness tbody tr').count();
    if (all !== Object.keys(result.fairness.metrics).length) problems.push(`show all: ${all} disparity rows`);
    await page.getByRole('button', { name: 'Show the gated and named disparities only' }).click();
    problems.push(...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).map((v) => `CSP: ${v}`));
    await page.screenshot({ path: out, fullPage: true });
    console.log(`compare (${theme}): ${problems.length ? 'PROBLEMS' : 'ok'}; ${rows} metrics, ${errorBars} error bars -> ${out}`);
    for (const p of problems) console.log(`  ${p}`);
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length) process.exit(1);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
