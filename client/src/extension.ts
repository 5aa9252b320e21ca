/**
 * Plumb's extension: starts the language server and wires VS Code to it. It computes nothing:
 * validation and checks run in the server (rust-analyzer's split of ctx, commands and client).
 */
import * as vscode from 'vscode';
import { createContext, type Ctx } from './ctx';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Ctx | undefined> {
  try {
    ctx = await createContext(context);
    return ctx;
  } catch (e) {
    const message = `Plumb could not start: ${(e as Error)?.message ?? String(e)}`;
    void vscode.window.showErrorMessage(message, 'Open Output').then((choice) => {
      if (choice === 'Open Output') ctx?.output.show();
    });
    return undefined;
  }
}

export async function deactivate(): Promise<void> {
  await ctx?.client.stop();
}
