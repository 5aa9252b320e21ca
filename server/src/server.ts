/**
 * The Plumb language server. Runs under VS Code's client and any LSP client (`node dist/server.js --stdio`).
 * It validates specs as they change, answers completion, hover, code actions, symbols and code lenses,
 * and never dies on a file: every handler catches and logs.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeWatchedFilesNotification, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CachedFileInfo } from './engine/spec/fileInfo';
import { SpecStore } from './lsp/specState';
import { isSpecUri, uriToPath } from './lsp/documents';
import { toLspDiagnostic } from './lsp/convert';
import { complete } from './lsp/completion';
import { hover } from './lsp/hover';
import { quickFixes } from './lsp/codeActions';
import { documentSymbols } from './lsp/symbols';
import { codeLenses } from './lsp/codeLens';
import { GateStore, jobsRunning, registerRunHandlers } from './lsp/runHandlers';
import { ServerInfoRequest, SetTrustedNotification } from './protocol/requests';
import { gateDiagnostics } from './engine/report';
import { registerNewSpecHandlers } from './lsp/newSpec';
import { registerScanHandlers } from './lsp/scanHandlers';
import { registerReportHandlers } from './lsp/reportHandlers';
import { registerCompareHandlers } from './lsp/compareHandlers';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const files = new CachedFileInfo();
const store = new SpecStore(files);
let watchRegistration = false;
let configurationPull = false;
let trusted = true;
const gates = new GateStore();

function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => Promise<R> | R) {
  return async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (e) {
      connection.console.error(`plumb: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params) => {
  watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  configurationPull = !!params.capabilities.workspace?.configuration;
  // The VS Code client says whether the workspace is trusted; other clients run checks only when asked.
  trusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '/', '[', ',', '-', '{'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'plumb', version: '0.1.0' },
  };
});

/** The `plumb` settings the server uses: `hover.maxRows` (rows read for column previews). */
function applySettings(settings: unknown): void {
  const rows = (settings as { hover?: { maxRows?: unknown } } | null | undefined)?.hover?.maxRows;
  if (typeof rows === 'number') files.setPreviewRows(rows);
}
const pullSettings = guard('configuration', undefined, async () => {
  if (configurationPull) applySettings(await connection.workspace.getConfiguration('plumb'));
});
// Clients that push settings (VS Code's, with synchronize.configurationSection) send them here;
// others send an empty change and are asked (workspace/configuration).
connection.onDidChangeConfiguration((p) => {
  const pushed = (p.settings as { plumb?: unknown } | null | undefined)?.plumb;
  if (pushed) applySettings(pushed);
  else void pullSettings();
});

connection.onInitialized(() => {
  void pullSettings();
  if (watchRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: ['**/*.csv', '**/*.tsv', '**/*.parquet', '**/*.onnx'].map((globPattern) => ({ globPattern })),
    });
  }
});

const validate = guard('validation', undefined, async (doc: TextDocument) => {
  if (!isSpecUri(doc.uri)) return;
  const result = await store.validate(doc);
  const current = documents.get(doc.uri);
  if (!current || current.version !== doc.version) return; // a newer edit will publish
  const diagnostics = [...result.diagnostics, ...gateDiagnostics(gates.get(doc.uri), result.parsed)].map((d) => toLspDiagnostic(doc, d));
  await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
});

documents.onDidChangeContent((e) => void validate(e.document));
documents.onDidClose((e) => {
  store.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) files.invalidate(uriToPath(change.uri));
  store.clear();
  for (const doc of documents.all()) void validate(doc);
});

connection.onCompletion(
  guard('completion', [], async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isSpecUri(doc.uri)) return [];
    return complete(doc, doc.offsetAt(params.position), files, store.parsed(doc));
  }),
);
connection.onHover(
  guard('hover', null, async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isSpecUri(doc.uri)) return null;
    return hover(doc, doc.offsetAt(params.position), files, store.parsed(doc));
  }),
);
connection.onCodeAction(
  guard('code actions', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? quickFixes(doc, params.context.diagnostics) : [];
  }),
);
connection.onDocumentSymbol(
  guard('symbols', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc && isSpecUri(doc.uri) ? documentSymbols(doc, store.parsed(doc)) : [];
  }),
);
connection.onCodeLens(
  guard('code lenses', [], (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc && isSpecUri(doc.uri) ? codeLenses(doc, store.parsed(doc)) : [];
  }),
);

connection.onRequest(ServerInfoRequest.type, () => ({ pid: process.pid, version: '0.1.0', runningJobs: jobsRunning() }));

connection.onNotification(SetTrustedNotification.type, (p) => {
  trusted = p.trusted;
});

registerScanHandlers(connection);
registerReportHandlers(connection, documents);
registerRunHandlers(connection, documents, store, gates, {
  isTrusted: () => trusted,
  republish: (uri) => {
    const doc = documents.get(uri);
    if (doc) void validate(doc);
  },
});

registerNewSpecHandlers(connection);
registerCompareHandlers(connection, documents, store, { isTrusted: () => trusted });

process.on('uncaughtException', (e) => connection.console.error(`plumb: uncaught: ${e?.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`plumb: unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));

documents.listen(connection);
connection.listen();
