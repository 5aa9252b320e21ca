/**
 * The packaged extension the UI tests install: `npm run package`'s VSIX (scripts/packageVsix.mjs),
 * built at most once for a given state of its inputs and reused from .cache/plumb.vsix. Node's test
 * runner may start the UI test files at the same time (one process per file, in parallel on machines
 * with more cores), and packageVsix always stages in .cache/vsix-stage, so packaging happens under a
 * lock held across processes.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { packageVsix } from '../../scripts/packageVsix.mjs';
import { ROOT } from './workspace';

export const VSIX = join(ROOT, '.cache', 'plumb.vsix');
const KEY = `${VSIX}.key`;
const LOCK = join(ROOT, '.cache', 'vsix.lock');

// Files that never reach the VSIX nor the build that makes it (.vscodeignore drops them too); they
// are left out of the key so that e.g. a test writing screenshots to docs/ does not force a rebuild.
const NOT_INPUTS = /^(docs|test|bench|examples|\.ci|\.github)\//;

/** A hash of every file packageVsix would copy into its stage (tracked, or untracked and not ignored). */
function inputKey(): string {
  const r = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ls-files failed: ${r.stderr}`);
  const hash = createHash('sha256');
  for (const f of r.stdout.split('\0').filter(Boolean).sort()) {
    if (NOT_INPUTS.test(f)) continue;
    const p = join(ROOT, f);
    if (!existsSync(p) || !statSync(p).isFile()) continue;
    hash.update(`${f}\0`).update(readFileSync(p)).update('\0');
  }
  return hash.digest('hex');
}

function fresh(key: string): boolean {
  return existsSync(VSIX) && existsSync(KEY) && readFileSync(KEY, 'utf8') === key;
}

/** Takes the lock directory (mkdir is atomic), taking over one left by a process that is gone. */
async function lock(): Promise<() => void> {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8') || NaN);
    } catch {
      // not written yet, or released meanwhile
    }
    let alive = true;
    try {
      if (Number.isInteger(owner)) process.kill(owner, 0);
    } catch {
      alive = false;
    }
    if (!alive) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`${LOCK} is held by process ${owner} for more than 5 minutes`);
    // Polling another process's lock: there is no event to wait on across processes.
    else await delay(250);
  }
}

let mine: Promise<string> | undefined;

/** The VSIX of the current working tree: packaged now, or the one an earlier run made of the same inputs. */
export function packagedVsix(): Promise<string> {
  mine ??= (async () => {
    const release = await lock();
    try {
      const key = inputKey();
      if (!fresh(key)) {
        rmSync(KEY, { force: true });
        packageVsix(VSIX);
        writeFileSync(KEY, key);
      }
      return VSIX;
    } finally {
      release();
    }
  })();
  return mine;
}
