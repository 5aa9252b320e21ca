/**
 * The Evaluation panel (webview entry, bundled to dist/webview/evaluationPanel.js): metric cards with
 * gates and intervals, the confusion matrix, ROC, precision-recall and calibration curves, and a
 * decision-threshold slider that recomputes the threshold-dependent metrics from the run's sweep.
 */
import { evaluationState, parseEvaluationToWebview, type EvaluationState, type EvaluationToWebview, type SweepPointView } from '../../server/src/protocol/webview/evaluation';
import { parse, assertNever } from '../../server/src/protocol/webview/schema';
import { h, replace } from './lib/dom';
import { count, fmt } from './lib/format';
import { startPanel, type PanelContext } from './lib/panel';
import { metricCards } from './evaluation/cards';
import { confusionChart, curveCharts } from './evaluation/charts';
import { notesList, residualTable, sliceTables } from './evaluation/tables';
import { nearestPoint } from './evaluation/threshold';

interface Ui {
  /** Index into threshold_sweep.points; undefined = the spec's threshold. */
  sweepIndex?: number;
}

type Ctx = PanelContext<EvaluationState, Ui, never>;

function render(ctx: Ctx): Node[] {
  const { evaluation: ev, gates } = ctx.state;
  const points = ev.threshold_sweep?.points ?? [];
  const specIndex = ev.threshold !== undefined ? nearestPoint(points, ev.threshold) : -1;
  let index = ctx.ui.sweepIndex !== undefined && ctx.ui.sweepIndex < points.length ? ctx.ui.sweepIndex : specIndex;
  const cardsBox = h('div', { class: 'cards-box' });
  const chartsBox = h('div', { class: 'figures' });
  const thresholdText = h('output', { id: 'threshold-value', for: 'threshold' });
  const reset = h('button', { type: 'button', class: 'secondary', onclick: () => setIndex(specIndex, true) }, `Reset to ${fmt(ev.threshold ?? null, 2)}`);

  const moved = (): SweepPointView | undefined => (index >= 0 && index !== specIndex ? points[index] : undefined);
  const update = () => {
    const m = moved();
    const at = index >= 0 ? points[index] : undefined;
    thresholdText.textContent = at ? fmt(at.threshold, 2) : fmt(ev.threshold ?? null, 2);
    reset.toggleAttribute('disabled', !m);
    replace(cardsBox, metricCards({ ev, gates, moved: m }));
    replace(chartsBox, confusionChart(ev, m), ...curveCharts(ev, at));
  };
  function setIndex(i: number, focusSlider = false) {
    index = i;
    ctx.setUi({ sweepIndex: i === specIndex ? undefined : i });
    slider.value = String(i);
    slider.setAttribute('aria-valuetext', points[i] ? fmt(points[i].threshold, 2) : '');
    update();
    if (focusSlider) slider.focus();
  }
  const slider = h('input', {
    type: 'range', id: 'threshold', min: 0, max: Math.max(0, points.length - 1), step: 1, value: Math.max(0, index),
    'aria-valuetext': points[index] ? fmt(points[index].threshold, 2) : '',
    oninput: (e: Event) => setIndex(Number((e.target as HTMLInputElement).value)),
  });

  const summary = h('p', { class: 'meta' }, `${count(ev.rows)} rows · ${ev.task}${ev.labels.length && ev.task !== 'regression' ? ` · labels ${ev.labels.join(', ')}` : ''}`);
  const thresholdPanel = points.length
    ? h('section', { class: 'threshold', 'aria-label': 'Decision threshold' },
        h('label', { for: 'threshold' }, 'Decision threshold ', thresholdText),
        slider,
        reset,
        h('p', { class: 'hint' }, `Metrics marked ◆ are recomputed at the slider's threshold from the run's ${points.length}-point sweep; the spec uses ${fmt(ev.threshold ?? null, 2)} and is not changed.`),
      )
    : null;
  update();
  return [summary, thresholdPanel ?? '', cardsBox, chartsBox, ...sliceTables(ev), residualTable(ev) ?? '', notesList(ev.notes) ?? ''].filter((n): n is HTMLElement => typeof n !== 'string');
}

startPanel<EvaluationState, EvaluationToWebview, Ui>({
  title: 'Evaluation',
  sections: ['evaluation'],
  parse: parseEvaluationToWebview,
  parseState: (v) => parse(evaluationState, v),
  initialUi: (saved) => {
    const i = (saved as Ui | undefined)?.sweepIndex;
    return { sweepIndex: typeof i === 'number' && Number.isInteger(i) && i >= 0 ? i : undefined };
  },
  render,
  onMessage: (m) => assertNever(m, 'message'),
});
