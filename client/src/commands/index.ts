/** Every command, as `(ctx) => handler` factories (rust-analyzer's commands.ts); ids match package.json. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { checkDrift, checkFairness, evaluateModel, explainModel, explainRowCommand, runAllChecks, showResults } from './checks';
import { compareModels } from './compare';
import { createSpec } from './createSpec';
import { exportReport } from './exportReport';
import { validateSpec } from './validateSpec';

type Factory = (ctx: Ctx) => (...args: never[]) => unknown;

export const COMMANDS: Record<string, Factory> = {
  'plumb.runAllChecks': runAllChecks,
  'plumb.evaluateModel': evaluateModel,
  'plumb.checkFairness': checkFairness,
  'plumb.checkDrift': checkDrift,
  'plumb.explainModel': explainModel,
  'plumb.explainRow': explainRowCommand,
  'plumb.validateSpec': validateSpec,
  'plumb.exportReport': exportReport,
  'plumb.showResults': showResults,
  'plumb.createSpec': createSpec,
  'plumb.compareModels': compareModels,
  'plumb.showOutput': (ctx) => () => ctx.output.show(),
};

export function registerCommands(ctx: Ctx): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx) as (...args: unknown[]) => unknown));
}
