/**
 * Every message Plumb shows the user goes through here (dvc's `vscode/toast.ts`), so wording and the
 * follow-up actions (Open Output, Show Problems, Manage Workspace Trust) stay consistent.
 */
import * as vscode from 'vscode';

let output: vscode.LogOutputChannel | undefined;

export function setOutput(channel: vscode.LogOutputChannel): void {
  output = channel;
}

export function log(level: 'info' | 'warn' | 'error', message: string): void {
  output?.[level](message);
}

export async function info(message: string, ...actions: string[]): Promise<string | undefined> {
  return vscode.window.showInformationMessage(message, ...actions);
}

export async function warn(message: string, ...actions: string[]): Promise<string | undefined> {
  return vscode.window.showWarningMessage(message, ...actions);
}

/** An error with "Open Output", where the details are. */
export async function error(message: string, ...actions: string[]): Promise<string | undefined> {
  log('error', message);
  const choice = await vscode.window.showErrorMessage(message, ...actions, 'Open Output');
  if (choice === 'Open Output') output?.show(true);
  return choice;
}

/** An error in the spec itself: offers the Problems view. */
export async function specProblems(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Show Problems');
  if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** Running checks loads models and data, which an untrusted workspace must not do: offer to trust it. */
export async function needsTrust(what: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    `${what} loads the model and data files, so it needs a trusted workspace. In Restricted Mode Plumb only validates specs.`,
    'Manage Workspace Trust',
  );
  if (choice === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
}
