/**
 * Renders each result panel with the sample run in headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core), with `acquireVsCodeApi` stubbed and VS Code's theme variables stood in, served
 * with the panels' real Content-Security-Policy. It drives each panel once (slider, sort, row picker,
 * feature choice), fails on console errors or CSP violations, and saves screenshots:
 *   node --import tsx media/preview/screenshot.ts [--themes dark,light,high-contrast] [--out DIR]
 * By default the dark screenshots go to docs/screenshots/<panel>.png (committed, linked from the README).
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, normalize, extname, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { panelHtml } from '../../client/src/panels/html';
import { panelMeta, panelState, type RunResultLike } from '../../client/src/panels/states';
import type { PanelKind } from '../../server/src/protocol/webview/common';
import { THEMES, themeCss } from './themes';

const ROOT = resolve(__dirname, '../..');
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const themes = (opt('--themes') ?? 'dark').split(',');
const outDir = resolve(ROOT, opt('--out') ?? 'docs/screenshots');
const PANELS: PanelKind[] = ['evaluation', 'fairness', 'drift', 'explain'];
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

async function buildWebviews(): Promise<void> {
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: PANELS.map((p) => `media/src/${p}Panel.ts`), outdir: 'dist/webview', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, logLevel: 'warning' });
}

function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = /^\/panel\/(\w+)$/.exec(url.pathname);
    if (page) {
      const theme = url.searchParams.get('theme') ?? 'dark';
      const origin = `http://${req.headers.host}`;
      const html = panelHtml({ title: page[1], cspSource: origin, scriptUri: `${origin}/dist/webview/${page[1]}Panel.js`, styleUri: `${origin}/media/panel.css` })
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/theme/${theme}.css">\n<link rel="stylesheet"`)
        .replace('<body>', `<body class="${THEMES[theme].bodyClass}">`);
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    const theme = /^\/theme\/([\w-]+)\.css$/.exec(url.pathname);
    if (theme && THEMES[theme[1]]) {
      res.writeHead(200, { 'content-type': 'text/css' }).end(themeCss(theme[1]));
      return;
    }
    const file = normalize(join(ROOT, url.pathname));
    if ((file.startsWith(join(ROOT, 'dist/webview')) || file.startsWith(join(ROOT, 'media'))) && existsSync(file)) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/**
 * The stub of VS Code's webview API, as page source (a function passed through tsx would carry its
 * helpers): records intents, answers `ready` with the state and `explainRow` with the sample row.
 */
function stub(init: { state: unknown; row: unknown }): string {
  return `(() => {
  const init = ${JSON.stringify(init)};
  const posted = [];
  const violations = [];
  let saved;
  window.__posted = posted;
  window.__violations = violations;
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ': ' + e.blockedURI));
  const send = (data) => setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data })), 0);
  window.acquireVsCodeApi = () => ({
    postMessage(m) {
      posted.push(m);
      if (m.type === 'ready') send({ type: 'state', state: init.state });
      if (m.type === 'explainRow') send({ type: 'row', explanation: init.row });
    },
    getState: () => saved,
    setState: (s) => { saved = s; },
  });
})();`;
}

async function drive(kind: PanelKind, page: Page): Promise<string[]> {
  const checks: string[] = [];
  // A message that does not match the protocol is dropped (and logged to the host), the panel stays.
  await page.evaluate(() => window.dispatchEvent(new MessageEvent('message', { data: { type: 'state', state: { meta: 1 } } })));
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string; message?: string }[] }).__posted.some((m) => m.type === 'log' && m.message?.includes('dropped a message')));
  if (!(await page.locator('main').count())) throw new Error('the panel lost its content after a bad message');
  checks.push('bad message dropped and logged');
  if (kind === 'evaluation') {
    const before = await page.locator('.card[data-metric="precision"] .value').textContent();
    const slider = page.locator('#threshold');
    await slider.focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    const t = await page.locator('#threshold-value').textContent();
    const after = await page.locator('.card[data-metric="precision"] .value').textContent();
    if (t !== '0.45' || before === after) throw new Error(`slider: threshold ${t}, precision ${before} -> ${after}`);
    checks.push(`slider to ${t}: precision ${before} -> ${after}`);
  } else if (kind === 'fairness') {
    await page.selectOption('#group-metric', 'true_positive_rate');
    const title = await page.locator('.bar-chart title').first().textContent();
    if (!title?.includes('true positive rate')) throw new Error(`metric choice: ${title}`);
    checks.push(`metric choice: ${title}`);
    await page.selectOption('#group-metric', 'selection_rate');
  } else if (kind === 'drift') {
    await page.locator('button[data-sort="score"]').click();
    const sorted = await page.locator('#drift-columns th[aria-sort="descending"]').count();
    await page.locator('tr[data-column="age"]').focus();
    await page.keyboard.press('Enter');
    const fig = await page.locator('.column-detail figcaption').textContent();
    if (sorted !== 1 || !fig?.startsWith('age')) throw new Error(`drift: sorted ${sorted}, caption ${fig}`);
    checks.push(`sort by score, select age: ${fig?.slice(0, 40)}`);
  } else if (kind === 'explain') {
    await page.fill('#row', '7');
    await page.locator('form.toolbar button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('.waterfall title')?.textContent?.startsWith('Row 7'));
    const posted = (await page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted)).filter((m) => m.type === 'explainRow');
    if (JSON.stringify(posted) !== JSON.stringify([{ type: 'explainRow', row: 7 }])) throw new Error(`explainRow intents: ${JSON.stringify(posted)}`);
    checks.push('row picker: posted explainRow 7, waterfall shows row 7');
  }
  return checks;
}

async function main(): Promise<void> {
  await buildWebviews();
  const run = JSON.parse(readFileSync(join(__dirname, 'samples/credit-risk.run.json'), 'utf8')) as RunResultLike;
  const row = JSON.parse(readFileSync(join(__dirname, 'samples/credit-risk.row7.json'), 'utf8'));
  const meta = panelMeta(run, 'credit-risk.plumb.yaml', new Date('2026-03-30T09:41:00Z'));
  const { server, origin } = await serve();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  mkdirSync(outDir, { recursive: true });
  let failed = false;
  try {
    for (const theme of themes) {
      for (const kind of PANELS) {
        const state = panelState(kind, run, meta);
        if (!state?.ok) throw new Error(`${kind}: the sample does not fit the panel: ${state?.error}`);
        const page = await browser.newPage({ viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
        const errors: string[] = [];
        page.on('console', (m) => {
          if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource') && !m.text().includes('dropped a message that does not match')) errors.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
        page.on('response', (r) => {
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()}: ${r.url()}`);
        });
        await page.addInitScript({ content: stub({ state: state.value, row }) });
        await page.goto(`${origin}/panel/${kind}?theme=${theme}`);
        await page.waitForSelector('main', { timeout: 8000 }).catch((e) => { console.log(errors); throw e; });
        const checks = await drive(kind, page);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
        const file = join(outDir, theme === 'dark' ? `${kind}.png` : `${kind}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const problems = [...errors, ...violations.map((v) => `CSP: ${v}`)];
        console.log(`${kind} (${theme}): ${problems.length ? 'PROBLEMS' : 'ok'}; ${checks.join('; ')} -> ${file}`);
        for (const p of problems) console.log(`  ${p}`);
        failed ||= problems.length > 0;
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (failed) process.exit(1);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
