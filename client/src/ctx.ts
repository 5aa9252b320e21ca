/**
 * One object owns the language client, the output channel, the results, the panels, the status bar,
 * the Test Explorer's controller and every disposable (rust-analyzer's ctx.ts). Commands are
 * `(ctx) => handler` factories and take a Ctx whose client is always there.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { GatesChangedNotification, SetTrustedNotification } from '../../server/src/protocol/requests';
import { registerCommands } from './commands';
import * as notify from './notify';
import { PanelManager } from './panels/panelManager';
import { ResultStore } from './results';
import { trackActiveSpec } from './specs';
import { StatusBar } from './statusBar';
import { GateTests } from './testing';
import { scanOpenedModels } from './modelScan';
import { comparePanel } from './commands/compare';
import type { CodeCacheState } from '../../server/src/codeCache';

export interface Ctx {
  extension: vscode.ExtensionContext;
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  /** Resolves once the language server is running (commands await it). */
  ready: Promise<void>;
  results: ResultStore;
  panels: PanelManager;
  statusBar: StatusBar;
  tests: GateTests;
  /** How main.ts loaded this code (V8 code cache used or not); set after activation. */
  codeCache?: CodeCacheState;
}

export const SPEC_SELECTOR: { scheme: string; pattern: string }[] = [
  { scheme: 'file', pattern: '**/*.plumb.{yaml,yml}' },
  { scheme: 'file', pattern: '**/plumb.{yaml,yml}' },
];

export async function createContext(extension: vscode.ExtensionContext): Promise<Ctx> {
  const output = vscode.window.createOutputChannel('Plumb', { log: true });
  notify.setOutput(output);
  // Panels first, so their serializers are registered before VS Code restores the webviews.
  const panels = new PanelManager(extension);
  const results = new ResultStore(extension.workspaceState);
  const module = extension.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SPEC_SELECTOR,
    outputChannel: output,
    // A function, so a restarted server learns the trust granted since activation.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,parquet,onnx}'),
      configurationSection: 'plumb',
    },
  };
  // `plumb.trace.server` is read by the LanguageClient itself (its id is `plumb`).
  const client = new LanguageClient('plumb', 'Plumb', serverOptions, clientOptions);
  const ready = client.start();
  const statusBar = new StatusBar(results);
  const ctx = { extension, client, output, ready, results, panels, statusBar } as Ctx;
  panels.attach(ctx);
  ctx.tests = new GateTests(ctx);
  extension.subscriptions.push(
    client,
    output,
    panels,
    results,
    statusBar,
    ctx.tests,
    trackActiveSpec(),
    scanOpenedModels(client, ready),
    ...registerCommands(ctx),
    comparePanel(ctx),
    client.onNotification(GatesChangedNotification.type, (p) => {
      const uri = vscode.Uri.parse(p.uri);
      results.setGates(uri, p.gates);
      ctx.tests.reportExternal(uri, p.gates);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(SetTrustedNotification.type, { trusted: true });
    }),
  );
  await ready;
  void ctx.tests.discover();
  return ctx;
}
