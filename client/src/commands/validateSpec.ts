/** Validate Spec: opens the spec (the server validates every open spec) and reports its problems. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import * as notify from '../notify';
import { resolveSpec } from '../specs';

export interface ValidationSummary {
  errors: number;
  warnings: number;
  messages: string[];
}

/** Resolves at the next diagnostics change for `uri` (or after `ms`, when the server publishes nothing new). */
function nextDiagnostics(uri: vscode.Uri, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

export function validateSpec(ctx: Ctx) {
  return async (arg?: unknown): Promise<ValidationSummary | undefined> => {
    const uri = await resolveSpec(arg, 'Validate Spec');
    if (!uri) return undefined;
    await ctx.ready;
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    const published = open ? Promise.resolve() : nextDiagnostics(uri, 15_000);
    await vscode.workspace.openTextDocument(uri);
    await published;
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plumb');
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const name = vscode.workspace.asRelativePath(uri);
    if (!errors && !warnings) void notify.info(`${name} is a valid spec.`);
    else void notify.specProblems(`${name}: ${errors} error(s) and ${warnings} warning(s).`);
    return { errors, warnings, messages: diagnostics.map((d) => d.message) };
  };
}
