/**
 * The Compare panel's pieces that need no DOM: the delta bars (challenger − champion with the paired
 * bootstrap interval) and which compare gate belongs to which metric or disparity.
 */
import type { GateView } from '../../../server/src/protocol/webview/common';
import type { CompareView } from '../../../server/src/protocol/webview/compare';
import type { Bar } from '../charts/bar';
import { label } from '../lib/format';

/** The compare gate on `<name>_delta`, if the spec has one. */
export function gateOf(gates: GateView[], name: string): GateView | undefined {
  return gates.find((g) => g.section === 'compare' && g.metric === `${name}_delta`);
}

/** One bar per metric: its delta, its interval when the bootstrap ran, red when its gate failed. */
export function deltaBars(c: CompareView, gates: GateView[]): Bar[] {
  return Object.entries(c.metrics).map(([name, m]) => {
    const gate = gateOf(gates, name);
    const excludesZero = m.interval !== null && (m.interval.low > 0 || m.interval.high < 0);
    return {
      label: label(name), // as the metrics table names it
      value: m.delta,
      ...(m.interval ? { low: m.interval.low, high: m.interval.high } : {}),
      className: gate && !gate.passed ? 'fail' : undefined,
      note: m.interval ? (excludesZero ? 'interval excludes 0' : 'interval includes 0') : undefined,
      key: name,
    };
  });
}

/** Disparities to show: the gated ones first, then Fairlearn's named ones; with `all`, every other one after them. */
export function disparityNames(c: CompareView, gates: GateView[], all = true): string[] {
  const names = Object.keys(c.fairness?.metrics ?? {});
  const gated = gates.filter((g) => g.section === 'compare').map((g) => g.metric.replace(/_delta$/, '')).filter((n) => names.includes(n));
  const named = ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio', 'equal_opportunity_difference', 'equal_opportunity_ratio'];
  const first = [...new Set([...gated, ...named.filter((n) => names.includes(n))])];
  return all ? [...new Set([...first, ...names])] : first;
}
