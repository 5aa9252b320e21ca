/**
 * Messages of the Compare panel (champion vs challenger). The state carries the CompareResult as
 * `plumb/compareModels` (and `plumb compare --format json`) returns it; the panel draws it unchanged.
 * The webview never names a file: "Compare again" reruns the host's own spec and challenger.
 */
import type { CompareResult, FairnessComparison, McNemarResult, PairedMetric } from '../../engine/compare';
import { commonToWebview, gateList, panelMeta } from './common';
import { arr, bool, int, lit, nullable, num, obj, opt, parse, record, shortStr, str, tagged, type Assignable, type Infer, type ParseResult } from './schema';

/** The Compare panel's webview view type (activation event `onWebviewPanel:plumb.compare`). */
export const COMPARE_VIEW_TYPE = 'plumb.compare';

const interval = obj({ low: num, high: num });
export const pairedMetric = obj({ champion: nullable(num), challenger: nullable(num), delta: nullable(num), interval: nullable(interval) });
const delta = obj({ champion: nullable(num), challenger: nullable(num), delta: nullable(num) });
const modelRef = obj({ model: str, spec: str, threshold: opt(num) });
export const mcnemar = obj({ b: int, c: int, discordant: int, method: lit('exact', 'chi-square'), statistic: num, p_value: num });
export const fairnessComparison = obj({
  sensitive: arr(str),
  metrics: record(pairedMetric),
  group_metrics: arr(str),
  groups: arr(obj({ label: str, group: record(str), count: int, small: bool, metrics: record(delta) }), 10_000),
  warnings: arr(str),
});

export const compareResult = obj({
  spec: str,
  name: str,
  champion: modelRef,
  challenger: modelRef,
  data: str,
  rows: int,
  task: str,
  metrics: record(pairedMetric),
  bootstrap: nullable(obj({ resamples: int, seed: int, level: num, method: str })),
  mcnemar: nullable(mcnemar),
  disagreement_rate: nullable(num),
  disagreements: nullable(int),
  fairness: nullable(fairnessComparison),
  gates: gateList,
  passed: bool,
  verdict: str,
  notes: arr(str),
  seconds: num,
});
export type CompareView = Infer<typeof compareResult>;
export type PairedMetricView = Infer<typeof pairedMetric>;

// The engine's shapes fit the panel's (a compile error here means the panel must follow a change).
export type EngineFits = [
  Assignable<PairedMetric, PairedMetricView>,
  Assignable<McNemarResult, Infer<typeof mcnemar>>,
  Assignable<FairnessComparison, Infer<typeof fairnessComparison>>,
  Assignable<CompareResult, CompareView>,
];

export const compareState = obj({
  meta: panelMeta,
  /** The compare gates (section `compare`), as in the result. */
  gates: gateList,
  compare: compareResult,
  /** The challenger as the user chose it, for display (relative to the workspace folder). */
  challengerPath: str,
});
export type CompareState = Infer<typeof compareState>;

export const compareToWebview = tagged({ state: { state: compareState }, ...commonToWebview });
export type CompareToWebview = Infer<typeof compareToWebview>;

export const compareFromWebview = tagged({
  /** The webview has loaded and listens: send the full state. */
  ready: {},
  /** Compare the same two models again. */
  rerun: {},
  /** The header's export button: the host says how to export a comparison. */
  exportReport: {},
  /** Open the spec at a compare gate's line. */
  revealGate: { section: lit('compare'), metric: shortStr(200) },
  log: { level: lit('info', 'warn', 'error'), message: shortStr(2000) },
});
export type CompareFromWebview = Infer<typeof compareFromWebview>;

export const parseCompareToWebview = (v: unknown): ParseResult<CompareToWebview> => parse(compareToWebview, v);
export const parseCompareFromWebview = (v: unknown): ParseResult<CompareFromWebview> => parse(compareFromWebview, v);

/** The panel's state from a CompareResult, checked against the schema (a mismatch names its path). */
export function compareStateOf(result: unknown, o: { specPath: string; challengerPath: string; ranAt: Date }): ParseResult<CompareState> {
  const r = result as Partial<CompareView> | null;
  const meta = { specName: typeof r?.name === 'string' ? r.name : '', specPath: o.specPath, ranAt: o.ranAt.toISOString(), seconds: r?.seconds ?? 0, passed: r?.passed ?? false };
  return parse(compareState, { meta, gates: r?.gates ?? [], compare: result, challengerPath: o.challengerPath });
}
