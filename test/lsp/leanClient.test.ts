/**
 * The extension's bundle replaces the language client's unused feature modules with an inert one
 * (scripts/leanLanguageClient.mjs). These tests keep that honest: everything the server offers is
 * served by a kept module, and the lists match the installed vscode-languageclient.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, ROOT } from './lspClient';
// @ts-expect-error: a plain .mjs build script without types
import { KEPT, leanLanguageClient, REPLACED } from '../../scripts/leanLanguageClient.mjs';
import * as esbuild from 'esbuild';

const kept = KEPT as string[];
const replaced = REPLACED as Record<string, string>;
const COMMON = resolve(ROOT, 'node_modules/vscode-languageclient/lib/common');
const EXAMPLE = resolve(ROOT, 'examples/credit-risk');

/** Which client module serves each server capability and dynamic registration Plumb may use. */
const SERVED_BY: Record<string, string> = {
  textDocumentSync: 'textSynchronization',
  completionProvider: 'completion',
  hoverProvider: 'hover',
  codeActionProvider: 'codeAction',
  documentSymbolProvider: 'documentSymbol',
  codeLensProvider: 'codeLens',
  executeCommandProvider: 'executeCommand',
  'workspace.workspaceFolders': 'workspaceFolder',
  'workspace/didChangeWatchedFiles': 'fileSystemWatcher',
  'workspace/didChangeConfiguration': 'configuration',
};

/** Modules client.js requires that are the client's machinery, not an LSP feature. */
const MACHINERY = ['codeConverter', 'protocolConverter', 'utils/is', 'utils/async', 'progressPart', 'features'];

let client: LspClient;
let capabilities: Record<string, unknown>;
const registered: string[] = [];

before(async () => {
  client = new LspClient(EXAMPLE);
  client.connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
    registered.push(...p.registrations.map((r) => r.method));
    return null;
  });
  capabilities = ((await client.initialize(EXAMPLE)) as { capabilities: Record<string, unknown> }).capabilities;
  // Registrations are sent when `initialized` arrives, so they precede the diagnostics of a later open.
  await client.open(pathToFileURL(resolve(EXAMPLE, 'lean-client.plumb.yaml')).toString(), readFileSync(resolve(EXAMPLE, 'credit-risk.plumb.yaml'), 'utf8'));
});
after(async () => client.shutdown());

test('every capability the server announces or registers is served by a module the bundle keeps', () => {
  const offered = Object.keys(capabilities).flatMap((k) => (k === 'workspace' ? Object.keys(capabilities.workspace as object).map((w) => `workspace.${w}`) : [k]));
  assert.ok(offered.includes('completionProvider') && registered.includes('workspace/didChangeWatchedFiles'), `server offers ${offered.join(', ')}; registers ${registered.join(', ')}`);
  for (const what of [...offered, ...registered]) {
    const module = SERVED_BY[what];
    assert.ok(module, `the server offers ${what}: add it to SERVED_BY here and make sure scripts/leanLanguageClient.mjs keeps its client module`);
    assert.ok(kept.includes(module), `${what} needs vscode-languageclient's ${module}.js, which the bundle replaces`);
    assert.ok(!Object.values(replaced).includes(what), `${what} is listed as replaced`);
  }
});

test('every module named in the lists exists, and client.js requires none the lists do not account for', () => {
  for (const name of [...kept, ...Object.keys(replaced), ...MACHINERY]) assert.ok(existsSync(resolve(COMMON, `${name}.js`)), `vscode-languageclient has no lib/common/${name}.js`);
  const required = [...readFileSync(resolve(COMMON, 'client.js'), 'utf8').matchAll(/require\("\.\/([\w/]+)"\)/g)].map((m) => m[1]);
  const unaccounted = required.filter((r) => !kept.includes(r) && !(r in replaced) && !MACHINERY.includes(r));
  assert.deepEqual(unaccounted, [], 'a new vscode-languageclient module: decide whether Plumb needs it (KEPT) or not (REPLACED)');
  assert.deepEqual(kept.filter((k) => k in replaced), [], 'a module is both kept and replaced');
});

test('the extension bundle leaves out the replaced modules (and minimatch, which only file operations use)', async () => {
  const built = await esbuild.build({
    entryPoints: [resolve(ROOT, 'client/src/extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    plugins: [leanLanguageClient()],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(built.metafile.inputs);
  const common = (name: string) => inputs.includes(`node_modules/vscode-languageclient/lib/common/${name}.js`);
  for (const name of kept) assert.ok(common(name), `${name}.js is kept but not in the bundle`);
  for (const name of Object.keys(replaced)) assert.ok(!common(name), `${name}.js is still bundled`);
  assert.deepEqual(inputs.filter((i) => i.includes('node_modules/minimatch/')), []);
  assert.ok(inputs.includes('lean-language-client:inert-feature'), 'the inert module stands in for them');
});
