/** Shared by the report suites: run the built CLI, read outputs, open HTML in headless Chromium. */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export { plumb, exampleCopy, EXAMPLE, ROOT, CLI } from '../cli/cliHelpers';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function scratch(prefix = 'plumb-reports-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Temporary files an atomic write would leave behind if it failed half-way. */
export function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tmp')) : [];
}

/** Formats a number the way the reports do (4 decimals, trailing zeros dropped). */
export function fmt4(v: number): string {
  return v.toFixed(4).replace(/\.?0+$/, '');
}
