// vscode-languageclient registers every LSP feature it knows when a client is created, and its
// CommonJS modules require all of them up front, so bundling it loads ~45 feature modules whose
// providers Plumb's server never offers (notebooks, semantic tokens, formatting, rename, pull
// diagnostics, file operations with minimatch, ...). This esbuild plugin replaces those modules in
// the extension's bundle with one small inert feature: the client then does not advertise them
// (the server does not offer them) and does not load or run their code at activation.
//
// KEPT lists what Plumb uses; test/leanClient.test.ts starts the server and checks that every
// capability it announces or registers is served by a kept module, and that every module named
// here exists in the installed vscode-languageclient (an update that renames one fails the test).

/** Feature modules (vscode-languageclient/lib/common/<name>.js) Plumb's server and client use. */
export const KEPT = [
  'textSynchronization', // textDocumentSync
  'completion', // completionProvider
  'hover', // hoverProvider
  'codeAction', // codeActionProvider (quick fixes)
  'documentSymbol', // documentSymbolProvider (outline)
  'codeLens', // codeLensProvider
  'executeCommand', // executeCommandProvider (none today; kept for workspace/executeCommand)
  'configuration', // workspace/configuration and didChangeConfiguration
  'fileSystemWatcher', // synchronize.fileEvents and dynamic didChangeWatchedFiles registration
  'progress', // window/workDoneProgress (checks' progress notifications)
  'workspaceFolder', // fills initialize's workspaceFolders
];

/** Feature modules replaced by the inert feature, and the server capability each would serve. */
export const REPLACED = {
  notebook: 'notebookDocumentSync',
  diagnostic: 'diagnosticProvider',
  fileOperations: 'workspace.fileOperations',
  semanticTokens: 'semanticTokensProvider',
  formatting: 'documentFormattingProvider',
  rename: 'renameProvider',
  textDocumentContent: 'workspace.textDocumentContent',
  callHierarchy: 'callHierarchyProvider',
  typeHierarchy: 'typeHierarchyProvider',
  inlayHint: 'inlayHintProvider',
  linkedEditingRange: 'linkedEditingRangeProvider',
  colorProvider: 'colorProvider',
  documentLink: 'documentLinkProvider',
  signatureHelp: 'signatureHelpProvider',
  foldingRange: 'foldingRangeProvider',
  inlineValue: 'inlineValueProvider',
  selectionRange: 'selectionRangeProvider',
  typeDefinition: 'typeDefinitionProvider',
  inlineCompletion: 'inlineCompletionProvider',
  implementation: 'implementationProvider',
  definition: 'definitionProvider',
  declaration: 'declarationProvider',
  reference: 'referencesProvider',
  documentHighlight: 'documentHighlightProvider',
  workspaceSymbol: 'workspaceSymbolProvider',
};

// Every export of a replaced module is the same static feature that does nothing: it adds no client
// capability, registers no provider and has no registration type (so a server that tried to register
// one dynamically would get the client's own "no feature for method" error, not silence).
// `CellScheme` is the one static member client.js reads (NotebookDocumentSyncFeature.CellScheme).
const INERT = `"use strict";
class InertFeature {
  fillClientCapabilities() {}
  initialize() {}
  getState() { return { kind: 'static' }; }
  clear() {}
}
InertFeature.CellScheme = 'vscode-notebook-cell';
module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? true : typeof key === 'string' ? InertFeature : undefined) });
`;

export function leanLanguageClient() {
  const names = new RegExp(`^\\./(${Object.keys(REPLACED).join('|')})$`);
  const inCommon = /[\\/]vscode-languageclient[\\/]lib[\\/]common[\\/][^\\/]+$/;
  return {
    name: 'lean-language-client',
    setup(build) {
      // Every replaced module resolves to the one inert module.
      build.onResolve({ filter: names }, (args) => (inCommon.test(args.importer) ? { path: 'inert-feature', namespace: 'lean-language-client' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'lean-language-client' }, () => ({ contents: INERT, loader: 'js' }));
    },
  };
}
