/**
 * Compare with Challenger...: asks for the challenger (an .onnx model or a model spec, starting in the
 * spec's folder), runs champion vs challenger in the server and shows the Compare panel. Tests and
 * scripts can pass the challenger as the second argument (a Uri or a path).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { ComparePanel } from '../panels/comparePanel';
import { resolveSpec } from '../specs';

let panel: ComparePanel | undefined;

/** The Compare panel, created once (its serializer restores it after a reload). */
export function comparePanel(ctx: Ctx): ComparePanel {
  panel ??= new ComparePanel(ctx);
  return panel;
}

function challengerArg(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.fsPath;
  return typeof arg === 'string' && arg.trim() ? arg : undefined;
}

export function compareModels(ctx: Ctx) {
  return async (arg?: unknown, challenger?: unknown): Promise<unknown> => {
    const uri = await resolveSpec(arg, 'Compare with Challenger');
    if (!uri) return undefined;
    let other = challengerArg(challenger);
    if (!other) {
      const picked = await vscode.window.showOpenDialog({
        title: 'Plumb: choose the challenger (an ONNX model or a model spec)',
        defaultUri: vscode.Uri.joinPath(uri, '..'),
        canSelectMany: false,
        openLabel: 'Compare',
        filters: { 'ONNX model or Plumb spec': ['onnx', 'yaml', 'yml'] },
      });
      if (!picked?.length) return undefined;
      other = picked[0].fsPath;
    }
    await ctx.ready;
    return comparePanel(ctx).compare(uri, other);
  };
}
