/**
 * Time from `didChange` to `publishDiagnostics` for a spec of a few thousand lines: Plumb's server
 * (schema + semantic checks against the data header and the model) against yaml-language-server
 * (schema only) on the same file with the same JSON Schema, in the same run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = resolve(__dirname, '..');
const DIR = join(ROOT, 'bench/.data/lsp');
const FEATURES = 2500;
const EDITS = 60;

function makeWorkspace(): { specPath: string; text: string } {
  mkdirSync(join(DIR, 'data'), { recursive: true });
  const cols = Array.from({ length: FEATURES }, (_, i) => `f${i}`);
  writeFileSync(join(DIR, 'data/eval.csv'), `${[...cols, 'label', 'group'].join(',')}\n${[...cols.map(() => '0.5'), '1', 'a'].join(',')}\n`);
  const lines = ['plumb: 1', 'kind: model', 'name: bench', 'model:', '  task: binary-classification', '  features:', ...cols.map((c) => `    - ${c}`), 'data:', '  eval: data/eval.csv', '  prediction: f0', '  target: label', 'evaluation:', '  metrics: [accuracy, f1, roc_auc]', '  gates:', '    roc_auc: ">= 0.8"', 'fairness:', '  sensitive: [group]', '  gates: { demographic_parity_ratio: ">= 0.8" }'];
  const text = lines.join('\n') + '\n';
  const specPath = join(DIR, 'bench.plumb.yaml');
  writeFileSync(specPath, text);
  return { specPath, text };
}

type Edit = (text: string, version: number) => string;

/** Typing in one value: a column name gains and loses a letter (Plumb patches its previous parse). */
const VALUE_EDIT: Edit = (text, v) => (v % 2 === 0 ? text.replace('    - f1234\n', '    - f1234x\n') : text);
/** A structural edit in a small section: a line with a new key comes and goes (Plumb re-parses `data:`). */
const LINE_EDIT: Edit = (text, v) => (v % 2 === 0 ? text.replace('  target: label\n', '  target: label\n  treshold: 0.5\n') : text);
/** A structural edit in the biggest section: a line comes and goes in the 2,500-item features list (Plumb parses the new line alone as a sequence item; the section level would re-parse `model:`, nearly all of the file). */
const BIG_SECTION_EDIT: Edit = (text, v) => (v % 2 === 0 ? text.replace('    - f1234\n', '    - f1234\n    - nope\n') : text);

async function measure(cmd: string[], settings: unknown, text: string, uri: string, edit: Edit): Promise<number[]> {
  const child = spawn(process.execPath, cmd, { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let waiter: ((p: { version?: number; diagnostics: unknown[] }) => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    if (p.uri === uri) waiter?.(p);
  });
  conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === 'yaml' ? (settings as { yaml: unknown }).yaml : null)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(DIR).toString(), capabilities: { workspace: { configuration: true } }, initializationOptions: {} });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('workspace/didChangeConfiguration', { settings });
  const next = () => new Promise<{ diagnostics: unknown[] }>((r) => (waiter = r));
  let wait = next();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await wait;
  const times: number[] = [];
  for (let v = 2; v < EDITS + 2; v++) {
    // Alternate between a valid spec and one with a mistake, so each edit changes the result.
    const edited = edit(text, v);
    wait = next();
    const t0 = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: edited }] });
    await wait;
    times.push(performance.now() - t0);
  }
  conn.dispose();
  child.kill();
  return times;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)];

async function main(): Promise<void> {
  const { specPath, text } = makeWorkspace();
  const uri = pathToFileURL(specPath).toString();
  const schema = pathToFileURL(join(ROOT, 'schemas/plumb.schema.json')).toString();
  const plumb = [join(ROOT, 'dist/server.js'), '--stdio'];
  const yls = [join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'];
  const ylsSettings = { yaml: { validate: true, schemas: { [schema]: ['*.plumb.yaml'] }, hover: true, completion: true } };
  const rows: string[] = [];
  const ratios: number[] = [];
  const edits = [
    ['typing in a value (a column name)', VALUE_EDIT],
    ['adding and removing a line in `data:` (a misspelled key)', LINE_EDIT],
    ['adding and removing a line in the 2,500-line `model:` section (a column not in the data)', BIG_SECTION_EDIT],
  ] as const;
  for (const [name, edit] of edits) {
    const ours = await measure(plumb, {}, text, uri, edit);
    const peer = await measure(yls, ylsSettings, text, uri, edit);
    ratios.push(median(ours) / median(peer));
    rows.push(`| ${name} | ${median(ours).toFixed(1)} ms | ${p95(ours).toFixed(1)} ms | ${median(peer).toFixed(1)} ms | ${p95(peer).toFixed(1)} ms | ${(median(ours) / median(peer)).toFixed(2)} |`);
  }
  const lines = text.split('\n').length;
  console.log(`## Language server: didChange to publishDiagnostics

A ${lines}-line spec (${FEATURES} features checked against a ${FEATURES + 2}-column CSV header), ${EDITS} edits of each kind, alternating a valid spec and one with a mistake. Plumb runs the schema and every semantic check; yaml-language-server ${require(join(ROOT, 'node_modules/yaml-language-server/package.json')).version} validates the same file against the same JSON Schema only. Plumb re-parses incrementally (server/src/engine/spec/reparse.ts): an edit inside one plain value patches the previous parse; an edit that adds, removes or rewrites whole items of a block sequence parses those lines alone; an edit inside one top-level section re-parses that section only; anything else is a full parse.

| edit | Plumb median | Plumb p95 | yaml-language-server median | yaml-language-server p95 | ratio (medians) |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

Goal: median under 20 ms and below yaml-language-server.
`);
}

void main();
