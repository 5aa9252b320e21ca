/**
 * Messages of the Fairness panel. The state carries the fairness section of a run
 * (`FairnessResult`): per-group metrics, disparities, intervals, the four-fifths rule and warnings.
 */
import type { FairnessResult } from '../../engine/fairness/types';
import { commonFromWebview, commonToWebview, gateList, panelMeta } from './common';
import { arr, bool, int, lit, nullable, num, obj, parse, record, str, tagged, type Assignable, type Infer, type ParseResult } from './schema';

const fairnessGroup = obj({ group: record(str), label: str, count: int, share: num, small: bool });
const fourFifths = obj({
  passed: bool,
  ratio: num,
  threshold: num,
  failing_groups: arr(obj({ label: str, selection_rate: num, impact_ratio: num })),
});

export const fairnessResult = obj({
  sensitive: arr(str),
  task: lit('binary-classification', 'multiclass-classification', 'regression', 'data'),
  relative_to: lit('groups', 'overall'),
  min_group_size: num,
  rows: int,
  group_metrics: arr(str),
  groups: arr(fairnessGroup, 100_000),
  overall: record(nullable(num)),
  metrics: record(nullable(num)),
  intervals: record(obj({ low: num, high: num })),
  four_fifths: nullable(fourFifths),
  warnings: arr(str),
  notes: arr(str),
});
export type FairnessView = Infer<typeof fairnessResult>;
export type FairnessGroupView = Infer<typeof fairnessGroup>;

export type EngineFits = [Assignable<FairnessResult, FairnessView>];

export const fairnessState = obj({ meta: panelMeta, gates: gateList, fairness: fairnessResult });
export type FairnessState = Infer<typeof fairnessState>;

export const fairnessToWebview = tagged({ state: { state: fairnessState }, ...commonToWebview });
export type FairnessToWebview = Infer<typeof fairnessToWebview>;

export const fairnessFromWebview = tagged({ ...commonFromWebview });
export type FairnessFromWebview = Infer<typeof fairnessFromWebview>;

export const parseFairnessToWebview = (v: unknown): ParseResult<FairnessToWebview> => parse(fairnessToWebview, v);
export const parseFairnessFromWebview = (v: unknown): ParseResult<FairnessFromWebview> => parse(fairnessFromWebview, v);

/** A group's value of a per-group metric: a number, or null when undefined or not a number. */
export function groupValue(group: FairnessGroupView, metric: string): number | null {
  const v = (group as Record<string, unknown>)[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
