/**
 * Renders the Compare panel with a real `plumb compare --format json` result
 * (server/src/protocol/webview/expected/compare-result.json) in headless Chromium, like
 * screenshot.ts does for the result panels (harness.ts): `acquireVsCodeApi` stubbed, VS Code's theme
 * variables stood in, the panel's real Content-Security-Policy. Fails on console errors or CSP
 * violations, checks that a bad message is dropped and logged, the metric rows, error bars and the
 * Show all toggle, and saves docs/screenshots/compare.png:
 *   node --import tsx media/preview/compareScreenshot.ts [--theme dark|light|high-contrast] [--out FILE]
 */
import { resolve } from 'node:path';
import { buildWebviews, drive, launchBrowser, openPanel, ROOT, sampleInits, serve } from './harness';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const theme = opt('--theme') ?? 'dark';
const out = resolve(ROOT, opt('--out') ?? 'docs/screenshots/compare.png');

async function main(): Promise<void> {
  await buildWebviews(['compare']);
  const server = await serve();
  const browser = await launchBrowser();
  let problems: string[] = [];
  try {
    const panel = await openPanel(browser, server.origin, 'compare', sampleInits().compare, theme);
    const checks = await drive('compare', panel.page);
    await panel.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await panel.page.screenshot({ path: out, fullPage: true });
    problems = await panel.problems();
    console.log(`compare (${theme}): ${problems.length ? 'PROBLEMS' : 'ok'}; ${checks.join('; ')} -> ${out}`);
    for (const p of problems) console.log(`  ${p}`);
  } finally {
    await browser.close();
    await server.close();
  }
  if (problems.length) process.exit(1);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
