/** Helpers for the in-editor suite: locate the fixture workspace, open documents, wait on events. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'plumb.plumb';
export const SPEC = 'credit-risk.plumb.yaml';
export const BROKEN = 'broken.plumb.yaml';

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder (a copy of examples/credit-risk)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openSpec(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc);
}

/** Writes a spec into the workspace (a variant of the example) and returns its URI. */
export async function writeSpec(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

export async function readSpec(name: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(name))).toString('utf8');
}

export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in ${doc.uri.fsPath}`);
  return doc.positionAt(at + delta);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

export function plumbDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plumb');
}

/**
 * Resolves with Plumb's diagnostics for `uri` once `accept` holds, checking now and on every
 * onDidChangeDiagnostics for that URI. The timer only turns a hang into a readable failure.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = plumbDiagnostics(uri);
      if (!accept(current)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const now = plumbDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message}`);
      reject(new Error(`diagnostics for ${uri.fsPath} never matched within ${timeoutMs} ms; now: ${JSON.stringify(now)}`));
    }, timeoutMs);
    check();
  });
}

/** The extension's exports once it has activated (activating it if VS Code has not yet). */
export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}
