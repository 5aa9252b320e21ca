/**
 * Plain-language summaries of explanation results, for the report and hover texts:
 * which features matter (permutation importance), which way they push (partial dependence), and
 * why one row got its prediction (SHAP). Numbers are shown with two significant digits.
 */
import type { PartialDependenceResult, PermutationImportanceResult, RowExplanation } from './types';

export interface ImportanceSummaryOptions {
  /** How to name the metric, e.g. "ROC AUC". Default: the result's metric name. */
  metricLabel?: string;
  /** Features named after the top one (default 3). */
  maxListed?: number;
  /** Names shown in the "no measurable effect" list before "and N more" (default 8). */
  maxNamed?: number;
}

/**
 * "Income matters most: shuffling it lowers ROC AUC by 0.12. Then debt (0.05) and age (0.01).
 * 3 features have no measurable effect: x, y, z." A feature has no measurable effect when its mean
 * drop is not above zero by more than two standard deviations of its repeats.
 */
export function summarizeImportance(result: PermutationImportanceResult, opts: ImportanceSummaryOptions = {}): string {
  const metric = opts.metricLabel ?? result.metric;
  const maxListed = opts.maxListed ?? 3;
  const maxNamed = opts.maxNamed ?? 8;
  const entries = Object.entries(result.importance).map(([name, imp]) => ({ name, mean: imp.mean, std: imp.std }));
  const measurable = entries.filter((e) => isMeasurable(e.mean, e.std)).sort((a, b) => b.mean - a.mean);
  const none = entries.filter((e) => !isMeasurable(e.mean, e.std)).map((e) => e.name);
  const verb = result.higher_is_better ? 'lowers' : 'raises';
  const out: string[] = [];
  if (measurable.length === 0) {
    out.push(`No feature has a measurable effect on ${metric}: shuffling any one of them changes it by no more than its own run-to-run noise.`);
    return out.join(' ');
  }
  const [top, ...rest] = measurable;
  out.push(`${capitalize(top.name)} matters most: shuffling it ${verb} ${metric} by ${formatNumber(top.mean)}.`);
  const listed = rest.slice(0, maxListed);
  if (listed.length) out.push(`Then ${joinAnd(listed.map((e) => `${e.name} (${formatNumber(e.mean)})`))}.`);
  const more = rest.length - listed.length;
  if (more > 0) out.push(`${more} more ${plural(more, 'feature matters', 'features matter')} less.`);
  if (none.length) {
    const named = none.slice(0, maxNamed);
    const tail = none.length > named.length ? `, and ${none.length - named.length} more` : '';
    const list = none.length > named.length ? named.join(', ') + tail : joinAnd(named);
    out.push(`${none.length} ${plural(none.length, 'feature has', 'features have')} no measurable effect: ${list}.`);
  }
  return out.join(' ');
}

function isMeasurable(mean: number, std: number): boolean {
  return mean > 0 && mean > 2 * std;
}

export type Direction = 'increasing' | 'decreasing' | 'flat' | 'mixed' | 'categorical';

/**
 * The shape of a partial dependence curve: flat when it moves less than `minChange`, increasing or
 * decreasing when no step goes the other way by more than 1% of its range, else mixed.
 */
export function directionOf(pdp: PartialDependenceResult, minChange = 1e-9): Direction {
  const a = pdp.average;
  const lo = Math.min(...a);
  const hi = Math.max(...a);
  if (a.length < 2 || hi - lo <= minChange) return 'flat';
  if (pdp.categories) return 'categorical';
  const tol = 0.01 * (hi - lo);
  let up = true;
  let down = true;
  for (let i = 1; i < a.length; i++) {
    const d = a[i] - a[i - 1];
    if (d < -tol) up = false;
    if (d > tol) down = false;
  }
  if (up && !down) return 'increasing';
  if (down && !up) return 'decreasing';
  return 'mixed';
}

export interface DirectionSummaryOptions {
  /** What the model predicts, e.g. "the predicted risk". Default "the prediction". */
  outcomeLabel?: string;
  minChange?: number;
}

/** One sentence per feature: "Higher income lowers the predicted risk (from 0.31 to 0.12 across its range)." */
export function summarizeDirection(pdps: PartialDependenceResult[], opts: DirectionSummaryOptions = {}): string {
  const outcome = opts.outcomeLabel ?? 'the prediction';
  return pdps.map((p) => directionSentence(p, outcome, opts.minChange)).join(' ');
}

function directionSentence(p: PartialDependenceResult, outcome: string, minChange?: number): string {
  const dir = directionOf(p, minChange);
  const a = p.average;
  const first = formatNumber(a[0]);
  const last = formatNumber(a[a.length - 1]);
  const hiAt = a.indexOf(Math.max(...a));
  const loAt = a.indexOf(Math.min(...a));
  const label = (i: number): string => (p.categories ? p.categories[i] : formatNumber(p.grid[i]));
  switch (dir) {
    case 'flat':
      return `${capitalize(p.feature)} does not change ${outcome}.`;
    case 'increasing':
      return `Higher ${p.feature} raises ${outcome} (from ${first} to ${last} across its range).`;
    case 'decreasing':
      return `Higher ${p.feature} lowers ${outcome} (from ${first} to ${last} across its range).`;
    case 'categorical':
      return `For ${p.feature}, ${outcome} is highest for ${label(hiAt)} (${formatNumber(a[hiAt])}) and lowest for ${label(loAt)} (${formatNumber(a[loAt])}).`;
    case 'mixed':
      return `${capitalize(p.feature)} moves ${outcome} both ways: highest at ${label(hiAt)} (${formatNumber(a[hiAt])}), lowest at ${label(loAt)} (${formatNumber(a[loAt])}).`;
    default: {
      const never: never = dir;
      return never;
    }
  }
}

export interface RowSummaryOptions {
  outcomeLabel?: string;
  /** Features named on each side (default 3). */
  maxListed?: number;
}

/** "The prediction is 0.73, 0.21 above the background average of 0.52. Pushing it up: income (+0.12), debt (+0.05). Pulling it down: age (-0.03)." */
export function summarizeRow(expl: RowExplanation, opts: RowSummaryOptions = {}): string {
  const outcome = opts.outcomeLabel ?? 'the prediction';
  const maxListed = opts.maxListed ?? 3;
  const diff = expl.prediction - expl.base_value;
  const out: string[] = [];
  const where = diff === 0 ? 'equal to' : `${formatNumber(Math.abs(diff))} ${diff > 0 ? 'above' : 'below'}`;
  out.push(`${capitalize(outcome)} is ${formatNumber(expl.prediction)}, ${where} the background average of ${formatNumber(expl.base_value)}.`);
  const entries = Object.entries(expl.contributions);
  const side = (items: [string, number][], title: string): void => {
    if (!items.length) return;
    const shown = items.slice(0, maxListed).map(([n, v]) => `${n} (${v > 0 ? '+' : '-'}${formatNumber(Math.abs(v))})`);
    const more = items.length - shown.length;
    out.push(`${title}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`);
  };
  side(entries.filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]), 'Pushing it up');
  side(entries.filter(([, v]) => v < 0).sort((a, b) => a[1] - b[1]), 'Pulling it down');
  return out.join(' ');
}

/** Two significant digits, no exponent: 0.1234 -> "0.12", 0.0051 -> "0.0051", 1234 -> "1,200". */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const mag = Math.floor(Math.log10(Math.abs(v)));
  const decimals = Math.max(0, 1 - mag);
  if (decimals === 0) {
    const scale = 10 ** (mag - 1);
    return (Math.round(v / scale) * scale).toLocaleString('en-US', { maximumFractionDigits: 0 });
  }
  return Number(v.toFixed(Math.min(decimals, 20))).toLocaleString('en-US', { maximumFractionDigits: Math.min(decimals, 20), useGrouping: true });
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Capitalises a plain word at the start of a sentence; identifiers such as `repay_status_1` stay as written. */
function capitalize(s: string): string {
  return /^[a-z]+$|\s/.test(s) ? s[0].toUpperCase() + s.slice(1) : s;
}
