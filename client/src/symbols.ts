/** Where a spec's gates are, from the language server's outline (document symbols): no YAML parsing here. */
import * as vscode from 'vscode';

export interface GateLocation {
  section: string;
  metric: string;
  range: vscode.Range;
}

export const GATED_SECTIONS = ['evaluation', 'fairness', 'drift', 'monitoring', 'compare'];

export async function gateLocations(uri: vscode.Uri): Promise<GateLocation[]> {
  const symbols = (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const out: GateLocation[] = [];
  for (const s of symbols) {
    if (!('children' in s) || !GATED_SECTIONS.includes(s.name)) continue;
    const gates = s.children.find((c) => c.name === 'gates');
    for (const g of gates?.children ?? []) out.push({ section: s.name, metric: g.name, range: g.selectionRange });
  }
  return out;
}

/** Opens the spec with the gate selected (or at the top when the gate is not found). */
export async function revealGate(uri: vscode.Uri, section: string, metric: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const found = (await gateLocations(uri)).find((g) => g.section === section && g.metric === metric);
  await vscode.window.showTextDocument(doc, { selection: found?.range, viewColumn: vscode.ViewColumn.One });
}
