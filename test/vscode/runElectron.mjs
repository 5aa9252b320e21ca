// `npm run test:vscode`: the same in-editor suite (test/vscode/suite/) in a downloaded VS Code through
// @vscode/test-electron, for machines that can reach update.code.visualstudio.com. Where they cannot
// (this project's sandbox), use test/vscode/codeServer.test.ts, which runs the suite in code-server
// as part of `npm test`.
// Environment: VSCODE_VERSION (default: the version package.json's engines.vscode names, e.g. 1.100.0).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, ROOT } from './buildSuite.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = process.env.VSCODE_VERSION ?? pkg.engines.vscode.replace(/^[^\d]*/, '');

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const suite = await buildSuite();

// The workspace the suite expects: a copy of the example plus the broken spec (the same two mistakes
// as workspace.ts's brokenSpecText, which the code-server runner uses).
function makeWorkspace() {
  const ws = mkdtempSync(join(tmpdir(), 'plumb-electron-'));
  cpSync(join(ROOT, 'examples/credit-risk'), ws, { recursive: true });
  const spec = readFileSync(join(ws, 'credit-risk.plumb.yaml'), 'utf8');
  writeFileSync(join(ws, 'broken.plumb.yaml'), spec.replace('sensitive: [sex]', 'sensitive: [gender]').replace('  threshold: 0.3', '  treshold: 0.3'));
  return ws;
}

// Two launches, as in codeServer.test.ts: the `main` set with Workspace Trust disabled, and the `trust`
// set with Workspace Trust on (a fresh user-data dir trusts no folder; no startup prompt).
async function runSet(set, workspaceTrust) {
  const ws = makeWorkspace();
  const userData = mkdtempSync(join(tmpdir(), 'plumb-electron-user-'));
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false }));
  try {
    await runTests({
      version,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { PLUMB_SUITE_SET: set },
      launchArgs: [ws, '--disable-extensions', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
    });
    return true;
  } catch (e) {
    console.error(`test:vscode (${set}): ${e?.message ?? e}`);
    return false;
  } finally {
    rmSync(ws, { recursive: true, force: true });
    rmSync(userData, { recursive: true, force: true });
  }
}

const main = await runSet('main', false);
const trust = await runSet('trust', true);
process.exit(main && trust ? 0 : 1);
