/**
 * New Spec from Model: pick an ONNX model and a data file; the server describes both and proposes a
 * spec (`plumb/describeFiles`, `plumb/draftSpec`); the user confirms the target and the features; the
 * spec is written beside the model under a name that does not exist yet, and opened.
 * For tests and scripts: `plumb.createSpec(modelUri, dataUri, { target, features })` asks nothing.
 */
import * as vscode from 'vscode';
import { DescribeFilesRequest, DraftSpecRequest } from '../../../server/src/protocol/newSpec';
import type { Ctx } from '../ctx';
import * as notify from '../notify';
import { uriArg } from '../specs';

interface Choices {
  target?: string | null;
  features?: string[];
}

async function pickFile(title: string, filters: Record<string, string[]>, defaultUri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, filters, canSelectMany: false, canSelectFolders: false, defaultUri, openLabel: 'Select' });
  return picked?.[0];
}

async function pickTarget(d: DescribeFilesRequest.Result): Promise<string | null | undefined> {
  type Item = vscode.QuickPickItem & { column?: string | null };
  const candidates = new Set(d.targets.map((t) => t.column));
  const items: Item[] = [
    ...d.targets.map((t) => ({ label: t.column, description: t.reason, detail: t.values ? `values: ${t.values.join(', ')}` : undefined, column: t.column })),
    { label: 'Other columns', kind: vscode.QuickPickItemKind.Separator },
    ...d.columns.filter((c) => !candidates.has(c.name)).map((c) => ({ label: c.name, description: `${c.type}, ${c.distinct > 20 ? 'more than 20' : c.distinct} values`, column: c.name })),
    { label: 'No target column', description: 'drift and data checks only', column: null },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Plumb: New Spec from Model (1/2)', placeHolder: 'Which column holds the true label or value?', matchOnDescription: true });
  return picked ? (picked.column ?? null) : undefined;
}

async function pickFeatures(d: DescribeFilesRequest.Result, target: string | null, proposed: string[]): Promise<string[] | undefined> {
  const items = d.columns.filter((c) => c.name !== target).map((c) => ({ label: c.name, description: c.type, picked: proposed.includes(c.name) }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Plumb: New Spec from Model (2/2)', placeHolder: 'The model\'s input columns (check them against the model\'s input order)', canPickMany: true });
  return picked?.map((p) => p.label);
}

export function createSpec(ctx: Ctx) {
  return async (modelArg?: unknown, dataArg?: unknown, choices: Choices = {}): Promise<vscode.Uri | undefined> => {
    const given = uriArg(modelArg);
    const model = given && /\.onnx$/i.test(given.path) ? given : await pickFile('Plumb: choose the ONNX model', { 'ONNX models': ['onnx'] });
    if (!model) return undefined;
    const data = uriArg(dataArg) ?? (await pickFile('Plumb: choose the evaluation data', { 'Data files': ['csv', 'tsv', 'parquet'] }, vscode.Uri.joinPath(model, '..')));
    if (!data) return undefined;
    await ctx.ready;
    try {
      const described = await ctx.client.sendRequest(DescribeFilesRequest.type, { model: model.toString(), data: data.toString() });
      const target = choices.target !== undefined ? choices.target : await pickTarget(described);
      if (target === undefined) return undefined;
      let draft = await ctx.client.sendRequest(DraftSpecRequest.type, { model: model.toString(), data: data.toString(), target, ...(choices.features ? { features: choices.features } : {}) });
      if (!choices.features && choices.target === undefined) {
        const features = await pickFeatures(described, target, draft.proposal.features);
        if (!features) return undefined;
        if (features.join() !== draft.proposal.features.join()) draft = await ctx.client.sendRequest(DraftSpecRequest.type, { model: model.toString(), data: data.toString(), target, features });
      }
      const uri = vscode.Uri.parse(draft.uri, true);
      const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
      if (exists) {
        void notify.error(`New Spec from Model: ${vscode.workspace.asRelativePath(uri)} exists already; it was not overwritten.`);
        return undefined;
      }
      await vscode.workspace.fs.writeFile(uri, Buffer.from(draft.text, 'utf8'));
      await vscode.window.showTextDocument(uri);
      const notes = [...draft.problems.map((p) => `Problem: ${p}`), ...draft.proposal.warnings];
      if (notes.length) void notify.warn(`Check the new spec: ${notes.join(' ')}`);
      return uri;
    } catch (e) {
      void notify.error(`New Spec from Model: ${(e as Error).message}`);
      return undefined;
    }
  };
}
