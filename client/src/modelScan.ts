/**
 * Model artifacts the user opens (pickles, PyTorch, NumPy, ONNX) go through the server's scanner,
 * which reads their bytes without loading them and publishes what it finds on the file (Problems).
 * Scanning runs in untrusted workspaces too: it never executes anything.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ScanFileRequest } from '../../server/src/protocol/requests';

const MODEL_FILE = /\.(onnx|pkl|pickle|joblib|pt|pth|ckpt|bin|npy|npz)$/i;

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input as { uri?: unknown } | undefined;
  return input && input.uri instanceof vscode.Uri && input.uri.scheme === 'file' && MODEL_FILE.test(input.uri.path) ? input.uri : undefined;
}

export function scanOpenedModels(client: LanguageClient, ready: Promise<void>): vscode.Disposable {
  const scanned = new Set<string>();
  const scan = (uri: vscode.Uri | undefined) => {
    if (!uri || scanned.has(uri.toString())) return;
    scanned.add(uri.toString());
    void ready.then(() => client.sendRequest(ScanFileRequest.type, { uri: uri.toString() })).catch(() => scanned.delete(uri.toString()));
  };
  for (const group of vscode.window.tabGroups.all) for (const tab of group.tabs) scan(tabUri(tab));
  const tabs = vscode.window.tabGroups.onDidChangeTabs((e) => e.opened.forEach((t) => scan(tabUri(t))));
  // A changed file is scanned again the next time it is opened.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{onnx,pkl,pickle,joblib,pt,pth,ckpt,bin,npy,npz}');
  const forget = (uri: vscode.Uri) => scanned.delete(uri.toString());
  return vscode.Disposable.from(tabs, watcher, watcher.onDidChange(forget), watcher.onDidDelete(forget));
}
