/** Diagnostics as VS Code holds them: messages, codes, ranges, re-validation on edit, quick fixes. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN, codeOf, openSpec, positionOf, readSpec, SPEC, waitForDiagnostics, writeSpec } from './helpers';

export function diagnosticsTests(): void {
  suite('diagnostics', () => {
    test('a broken spec gets a missing-column error and an unknown-key error at the right places', async () => {
      const editor = await openSpec(BROKEN);
      const doc = editor.document;
      const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length >= 2);
      assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics.map((d) => d.message)));

      const column = diagnostics.find((d) => codeOf(d) === 'column.missing');
      assert.ok(column, 'no column.missing diagnostic');
      assert.equal(column.severity, vscode.DiagnosticSeverity.Error);
      assert.match(column.message, /`fairness\.sensitive\[0\]`: column `gender` is not in data\/eval\.csv/);
      const start = positionOf(doc, 'sensitive: [gender]', 'sensitive: ['.length);
      assert.ok(column.range.isEqual(new vscode.Range(start, start.translate(0, 'gender'.length))), `range ${JSON.stringify(column.range)}`);

      const key = diagnostics.find((d) => codeOf(d) === 'schema.unknown-key');
      assert.ok(key, 'no schema.unknown-key diagnostic');
      assert.match(key.message, /Did you mean `threshold`\?/);
      assert.ok(key.range.start.isEqual(positionOf(doc, 'treshold')));
    });

    test('editing the document re-validates it: fixing the column clears that error', async () => {
      const text = (await readSpec(SPEC)).replace('target: default', 'target: defalt');
      const uri = await writeSpec('edit.plumb.yaml', text);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const before = await waitForDiagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(before.map(codeOf), ['column.missing']);
      const at = positionOf(editor.document, 'defalt');
      const ok = await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 'defalt'.length)), 'default'));
      assert.ok(ok);
      await waitForDiagnostics(uri, (d) => d.length === 0);
    });

    test('the quick fix for a misspelled key repairs it', async () => {
      const text = (await readSpec(SPEC)).replace('  positive_label: 1', '  positive_lable: 1');
      const uri = await writeSpec('fix.plumb.yaml', text);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const [d] = await waitForDiagnostics(uri, (x) => x.length > 0);
      assert.equal(codeOf(d), 'schema.unknown-key');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
      const fix = actions.find((a) => a.title === 'Change to `positive_label`');
      assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.getText(), /\n {2}positive_label: 1\n/);
      await waitForDiagnostics(uri, (x) => x.length === 0);
    });
  });
}
