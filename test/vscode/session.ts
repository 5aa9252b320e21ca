/**
 * One UI test's session: a fresh copy of the example workspace, a fresh code-server home with the
 * packaged VSIX installed, code-server, Debian's chromium and a page showing the workspace, all
 * undone after the test (last first, with a picture of the last state). `step` runs a subtest that
 * leaves test-results/screenshots/<prefix>-failed-<n>.png behind when it fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { cleanupStack, installExtension, launchChromium, makeHome, startCodeServer } from './harness';
import { packagedVsix } from './vsix';
import { makeWorkspace, ROOT, type Workspace } from './workspace';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface UiSession {
  ws: Workspace;
  page: Page;
  step(name: string, body: () => Promise<void>): Promise<void>;
}

/** `prepare` runs on the workspace before code-server opens it (extra files, CLI runs). */
export async function uiSession(t: TestContext, prefix: string, prepare?: (ws: Workspace) => void): Promise<UiSession> {
  const cleanup = cleanupStack(t);
  const ws = makeWorkspace(prefix);
  const home = makeHome(prefix);
  cleanup(() => {
    ws.remove();
    home.remove();
  });
  prepare?.(ws);
  installExtension(home, await packagedVsix());
  const server = await startCodeServer(home);
  cleanup(() => server.stop());
  const browser = await launchChromium();
  cleanup(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  mkdirSync(SCREENSHOTS, { recursive: true });
  cleanup(() => page.screenshot({ path: join(SCREENSHOTS, `${prefix}-last.png`) }).catch(() => undefined));
  await page.goto(`${server.url}?folder=${encodeURIComponent(ws.dir)}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  let stepNo = 0;
  const step = (name: string, body: () => Promise<void>) =>
    t.test(name, async () => {
      const n = ++stepNo;
      await body().catch(async (e) => {
        await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-failed-${n}.png`) }).catch(() => undefined);
        throw e;
      });
    });
  return { ws, page, step };
}
