/**
 * Metric cards of the Evaluation panel: the value, its bootstrap interval, the gate on it and, when
 * the threshold slider has moved, the value at the chosen threshold with what the gate would say.
 */
import type { GateView } from '../../../server/src/protocol/webview/common';
import type { EvaluationView, SweepPointView } from '../../../server/src/protocol/webview/evaluation';
import { gatePasses, parseGate } from '../../../server/src/engine/spec/gates';
import { h } from '../lib/dom';
import { delta, fmt, label } from '../lib/format';
import { isThresholdMetric, metricsFromCounts } from './threshold';

export interface CardsInput {
  ev: EvaluationView;
  gates: GateView[];
  /** The sweep point the slider is on, when it is not the spec's threshold. */
  moved?: SweepPointView;
}

export function metricCards({ ev, gates, moved }: CardsInput): HTMLElement {
  const atMoved = moved ? metricsFromCounts(moved) : undefined;
  const cards = Object.entries(ev.metrics).map(([name, value]) => {
    const gate = gates.find((g) => g.section === 'evaluation' && g.metric === name);
    const ci = ev.intervals[name];
    const live = atMoved && isThresholdMetric(name) ? atMoved[name] : undefined;
    const shown = live !== undefined ? live : value;
    const parsed = gate ? parseGate(gate.condition) : undefined;
    const wouldPass = live !== undefined && parsed?.ok ? gatePasses(parsed.condition, live) : undefined;
    const status = wouldPass !== undefined ? (wouldPass ? 'pass' : 'fail') : gate ? (gate.passed ? 'pass' : 'fail') : '';
    return h('article', { class: `card ${status} ${live !== undefined ? 'live' : ''}`.trim(), 'data-metric': name, tabindex: 0, 'aria-label': cardLabel(name, shown, live !== undefined ? moved!.threshold : undefined, gate, wouldPass) },
      h('h3', {}, label(name), live !== undefined ? h('span', { class: 'live-mark', title: 'Recomputed at the slider threshold' }, ' ◆') : null),
      h('p', { class: 'value' }, fmt(shown)),
      live !== undefined
        ? h('p', { class: 'sub' }, `${delta((live ?? NaN) - (value ?? NaN))} vs ${fmt(value)} at the spec's threshold`)
        : ci
          ? h('p', { class: 'sub' }, `CI ${fmt(ci.low)} – ${fmt(ci.high)}`)
          : h('p', { class: 'sub muted' }, value === null ? 'undefined for this data (see notes)' : 'no interval'),
      gate
        ? h('p', { class: `badge ${status}` },
            wouldPass !== undefined ? `${gate.condition}: would ${wouldPass ? 'pass' : 'fail'} at ${fmt(moved!.threshold, 2)}` : `${gate.condition}: ${gate.passed ? 'passed' : 'failed'}`)
        : null,
    );
  });
  return h('section', { class: 'cards', 'aria-label': 'Metrics' }, ...cards);
}

function cardLabel(name: string, v: number | null, threshold: number | undefined, gate: GateView | undefined, wouldPass: boolean | undefined): string {
  let s = `${label(name)} ${fmt(v)}`;
  if (threshold !== undefined) s += ` at threshold ${fmt(threshold, 2)}`;
  if (gate) s += wouldPass !== undefined ? `, gate ${gate.condition} would ${wouldPass ? 'pass' : 'fail'}` : `, gate ${gate.condition} ${gate.passed ? 'passed' : 'failed'}`;
  return s;
}
