/**
 * The runtime every result panel shares: the typed connection to the extension (ready handshake,
 * validation of every message, intents out), state saved with `setState` so a reloaded window shows
 * the last result at once, and the shell around a panel's content (header, run status, gates).
 */
import type { GateView, PanelMeta } from '../../../server/src/protocol/webview/common';
import type { ParseResult } from '../../../server/src/protocol/webview/schema';
import { h, replace } from './dom';
import { fmt, when } from './format';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Intents every panel sends (see `commonFromWebview`). */
export type CommonIntent =
  | { type: 'ready' }
  | { type: 'rerun' }
  | { type: 'exportReport' }
  | { type: 'revealGate'; section: 'evaluation' | 'fairness' | 'drift' | 'monitoring' | 'explain'; metric: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

type Common<S> = { type: 'state'; state: S } | { type: 'running'; running: boolean; message?: string } | { type: 'error'; message: string };

export interface PanelContext<S, U, I> {
  state: S;
  ui: U;
  /** Changes the UI state (saved with the result) without re-rendering; call `render()` when needed. */
  setUi(patch: Partial<U>): void;
  render(): void;
  post(intent: CommonIntent | I): void;
}

export interface PanelDefinition<S extends { meta: PanelMeta; gates: GateView[] }, M extends { type: string }, U, I> {
  /** "Evaluation", for the header. */
  title: string;
  /** The sections whose gates the panel lists. */
  sections: string[];
  parse(v: unknown): ParseResult<M>;
  /** Checks a state read back from `getState` (it went through a reload). */
  parseState(v: unknown): ParseResult<S>;
  initialUi(saved: unknown): U;
  /** The panel's content below the shell. */
  render(ctx: PanelContext<S, U, I>): Node[];
  /** Messages other than state/running/error; end the switch with an exhaustiveness check. */
  onMessage?(message: Exclude<M, Common<S>>, ctx: PanelContext<S, U, I> | undefined): void;
}

export function startPanel<S extends { meta: PanelMeta; gates: GateView[] }, M extends { type: string }, U, I = never>(def: PanelDefinition<S, M, U, I>): void {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root') ?? document.body;
  const saved = vscode.getState() as { state?: unknown; ui?: unknown } | undefined;
  let state: S | undefined;
  let ui = def.initialUi(saved?.ui);
  let running: { message?: string } | undefined;
  let error: string | undefined;

  const post = (intent: CommonIntent | I) => vscode.postMessage(intent);
  const log = (level: 'warn' | 'error', message: string) => {
    console[level](`plumb ${def.title} panel: ${message}`);
    post({ type: 'log', level, message: message.slice(0, 2000) });
  };
  const save = () => vscode.setState({ state, ui });

  if (saved?.state !== undefined) {
    const restored = def.parseState(saved.state);
    if (restored.ok) state = restored.value;
    else log('warn', `ignored the saved state: ${restored.error}`);
  }

  const ctx = (): PanelContext<S, U, I> | undefined =>
    state && {
      state,
      ui,
      setUi(patch) {
        ui = { ...ui, ...patch };
        save();
      },
      render,
      post,
    };

  function render(): void {
    const c = ctx();
    const status = h('div', { class: 'status' },
      running ? h('div', { class: 'banner running', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), running.message ?? 'Running…') : null,
      error ? h('div', { class: 'banner error', role: 'alert' }, error) : null,
    );
    if (!c) {
      replace(root, header(undefined), status, h('p', { class: 'empty' }, running ? '' : `No ${def.title.toLowerCase()} results yet. Run the checks from the spec (code lens or Plumb commands).`));
      return;
    }
    let content: Node[];
    try {
      content = def.render(c);
    } catch (e) {
      log('error', `render failed: ${(e as Error)?.stack ?? String(e)}`);
      content = [h('div', { class: 'banner error', role: 'alert' }, 'This result could not be shown; see the Plumb output channel.')];
    }
    replace(root, header(c.state), status, gatesOf(c.state), h('main', { class: running ? 'dim' : undefined }, ...content));
  }

  function header(s: S | undefined): HTMLElement {
    const meta = s?.meta;
    return h('header', { class: 'panel-header' },
      h('div', { class: 'titles' },
        h('h1', {}, meta ? `${def.title}: ${meta.specName}` : def.title),
        meta ? h('p', { class: 'meta' }, `${meta.specPath} · ran ${when(meta.ranAt)} · ${fmt(meta.seconds, 2)} s`) : null,
      ),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => post({ type: 'rerun' }), disabled: !!running, title: 'Run these checks again' }, 'Run again'),
        h('button', { type: 'button', class: 'secondary', onclick: () => post({ type: 'exportReport' }), disabled: !s, title: 'Plumb: Export Report' }, 'Export report'),
      ),
    );
  }

  function gatesOf(s: S): HTMLElement | null {
    const gates = s.gates.filter((g) => def.sections.includes(g.section));
    if (!gates.length) return null;
    const failed = gates.filter((g) => !g.passed).length;
    return h('section', { class: 'gates', 'aria-label': 'Gates' },
      h('h2', {}, failed ? `Gates: ${failed} of ${gates.length} failed` : `Gates: all ${gates.length} passed`),
      h('ul', { class: 'gate-list' },
        ...gates.map((g) =>
          h('li', { class: `gate ${g.passed ? 'pass' : 'fail'}` },
            h('span', { class: 'gate-icon', 'aria-hidden': 'true' }, g.passed ? '✓' : '✗'),
            h('span', { class: 'gate-text' }, `${g.metric} ${g.condition}`),
            h('span', { class: 'gate-value' }, `${g.passed ? 'passed' : 'failed'} · ${g.value === null ? 'undefined' : fmt(g.value)}`),
            g.note ? h('span', { class: 'gate-note' }, g.note) : null,
            h('button', { type: 'button', class: 'link', onclick: () => post({ type: 'revealGate', section: g.section as never, metric: g.metric }), 'aria-label': `Show the ${g.metric} gate in the spec` }, 'Show in spec'),
          ),
        ),
      ),
    );
  }

  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = def.parse(event.data);
    if (!parsed.ok) {
      log('warn', `dropped a message that does not match the protocol: ${parsed.error}`);
      return;
    }
    const m = parsed.value as M | Common<S>;
    if (m.type === 'state') {
      state = (m as Common<S> & { type: 'state' }).state;
      error = undefined;
      save();
    } else if (m.type === 'running') {
      const r = m as Common<S> & { type: 'running' };
      running = r.running ? { message: r.message } : undefined;
      if (r.running) error = undefined;
    } else if (m.type === 'error') {
      error = (m as Common<S> & { type: 'error' }).message;
      running = undefined;
    } else {
      def.onMessage?.(m as Exclude<M, Common<S>>, ctx());
      return;
    }
    render();
  });

  render();
  post({ type: 'ready' });
}
