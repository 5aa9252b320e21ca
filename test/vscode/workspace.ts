/**
 * Fixture workspaces for the editor suites: a temporary copy of the bundled example plus a broken
 * spec whose mistakes every editor test looks for (a misspelled column and a misspelled key).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLE = join(ROOT, 'examples/credit-risk');
export const SPEC_NAME = 'credit-risk.plumb.yaml';
export const BROKEN_NAME = 'broken.plumb.yaml';

/** The example spec with `sensitive: [gender]` (no such column) and `treshold:` (no such key). */
export function brokenSpecText(): string {
  const text = readFileSync(join(EXAMPLE, SPEC_NAME), 'utf8');
  const broken = text.replace('sensitive: [sex]', 'sensitive: [gender]').replace('  threshold: 0.3', '  treshold: 0.3');
  if (broken === text || !broken.includes('[gender]') || !broken.includes('treshold')) throw new Error(`${SPEC_NAME} changed: the broken copy no longer has both mistakes`);
  return broken;
}

/** 0-based line and UTF-16 character of `needle` (+ delta) in `text`. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const lines = text.slice(0, at + delta).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export interface Workspace {
  dir: string;
  /** Absolute path of the broken spec inside `dir`. */
  broken: string;
  brokenText: string;
  remove(): void;
}

/** Copies the example (spec, data, model) into a fresh temp folder and adds `broken.plumb.yaml`. */
export function makeWorkspace(prefix: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `plumb-${prefix}-`));
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|\.cache)$/.test(src) });
  const brokenText = brokenSpecText();
  const broken = join(dir, BROKEN_NAME);
  writeFileSync(broken, brokenText);
  return { dir, broken, brokenText, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
