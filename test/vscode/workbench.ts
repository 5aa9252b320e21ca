/**
 * Driving VS Code's workbench (code-server in chromium) the way a user does, for the UI tests: the
 * command palette, the visible webview's document, and reading numbers off the screen. Everything
 * waits on selectors, never on time.
 */
import assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The status bar item of the extension (`${extension id}.${item id}`). */
export const PLUMB_STATUS = '[id="plumb.plumb.plumb.status"]';

/**
 * Runs a command from the palette (F1) by its title, e.g. "Plumb: Run All Checks". Waits for the
 * palette to close, unless the command asks for input in it (`asksInput`, e.g. a file dialog).
 *
 * The palette closes when it loses focus, and a webview that has just opened (a result panel) can
 * take focus a moment after F1; then the palette is opened again, up to three times. A click that
 * happened is never retried, so a command never runs twice.
 */
export async function runCommand(page: Page, title: string, asksInput = false): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  // The row whose label is the title itself (the filter also keeps longer titles that contain it).
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) }) }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      await row.click({ timeout: 10_000 }); // throws only if it could not click (the row went away)
      break;
    } catch (e) {
      if (attempt === 3 || !(await widget.isHidden())) throw e;
    }
  }
  if (!asksInput) await widget.waitFor({ state: 'hidden' });
}

/**
 * Types `value` into a quick input (VS Code's file dialog in the browser) and waits for `row` to be
 * listed. The file dialog sets its own path more than once while it opens (its start folder, then
 * again once that folder is read), and a late one can replace what was typed: then the value is
 * typed again, up to three times.
 */
export async function typePathUntilListed(widget: Locator, value: string, row: Locator): Promise<void> {
  const input = widget.locator('input');
  for (let attempt = 1; ; attempt++) {
    await input.fill(value);
    try {
      await row.waitFor({ timeout: 10_000 });
      return;
    } catch (e) {
      // What was typed is still there: the folder is just slow to list.
      if ((await input.inputValue()) === value) return row.waitFor();
      if (attempt === 3) throw e;
    }
  }
}

/** The document inside the webview panel on screen (VS Code nests it: outer iframe, then #active-frame). */
export function visibleWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
}

/** The active editor tab, by its label. */
export async function waitForActiveTab(page: Page, label: string): Promise<void> {
  await page.locator('.tabs-container .tab.active', { hasText: label }).waitFor();
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The number a panel shows and how precisely: "0.721" -> 0.721 ± 0.0005, "12.5%" -> 0.125 ± 0.0005,
 * "2,989" -> 2989 ± 0.5, "−0.02" (U+2212) -> -0.02, "1.23e-4" -> 0.000123 ± 5e-7.
 */
export function shownNumber(text: string): { value: number; halfStep: number } {
  const m = /([−-]?)(\d[\d,]*(?:\.(\d+))?)(?:e([-+]?\d+))?(%?)/.exec(text.trim());
  assert.ok(m, `no number in ${JSON.stringify(text)}`);
  const [, sign, digits, decimals = '', exp, percent] = m;
  let value = Number(digits.replace(/,/g, '')) * (sign ? -1 : 1);
  let halfStep = 0.5 * 10 ** -decimals.length;
  if (exp) {
    value *= 10 ** Number(exp);
    halfStep *= 10 ** Number(exp);
  }
  if (percent) {
    value /= 100;
    halfStep /= 100;
  }
  return { value, halfStep };
}

/**
 * Asserts that the text shows `expected` rounded to `step` (the panels' `fmt` rounds to 0.001 below
 * 10 and drops trailing zeros, so "0.7" still means 0.700 ± 0.0005); without `step`, to the precision
 * of the text itself.
 */
export function assertShows(text: string | null, expected: number, what: string, step?: number): void {
  assert.ok(text !== null, `${what}: nothing shown`);
  const shown = shownNumber(text);
  const halfStep = step !== undefined ? step / 2 : shown.halfStep;
  assert.ok(Math.abs(shown.value - expected) <= halfStep + 1e-12 * Math.max(1, Math.abs(expected)), `${what}: the panel shows ${JSON.stringify(text)}, the CLI's JSON has ${expected}`);
}
