/**
 * What every result panel shares: the header (which spec, when, how long), the gates, and the
 * messages every panel understands. The host sends full state after the webview says `ready`; the
 * webview sends intents only, never paths (the host knows which spec a panel shows).
 */
import { arr, bool, intIn, lit, nullable, num, obj, opt, shortStr, str, type Infer, type Props } from './schema';

/** The panels, by webview view type. */
export const VIEW_TYPES = {
  evaluation: 'plumb.evaluation',
  fairness: 'plumb.fairness',
  drift: 'plumb.drift',
  explain: 'plumb.explain',
} as const;
export type PanelKind = keyof typeof VIEW_TYPES;

export const panelMeta = obj({
  /** The spec's `name`. */
  specName: str,
  /** The spec's path for display (relative to its workspace folder). */
  specPath: str,
  /** When the run finished, ISO 8601. */
  ranAt: str,
  seconds: num,
  /** Every gate of the run passed. */
  passed: bool,
});
export type PanelMeta = Infer<typeof panelMeta>;

export const gateView = obj({
  section: str,
  metric: str,
  condition: str,
  value: nullable(num),
  passed: bool,
  note: opt(str),
});
export type GateView = Infer<typeof gateView>;
export const gateList = arr(gateView, 10_000);

/** Host -> webview messages every panel takes, besides its own `state`. */
export const commonToWebview = {
  /** A run for this panel's spec started or ended (the panel dims and shows `message`). */
  running: { running: bool, message: opt(str) },
  /** The last run failed or was refused; the panel keeps its previous state and shows this. */
  error: { message: str },
} satisfies Record<string, Props>;

/** Webview -> host intents every panel sends. */
export const commonFromWebview = {
  /** The webview has loaded and listens: send the full state. */
  ready: {},
  /** Run this panel's section again. */
  rerun: {},
  /** Open the spec at a gate's line. */
  revealGate: { section: lit('evaluation', 'fairness', 'drift', 'monitoring', 'explain'), metric: shortStr(200) },
  /** Export the last result (Plumb: Export Report). */
  exportReport: {},
  /** A problem inside the webview, for the Plumb output channel. */
  log: { level: lit('info', 'warn', 'error'), message: shortStr(2000) },
} satisfies Record<string, Props>;

/** The row picker's bound: 0-based data row indices. */
export const rowIndex = intIn(0, 2 ** 31 - 1);
