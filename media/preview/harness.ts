/**
 * The machinery that renders a result panel outside VS Code, shared by the screenshot scripts
 * (screenshot.ts, compareScreenshot.ts) and the rendering test (test/webview/panels.test.ts):
 * the webview bundles built with esbuild, a local server that serves each panel's real HTML (real
 * Content-Security-Policy, panelHtml from client/src/panels/html.ts) with stand-ins for VS Code's
 * theme variables, a stub of `acquireVsCodeApi` that answers like the extension with a sample
 * result, and a page wrapper that records console errors, failed requests and CSP violations.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { panelHtml } from '../../client/src/panels/html';
import { panelMeta, panelState, type RunResultLike } from '../../client/src/panels/states';
import { compareStateOf } from '../../server/src/protocol/webview/compare';
import { THEMES, themeCss } from './themes';

export const ROOT = resolve(__dirname, '../..');
export const PANELS = ['evaluation', 'fairness', 'drift', 'explain', 'compare'] as const;
export type PreviewPanel = (typeof PANELS)[number];
export const CHROMIUM = process.env.PLUMB_CHROMIUM ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** Bundles the panels' webview entries as esbuild.mjs does (browser, iife), into `outdir`. */
export async function buildWebviews(panels: readonly PreviewPanel[] = PANELS, outdir = join(ROOT, 'dist/webview')): Promise<void> {
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: panels.map((p) => `media/src/${p}Panel.ts`), outdir, bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, logLevel: 'warning' });
}

/** What the stub answers with: the panel's state after `ready`, and `row` after `explainRow`. */
export interface PanelInit {
  state: unknown;
  row?: unknown;
}

/** The sample results (media/preview/samples/, and the CLI's compare result) as each panel's state. */
export function sampleInits(): Record<PreviewPanel, PanelInit> {
  const run = JSON.parse(readFileSync(join(__dirname, 'samples/credit-risk.run.json'), 'utf8')) as RunResultLike;
  const row = JSON.parse(readFileSync(join(__dirname, 'samples/credit-risk.row7.json'), 'utf8'));
  const meta = panelMeta(run, 'credit-risk.plumb.yaml', new Date('2026-03-30T09:41:00Z'));
  const of = (kind: 'evaluation' | 'fairness' | 'drift' | 'explain'): unknown => {
    const s = panelState(kind, run, meta);
    if (!s?.ok) throw new Error(`${kind}: the sample does not fit the panel: ${s?.error}`);
    return s.value;
  };
  const compare = compareStateOf(compareResult(), { specPath: 'fixture.plumb.yaml', challengerPath: 'models/challenger.onnx', ranAt: new Date('2026-03-30T09:41:00Z') });
  if (!compare.ok) throw new Error(`compare: the sample does not fit the panel: ${compare.error}`);
  return { evaluation: { state: of('evaluation') }, fairness: { state: of('fairness') }, drift: { state: of('drift') }, explain: { state: of('explain'), row }, compare: { state: compare.value } };
}

/** `plumb compare --format json` on the test fixture (see server/src/protocol/webview/expected/README.md). */
export function compareResult(): { metrics: Record<string, unknown>; fairness: { metrics: Record<string, unknown> } } {
  return JSON.parse(readFileSync(join(ROOT, 'server/src/protocol/webview/expected/compare-result.json'), 'utf8'));
}

export interface PreviewServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `/panel/<panel>?theme=<theme>` (the panel's HTML with its real CSP, the theme's variables
 * and body class), `/theme/<theme>.css`, the bundles from `webviewDir` under /dist/webview/ and
 * media/ (panel.css).
 */
export function serve(webviewDir = join(ROOT, 'dist/webview')): Promise<PreviewServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = `http://${req.headers.host}`;
    const page = /^\/panel\/(\w+)$/.exec(url.pathname);
    if (page) {
      const theme = url.searchParams.get('theme') ?? 'dark';
      if (!THEMES[theme]) return void res.writeHead(404).end();
      const html = panelHtml({ title: page[1], cspSource: origin, scriptUri: `${origin}/dist/webview/${page[1]}Panel.js`, styleUri: `${origin}/media/panel.css` })
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/theme/${theme}.css">\n<link rel="stylesheet"`)
        .replace('<body>', `<body class="${THEMES[theme].bodyClass}">`);
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
    const theme = /^\/theme\/([\w-]+)\.css$/.exec(url.pathname);
    if (theme && THEMES[theme[1]]) return void res.writeHead(200, { 'content-type': 'text/css' }).end(themeCss(theme[1]));
    const file = url.pathname.startsWith('/dist/webview/') ? normalize(join(webviewDir, url.pathname.slice('/dist/webview/'.length))) : normalize(join(ROOT, url.pathname));
    if ((file.startsWith(webviewDir) || file.startsWith(join(ROOT, 'media'))) && existsSync(file)) {
      return void res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise<void>((done) => server.close(() => done())) }),
    ),
  );
}

export function launchBrowser(executablePath = CHROMIUM): Promise<Browser> {
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
}

/**
 * The stub of VS Code's webview API, as page source (a function passed through tsx would carry its
 * helpers): records intents and CSP violations, answers `ready` with the state and `explainRow`
 * with the sample row.
 */
function stub(init: PanelInit): string {
  return `(() => {
  const init = ${JSON.stringify(init)};
  const posted = [];
  const violations = [];
  let saved;
  window.__posted = posted;
  window.__violations = violations;
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ': ' + (e.blockedURI || e.sample)));
  const send = (data) => setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data })), 0);
  window.acquireVsCodeApi = () => ({
    postMessage(m) {
      posted.push(m);
      if (m.type === 'ready') send({ type: 'state', state: init.state });
      if (m.type === 'explainRow' && init.row) send({ type: 'row', explanation: init.row });
    },
    getState: () => saved,
    setState: (s) => { saved = s; },
  });
})();`;
}

export interface OpenPanel {
  page: Page;
  /** Console errors and warnings, page errors, failed requests and CSP violations so far. */
  problems(): Promise<string[]>;
}

/** Opens a panel in a new page and waits for its content (`main`). */
export async function openPanel(browser: Browser, origin: string, panel: PreviewPanel, init: PanelInit, theme = 'dark'): Promise<OpenPanel> {
  const page = await browser.newPage({ viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('console', (m) => {
    // The bad-message check in `drive` makes the panel log one warning on purpose; failed requests
    // are reported by the response handler (which leaves out the favicon).
    const text = m.text();
    if ((m.type() === 'error' || m.type() === 'warning') && !text.startsWith('Failed to load resource') && !text.includes('dropped a message that does not match')) errors.push(`${m.type()}: ${text}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()}: ${r.url()}`);
  });
  await page.addInitScript({ content: stub(init) });
  await page.goto(`${origin}/panel/${panel}?theme=${theme}`);
  await page.waitForSelector('main', { timeout: 15_000 }).catch((e) => {
    throw new Error(`${panel}: no content (${errors.join('; ') || e.message})`);
  });
  return {
    page,
    problems: async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).map((v) => `CSP: ${v}`)],
  };
}

/** The intents the panel posted so far. */
export function posted(page: Page): Promise<{ type: string; [k: string]: unknown }[]> {
  return page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);
}

/**
 * Drives a panel once as a user would (threshold slider, metric choice, sort and row selection,
 * row picker, show all), after checking that a malformed message is dropped and logged. Throws on
 * anything unexpected; returns what it checked, for the log.
 */
export async function drive(panel: PreviewPanel, page: Page): Promise<string[]> {
  const checks: string[] = [];
  await page.evaluate(() => window.dispatchEvent(new MessageEvent('message', { data: { type: 'state', state: { meta: 1 } } })));
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string; message?: string }[] }).__posted.some((m) => m.type === 'log' && m.message?.includes('dropped a message')));
  if (!(await page.locator('main').count())) throw new Error('the panel lost its content after a bad message');
  checks.push('bad message dropped and logged');
  if (panel === 'evaluation') {
    const before = await page.locator('.card[data-metric="precision"] .value').textContent();
    await page.locator('#threshold').focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    const t = await page.locator('#threshold-value').textContent();
    const after = await page.locator('.card[data-metric="precision"] .value').textContent();
    if (t !== '0.45' || before === after) throw new Error(`slider: threshold ${t}, precision ${before} -> ${after}`);
    checks.push(`slider to ${t}: precision ${before} -> ${after}`);
  } else if (panel === 'fairness') {
    await page.selectOption('#group-metric', 'true_positive_rate');
    const title = await page.locator('.bar-chart title').first().textContent();
    if (!title?.includes('true positive rate')) throw new Error(`metric choice: ${title}`);
    checks.push(`metric choice: ${title}`);
    await page.selectOption('#group-metric', 'selection_rate');
  } else if (panel === 'drift') {
    await page.locator('button[data-sort="score"]').click();
    const sorted = await page.locator('#drift-columns th[aria-sort="descending"]').count();
    await page.locator('tr[data-column="age"]').focus();
    await page.keyboard.press('Enter');
    const fig = await page.locator('.column-detail figcaption').textContent();
    if (sorted !== 1 || !fig?.startsWith('age')) throw new Error(`drift: sorted ${sorted}, caption ${fig}`);
    checks.push(`sort by score, select age: ${fig?.slice(0, 40)}`);
  } else if (panel === 'explain') {
    await page.fill('#row', '7');
    await page.locator('form.toolbar button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('.waterfall title')?.textContent?.startsWith('Row 7'));
    const rows = (await posted(page)).filter((m) => m.type === 'explainRow');
    if (JSON.stringify(rows) !== JSON.stringify([{ type: 'explainRow', row: 7 }])) throw new Error(`explainRow intents: ${JSON.stringify(rows)}`);
    checks.push('row picker: posted explainRow 7, waterfall shows row 7');
  } else if (panel === 'compare') {
    const result = compareResult();
    const rows = await page.locator('#compare-metrics tbody tr').count();
    const errorBars = await page.locator('.bar-chart .error-bar').count();
    const fails = await page.locator('#compare-fairness td.fail').count();
    if (rows !== Object.keys(result.metrics).length || errorBars !== rows || fails !== 1) throw new Error(`content: ${rows} metric rows, ${errorBars} error bars, ${fails} failed fairness gates`);
    await page.getByRole('button', { name: /Show all \d+ disparities/ }).click();
    const all = await page.locator('#compare-fairness tbody tr').count();
    if (all !== Object.keys(result.fairness.metrics).length) throw new Error(`show all: ${all} disparity rows`);
    await page.getByRole('button', { name: 'Show the gated and named disparities only' }).click();
    checks.push(`${rows} metrics, ${errorBars} error bars, show all: ${all} disparities`);
  }
  return checks;
}
