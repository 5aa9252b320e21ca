/**
 * Renders each result panel with the sample run in headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core), with `acquireVsCodeApi` stubbed and VS Code's theme variables stood in, served
 * with the panels' real Content-Security-Policy (see harness.ts). It drives each panel once (slider,
 * sort, row picker, feature choice), fails on console errors or CSP violations, and saves screenshots:
 *   node --import tsx media/preview/screenshot.ts [--themes dark,light,high-contrast] [--panels evaluation,drift] [--out DIR]
 * By default the dark screenshots of the four result panels go to docs/screenshots/<panel>.png
 * (committed, linked from the README); compareScreenshot.ts does the Compare panel.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildWebviews, drive, launchBrowser, openPanel, PANELS, ROOT, sampleInits, serve, type PreviewPanel } from './harness';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const themes = (opt('--themes') ?? 'dark').split(',');
const panels = (opt('--panels') ?? 'evaluation,fairness,drift,explain').split(',') as PreviewPanel[];
const outDir = resolve(ROOT, opt('--out') ?? 'docs/screenshots');

async function main(): Promise<void> {
  const unknown = panels.filter((p) => !PANELS.includes(p));
  if (unknown.length) throw new Error(`unknown panel(s) ${unknown.join(', ')}; choose from ${PANELS.join(', ')}`);
  await buildWebviews(panels);
  const inits = sampleInits();
  const server = await serve();
  const browser = await launchBrowser();
  mkdirSync(outDir, { recursive: true });
  let failed = false;
  try {
    for (const theme of themes) {
      for (const kind of panels) {
        const { page, problems } = await openPanel(browser, server.origin, kind, inits[kind], theme);
        const checks = await drive(kind, page);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const file = join(outDir, theme === 'dark' ? `${kind}.png` : `${kind}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const found = await problems();
        console.log(`${kind} (${theme}): ${found.length ? 'PROBLEMS' : 'ok'}; ${checks.join('; ')} -> ${file}`);
        for (const p of found) console.log(`  ${p}`);
        failed ||= found.length > 0;
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (failed) process.exit(1);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
