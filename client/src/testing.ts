/**
 * Gates as tests: a TestController with one item per spec, per gated section and per gate (found in
 * the server's outline). Running an item runs its section's checks (a spec: all of them); a failed
 * gate is a TestMessage with the condition as expected and the measured value as actual, at the gate's
 * line. Runs started elsewhere (commands, code lenses) are reported too.
 */
import * as vscode from 'vscode';
import type { Section } from '../../server/src/protocol/requests';
import type { GateView } from '../../server/src/protocol/webview/common';
import { config } from './config';
import type { Ctx } from './ctx';
import { runChecks } from './run';
import { SPEC_GLOB, isSpec } from './specs';
import { gateLocations } from './symbols';

const RUNNABLE: Section[] = ['evaluation', 'fairness', 'drift', 'monitoring'];

export class GateTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('plumb', 'Plumb gates');
  /** Specs the run profile is running now (their results are reported by the profile). */
  private readonly inProfile = new Set<string>();
  private readonly reportedEmitter = new vscode.EventEmitter<{ id: string; state: 'passed' | 'failed' | 'errored' | 'skipped'; message?: string }>();
  /** Every outcome the controller reports (for the in-editor tests, which cannot read the Test Explorer). */
  readonly onDidReport = this.reportedEmitter.event;
  readonly profile: vscode.TestRunProfile;
  private readonly subs: vscode.Disposable[] = [this.controller, this.reportedEmitter];

  constructor(private readonly ctx: Ctx) {
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discover();
      else if (item.uri) await this.refresh(item.uri);
    };
    this.controller.refreshHandler = () => this.discover();
    this.profile = this.controller.createRunProfile('Run gates', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher(SPEC_GLOB);
    this.subs.push(
      watcher,
      watcher.onDidCreate((uri) => this.specItem(uri)),
      watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())),
      vscode.workspace.onDidSaveTextDocument((d) => isSpec(d.uri) && this.controller.items.get(d.uri.toString()) && void this.refresh(d.uri)),
    );
  }

  async discover(): Promise<void> {
    if (!config.discoverGates()) return;
    const found = await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**', 500);
    for (const uri of found) this.specItem(uri);
  }

  private specItem(uri: vscode.Uri): vscode.TestItem {
    let item = this.controller.items.get(uri.toString());
    if (!item) {
      item = this.controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
      item.canResolveChildren = true;
      this.controller.items.add(item);
    }
    return item;
  }

  /** Rebuilds a spec's section and gate items from its outline. */
  async refresh(uri: vscode.Uri): Promise<vscode.TestItem> {
    const spec = this.specItem(uri);
    const gates = await gateLocations(uri);
    const sections = new Map<string, vscode.TestItem>();
    for (const g of gates) {
      let section = sections.get(g.section);
      if (!section) {
        section = this.controller.createTestItem(`${uri}#${g.section}`, g.section, uri);
        sections.set(g.section, section);
      }
      const item = this.controller.createTestItem(`${uri}#${g.section}/${g.metric}`, g.metric, uri);
      item.range = g.range;
      section.children.add(item);
    }
    spec.children.replace([...sections.values()]);
    spec.canResolveChildren = false;
    return spec;
  }

  private gateItem(uri: vscode.Uri, g: GateView): vscode.TestItem | undefined {
    return this.controller.items.get(uri.toString())?.children.get(`${uri}#${g.section}`)?.children.get(`${uri}#${g.section}/${g.metric}`);
  }

  private report(run: vscode.TestRun, uri: vscode.Uri, gates: GateView[]): void {
    for (const g of gates) {
      const item = this.gateItem(uri, g);
      if (!item) continue;
      if (g.passed) {
        run.passed(item);
        this.reportedEmitter.fire({ id: item.id, state: 'passed' });
        continue;
      }
      const actual = g.value === null ? 'undefined' : String(g.value);
      const message = vscode.TestMessage.diff(`${g.metric} = ${actual} does not meet the gate ${g.condition}${g.note ? ` (${g.note})` : ''}`, g.condition, actual);
      if (item.range) message.location = new vscode.Location(uri, item.range);
      run.failed(item, message);
      this.reportedEmitter.fire({ id: item.id, state: 'failed', message: message.message.toString() });
    }
  }

  /** Reports a run that did not come from the Test Explorer (commands, code lenses, panels). */
  reportExternal(uri: vscode.Uri, gates: GateView[]): void {
    if (this.inProfile.has(uri.toString()) || !this.controller.items.get(uri.toString())) return;
    void this.refresh(uri).then(() => {
      const run = this.controller.createTestRun(new vscode.TestRunRequest(), `Plumb: ${vscode.workspace.asRelativePath(uri)}`, false);
      this.report(run, uri, gates);
      run.end();
    });
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    const wanted = new Map<string, { uri: vscode.Uri; sections: Set<Section> | 'all'; items: vscode.TestItem[] }>();
    const roots = request.include ?? [...this.collect(this.controller.items)];
    for (const item of roots) {
      if (!item.uri || request.exclude?.includes(item)) continue;
      const key = item.uri.toString();
      const spec = wanted.get(key) ?? { uri: item.uri, sections: new Set<Section>(), items: [] };
      const section = item.id.includes('#') ? (item.id.split('#')[1].split('/')[0] as Section) : undefined;
      if (!section) spec.sections = 'all';
      else if (spec.sections !== 'all' && RUNNABLE.includes(section)) spec.sections.add(section);
      spec.items.push(item);
      wanted.set(key, spec);
    }
    for (const spec of wanted.values()) {
      if (token.isCancellationRequested) break;
      await this.refresh(spec.uri);
      const leaves = spec.items.flatMap((i) => this.leaves(i)).filter((i) => !request.exclude?.includes(i));
      leaves.forEach((i) => run.started(i));
      this.inProfile.add(spec.uri.toString());
      try {
        const sections = spec.sections === 'all' ? undefined : [...spec.sections];
        const outcome = await runChecks(this.ctx, spec.uri, sections, { title: 'Plumb: running gates', token, progress: false });
        if (outcome.ok) {
          const ran = new Set(outcome.value.gates.map((g) => `${g.section}/${g.metric}`));
          this.report(run, spec.uri, outcome.value.gates.filter((g) => leaves.some((l) => l.id.endsWith(`#${g.section}/${g.metric}`))));
          for (const l of leaves) if (!ran.has(l.id.split('#')[1])) this.errored(run, l, 'This gate was not evaluated: its section did not run (check the spec for errors).');
        } else if (outcome.reason === 'cancelled') {
          leaves.forEach((l) => {
            run.skipped(l);
            this.reportedEmitter.fire({ id: l.id, state: 'skipped' });
          });
        } else {
          leaves.forEach((l) => this.errored(run, l, outcome.message));
        }
      } finally {
        this.inProfile.delete(spec.uri.toString());
      }
    }
    run.end();
  }

  private errored(run: vscode.TestRun, item: vscode.TestItem, message: string): void {
    run.errored(item, new vscode.TestMessage(message));
    this.reportedEmitter.fire({ id: item.id, state: 'errored', message });
  }

  private *collect(items: vscode.TestItemCollection): Generator<vscode.TestItem> {
    for (const [, item] of items) yield item;
  }

  private leaves(item: vscode.TestItem): vscode.TestItem[] {
    if (item.children.size === 0) return item.id.split('#')[1]?.includes('/') ? [item] : [];
    return [...this.collect(item.children)].flatMap((c) => this.leaves(c));
  }

  dispose(): void {
    this.subs.forEach((s) => s.dispose());
  }
}
