/**
 * The last results per spec, as the client received them: runs (`plumb/runChecks`, merged by section
 * so Evaluate then Check Fairness keeps both), gates (`plumb/gatesChanged`, the server's merged view)
 * and which specs are running. The status bar, the Test Explorer, the panels and Export Report read it.
 */
import * as vscode from 'vscode';
import type { GateView } from '../../server/src/protocol/webview/common';
import { mergeRuns, type RunResult } from './mergeRuns';

export type { RunResult } from './mergeRuns';

export interface StoredRun {
  run: RunResult;
  ranAt: Date;
}

const GATES_KEY = 'plumb.lastGates';

export class ResultStore implements vscode.Disposable {
  private runs = new Map<string, StoredRun>();
  private gates: Map<string, GateView[]>;
  private running = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** A spec's run, gates or running state changed. */
  readonly onDidChange = this.changed.event;

  /** `memento` keeps the last gates per spec across window reloads (the status bar shows them). */
  constructor(private readonly memento?: vscode.Memento) {
    this.gates = new Map(Object.entries(memento?.get<Record<string, GateView[]>>(GATES_KEY, {}) ?? {}));
  }

  setRun(uri: vscode.Uri, run: RunResult): StoredRun {
    const stored = { run: mergeRuns(this.runs.get(uri.toString())?.run, run), ranAt: new Date() };
    this.runs.set(uri.toString(), stored);
    this.changed.fire(uri);
    return stored;
  }

  run(uri: vscode.Uri): StoredRun | undefined {
    return this.runs.get(uri.toString());
  }

  setGates(uri: vscode.Uri, gates: GateView[]): void {
    this.gates.set(uri.toString(), gates);
    void this.memento?.update(GATES_KEY, Object.fromEntries(this.gates));
    this.changed.fire(uri);
  }

  /** The server's gates for the spec (all sections run so far), else the last run's. */
  gatesOf(uri: vscode.Uri): GateView[] | undefined {
    return this.gates.get(uri.toString()) ?? this.runs.get(uri.toString())?.run.gates;
  }

  started(uri: vscode.Uri): void {
    this.running.set(uri.toString(), (this.running.get(uri.toString()) ?? 0) + 1);
    this.changed.fire(uri);
  }

  finished(uri: vscode.Uri): void {
    const n = (this.running.get(uri.toString()) ?? 1) - 1;
    if (n > 0) this.running.set(uri.toString(), n);
    else this.running.delete(uri.toString());
    this.changed.fire(uri);
  }

  isRunning(uri: vscode.Uri): boolean {
    return this.running.has(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
