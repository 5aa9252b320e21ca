/**
 * Starts and stops what the editor suites drive: code-server (VS Code 1.100's workbench with a Node
 * extension host, installed by scripts/setupCodeServer.mjs into .cache/code-server) and Debian's
 * chromium through playwright-core. Every process is started in its own process group and stopped
 * with it, so extension hosts and language servers go too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './workspace';

export const CI = process.env.CI === 'true' || process.env.CI === '1';
export const CODE_SERVER_ENTRY = join(ROOT, '.cache/code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.PLUMB_CHROMIUM ?? '/usr/bin/chromium';

/**
 * True when code-server and chromium are there. Otherwise the test reports itself as not run with
 * the reason, or fails under CI=true, where a missing tool must not pass silently.
 */
export function editorToolsPresent(t: TestContext): boolean {
  const missing: string[] = [];
  if (!existsSync(CODE_SERVER_ENTRY)) missing.push('code-server missing: node scripts/setupCodeServer.mjs');
  if (!existsSync(CHROMIUM)) missing.push(`chromium missing (${CHROMIUM}): apt-get install chromium`);
  if (!missing.length) return true;
  if (CI) assert.fail(`${missing.join('; ')} (CI=true, so this fails instead of skipping)`);
  // Skipped only outside CI when code-server or chromium could not be set up; the reason names what to install.
  t.skip(missing.join('; '));
  return false;
}

export interface CodeServer {
  port: number;
  url: string;
  /** `vscode-remote://` URI of an absolute path, as the workbench running on this server sees it. */
  remote(path: string): string;
  /** What code-server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A scratch home for one code-server: user data, extensions, config, and XDG dirs out of $HOME. */
export interface Home {
  dir: string;
  userData: string;
  extensions: string;
  config: string;
  env: Record<string, string>;
  remove(): void;
}

export function makeHome(prefix: string): Home {
  const dir = mkdtempSync(join(tmpdir(), `plumb-${prefix}-home-`));
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'workbench.enableExperiments': false,
      'workbench.tips.enabled': false,
      'update.mode': 'none',
      'git.enabled': false,
    }),
  );
  const config = join(dir, 'config.yaml');
  writeFileSync(config, '');
  const env = { XDG_CONFIG_HOME: join(dir, 'xdg-config'), XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CACHE_HOME: join(dir, 'xdg-cache'), XDG_STATE_HOME: join(dir, 'xdg-state') };
  return { dir, userData, extensions, config, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function commonArgs(home: Home): string[] {
  return ['--config', home.config, '--user-data-dir', home.userData, '--extensions-dir', home.extensions, '--disable-telemetry', '--disable-update-check'];
}

/** `code-server --install-extension VSIX` into the home's extensions dir. */
export function installExtension(home: Home, vsix: string): string {
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs(home), '--install-extension', vsix], {
    env: { ...process.env, ...home.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout}${r.stderr}`;
  assert.equal(r.status, 0, `installing ${vsix} failed:\n${out}`);
  return out;
}

// Process groups still running. code-server runs detached (its own group, so stopping it takes its
// extension hosts and language servers too), which also means a Ctrl+C of the test run would not reach
// it: kill what is left when this process exits or is interrupted.
const liveGroups = new Set<number>();
function killLiveGroups() {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  liveGroups.clear();
}
process.once('exit', killLiveGroups);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killLiveGroups();
    process.kill(process.pid, signal);
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid) return Promise.resolve();
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone
    }
  };
  const finish = () => {
    kill('SIGKILL'); // whatever is left of the group (extension host, language server)
    liveGroups.delete(pid);
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    finish();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const hard = setTimeout(() => kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(hard);
      finish();
      resolve();
    });
    kill('SIGTERM');
  });
}

export interface StartOptions {
  /** Extra environment for code-server and its extension host (e.g. PLUMB_SUITE_RESULTS). */
  env?: Record<string, string>;
  /** Keep Workspace Trust on (tests of restricted mode); by default it is disabled. */
  workspaceTrust?: boolean;
}

/** Starts code-server on a free loopback port and resolves once it serves /healthz. */
export async function startCodeServer(home: Home, options: StartOptions = {}): Promise<CodeServer> {
  const args = [CODE_SERVER_ENTRY, ...commonArgs(home), '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-getting-started-override'];
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  const env = options.env ?? {};
  const child = spawn(process.execPath, args, { env: { ...process.env, ...home.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid) liveGroups.add(child.pid);
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d;
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`));
    });
    child.once('error', reject);
  }).catch(async (e) => {
    await stopGroup(child);
    throw e;
  });
  const url = `http://127.0.0.1:${port}/`;
  const health = await fetch(`${url}healthz`);
  assert.equal(health.status, 200, `code-server /healthz answered ${health.status}`);
  return {
    port,
    url,
    remote: (path: string) => `vscode-remote://127.0.0.1:${port}${path}`,
    output: () => output,
    stop: () => stopGroup(child),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Registers undo steps run last-first after the test (node:test runs `t.after` hooks first-first,
 * which would close the browser before a final screenshot of it). Every step runs; the first error
 * is rethrown.
 */
export function cleanupStack(t: TestContext): (undo: () => unknown) => void {
  const steps: (() => unknown)[] = [];
  t.after(async () => {
    const errors: unknown[] = [];
    for (const undo of steps.reverse()) await Promise.resolve().then(undo).catch((e) => errors.push(e));
    if (errors.length) throw errors[0];
  });
  return (undo) => steps.push(undo);
}

/** Rejects with `describe()` if `promise` has not settled within `ms` (turns a hang into a report). */
export function within<T>(promise: Promise<T>, ms: number, describe: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${describe()}`)), ms);
    }),
  ]);
}
