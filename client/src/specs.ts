/** Which spec a command acts on: its argument (code lens, menus, tests), the active editor, or a pick. */
import * as vscode from 'vscode';

const SPEC_NAME = /(^|[\\/])([^\\/]*\.)?plumb\.ya?ml$/i;
export const SPEC_GLOB = '**/*.plumb.{yaml,yml}';

export function isSpec(uri: vscode.Uri): boolean {
  return SPEC_NAME.test(uri.path);
}

/** A URI from a command argument: a Uri (menus) or a URI string (code lenses, LSP). */
export function uriArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(arg)) {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function activeSpec(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && isSpec(uri) ? uri : undefined;
}

let lastSpec: vscode.Uri | undefined;

/** Remembers the last spec editor, so commands run from a Plumb panel (no text editor active) act on it. */
export function trackActiveSpec(): vscode.Disposable {
  lastSpec = activeSpec();
  return vscode.window.onDidChangeActiveTextEditor((e) => {
    if (e) lastSpec = isSpec(e.document.uri) ? e.document.uri : undefined;
  });
}

/** The spec to act on, or undefined when the user dismissed the pick (or there is none). */
export async function resolveSpec(arg: unknown, action: string): Promise<vscode.Uri | undefined> {
  const given = uriArg(arg);
  if (given) return isSpec(given) ? given : undefined;
  const active = activeSpec() ?? (vscode.window.activeTextEditor ? undefined : lastSpec);
  if (active) return active;
  const found = await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**', 200);
  if (found.length === 1) return found[0];
  if (!found.length) {
    void vscode.window.showInformationMessage(`${action}: there is no *.plumb.yaml spec in this workspace. Create one with "Plumb: New Spec from Model".`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    found.sort((a, b) => a.path.localeCompare(b.path)).map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: action, placeHolder: 'Choose a spec' },
  );
  return picked?.uri;
}
