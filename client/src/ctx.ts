/** One object owns the language client, the output channel and every disposable. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export interface Ctx {
  extension: vscode.ExtensionContext;
  client: LanguageClient;
  output: vscode.LogOutputChannel;
}

export const SPEC_SELECTOR: { scheme: string; pattern: string }[] = [
  { scheme: 'file', pattern: '**/*.plumb.{yaml,yml}' },
  { scheme: 'file', pattern: '**/plumb.{yaml,yml}' },
];

export async function createContext(extension: vscode.ExtensionContext): Promise<Ctx> {
  const output = vscode.window.createOutputChannel('Plumb', { log: true });
  const module = extension.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SPEC_SELECTOR,
    outputChannel: output,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,parquet,onnx}'),
    },
  };
  const client = new LanguageClient('plumb', 'Plumb', serverOptions, clientOptions);
  extension.subscriptions.push(client, output);
  await client.start();
  return { extension, client, output };
}
