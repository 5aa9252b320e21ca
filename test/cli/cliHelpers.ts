/** Runs the built CLI (`dist/cli.js`) as a user would, in a temp copy of the example when asked. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLE = join(ROOT, 'examples/credit-risk');
export const CLI = join(ROOT, 'dist/cli.js');

export function plumb(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch copy of the example (data, model, specs) to break without touching the original. */
export function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-example-'));
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !/\.(ts|py)$/.test(src) && !src.includes('/lib') });
  return dir;
}
