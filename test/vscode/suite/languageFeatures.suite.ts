/** Completion, hover and the outline through VS Code's own provider commands. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSpec, positionOf, readSpec, SPEC, writeSpec } from './helpers';

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

export function languageFeatureTests(): void {
  suite('language features', () => {
    test('completion offers the data file\'s columns in fairness.sensitive', async () => {
      const text = (await readSpec(SPEC)).replace('sensitive: [sex]', 'sensitive: [sex, ]');
      const uri = await writeSpec('complete-columns.plumb.yaml', text);
      const doc = await vscode.workspace.openTextDocument(uri);
      const labels = await completionLabels(uri, positionOf(doc, 'sensitive: [sex, ]', 'sensitive: [sex, '.length));
      for (const c of ['education', 'marriage', 'age']) assert.ok(labels.includes(c), `${c} not offered: ${labels.join(', ')}`);
    });

    test('completion offers classification metrics, not regression ones, in evaluation.metrics', async () => {
      const text = (await readSpec(SPEC)).replace('metrics: [accuracy, ', 'metrics: [');
      const uri = await writeSpec('complete-metrics.plumb.yaml', text);
      const doc = await vscode.workspace.openTextDocument(uri);
      const labels = await completionLabels(uri, positionOf(doc, 'metrics: [', 'metrics: ['.length));
      assert.ok(labels.includes('accuracy') && labels.includes('balanced_accuracy'), labels.join(', '));
      assert.ok(!labels.includes('rmse'), 'a regression metric was offered for a binary classifier');
    });

    test('hover on a key shows its description from the schema', async () => {
      const editor = await openSpec(SPEC);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'threshold: 0.3', 2));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /\*\*model\.threshold\*\*/);
      assert.match(text, /threshold/i);
    });

    test('the outline lists the spec\'s sections', async () => {
      const editor = await openSpec(SPEC);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      const names = symbols.map((s) => s.name);
      for (const s of ['model', 'data', 'evaluation', 'fairness', 'drift']) assert.ok(names.includes(s), names.join(', '));
      assert.ok(symbols.find((s) => s.name === 'model')?.children.some((c) => c.name === 'features'));
    });
  });
}
