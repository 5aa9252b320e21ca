/**
 * Entry point of the in-editor suite, with @vscode/test-electron's contract: the extension host
 * loads this module (bundled to out/test/vscode/suite/index.js) and awaits `run()`; a rejection is a
 * failed run. The same bundle runs in code-server (test/vscode/codeServer.test.ts) and in a
 * downloaded VS Code (test/vscode/runElectron.mjs).
 *
 * mocha stays external: `require('mocha')` resolves from out/ to the repository's node_modules.
 * When PLUMB_SUITE_RESULTS names a file, mocha's count of registered tests and the per-test outcomes
 * are written there as JSON ({ total, results }), so the runner can check that every test ran and
 * passed rather than trusting an exit code alone.
 *
 * PLUMB_SUITE_SET picks the suites (see SETS): `main` (the default) needs a trusted workspace (the
 * runners disable Workspace Trust), `trust` needs Workspace Trust on and the workspace untrusted, so
 * each set runs in its own editor launch.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { activationTests } from './activation.suite';
import { diagnosticsTests } from './diagnostics.suite';
import { languageFeatureTests } from './languageFeatures.suite';
import { recoveryTests } from './recovery.suite';
import { commandTests } from './commands.suite';
import { panelTests } from './panels.suite';
import { trustTests } from './trust.suite';

/** The suites of each set, in the order they run. */
export const SETS: Record<string, (() => void)[]> = {
  main: [activationTests, diagnosticsTests, languageFeatureTests, recoveryTests, commandTests, panelTests],
  trust: [trustTests],
};

export interface SuiteResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const set = process.env.PLUMB_SUITE_SET || 'main';
  const suites = SETS[set];
  if (!suites) return Promise.reject(new Error(`PLUMB_SUITE_SET=${set}: no such set (${Object.keys(SETS).join(', ')})`));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // What `mocha.addFile` + `loadFiles` would do, for suites that are bundled into this module.
  mocha.suite.emit('pre-require', globalThis, 'plumb-suite', mocha);
  for (const declare of suites) declare();

  const results: SuiteResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.PLUMB_SUITE_RESULTS;
      if (out) writeFileSync(out, JSON.stringify({ total: runner.total, results }, null, 2));
      if (failures > 0) reject(new Error(`${failures} of ${results.length} in-editor tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
