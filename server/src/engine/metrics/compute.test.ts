// computeMetric(s): the catalog, errors, notes, and properties checked against brute-force
// definitions (ROC AUC as the share of correctly ordered positive/negative pairs, ties half).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { METRIC_CATALOG, metricNamesFor } from './catalog';
import { computableMetrics, computeMetric, computeMetrics } from './compute';
import { PlumbError } from '../errors';
import { loadCases } from './expectedCases';
import type { MetricInput, Task } from './types';

const KIND: Record<Task, MetricInput['kind']> = { 'binary-classification': 'binary', 'multiclass-classification': 'multiclass', regression: 'regression' };

test('every catalog metric is computable for each of its tasks, with a definition', () => {
  for (const task of Object.keys(KIND) as Task[]) {
    const names = metricNamesFor(task);
    assert.ok(names.length >= 8, task);
    for (const name of names) {
      assert.ok(computableMetrics(KIND[task]).includes(name), `${name} for ${task}`);
      assert.ok(METRIC_CATALOG[name].description.length > 20, name);
    }
  }
  assert.deepEqual(metricNamesFor('regression'), ['mae', 'mse', 'rmse', 'r2', 'mape', 'median_absolute_error', 'max_error', 'explained_variance']);
});

test('the catalog is plain JSON and every value computed on the reference cases is within its range', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(METRIC_CATALOG)), METRIC_CATALOG);
  for (const file of ['binary', 'multiclass', 'regression'] as const) {
    for (const c of loadCases(file)) {
      const { values } = computeMetrics(computableMetrics(c.input.kind), c.input);
      for (const [name, v] of Object.entries(values)) {
        const range = METRIC_CATALOG[name]?.range;
        if (v === null || !range) continue;
        assert.ok(v >= range[0] && v <= range[1], `${c.name} ${name} = ${v} outside ${range}`);
      }
    }
  }
});

test('unknown metric, metric of another task and malformed input throw PlumbErrors with stable codes', () => {
  const bin: MetricInput = { kind: 'binary', y: new Uint8Array([0, 1]), pred: new Uint8Array([0, 1]), score: null };
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof PlumbError);
      return e.code;
    }
    return 'no error';
  };
  assert.equal(code(() => computeMetric('acuracy', bin)), 'metric.unknown');
  assert.equal(code(() => computeMetric('mae', bin)), 'metric.wrong-task');
  assert.equal(code(() => computeMetrics(['macro_f1'], bin)), 'metric.wrong-task');
  assert.equal(code(() => computeMetric('accuracy', { ...bin, pred: new Uint8Array([1]) })), 'metrics.bad-input');
  assert.equal(code(() => computeMetric('accuracy', { ...bin, y: new Uint8Array([0, 2]) })), 'metrics.bad-input');
  assert.equal(code(() => computeMetric('roc_auc', { ...bin, score: new Float64Array(3) })), 'metrics.bad-input');
  const mc: MetricInput = { kind: 'multiclass', classes: 3, y: new Int32Array([0, 3]), pred: new Int32Array([0, 1]), proba: null };
  assert.equal(code(() => computeMetric('accuracy', mc)), 'metrics.bad-input');
  assert.equal(code(() => computeMetric('log_loss', { ...mc, y: new Int32Array([0, 1]), proba: new Float64Array(5) })), 'metrics.bad-input');
});

test('no rows: every metric is null with a note', () => {
  const inputs: MetricInput[] = [
    { kind: 'binary', y: new Uint8Array(0), pred: new Uint8Array(0), score: new Float64Array(0) },
    { kind: 'multiclass', classes: 3, y: new Int32Array(0), pred: new Int32Array(0), proba: new Float64Array(0) },
    { kind: 'regression', y: new Float64Array(0), pred: new Float64Array(0) },
  ];
  for (const input of inputs) {
    const names = computableMetrics(input.kind);
    const r = computeMetrics(names, input);
    for (const name of names) {
      assert.equal(r.values[name], null, `${input.kind} ${name}`);
      assert.ok(r.notes.some((n) => n.startsWith(`\`${name}\`: undefined`)), `${input.kind} ${name}: ${r.notes.join(' | ')}`);
    }
  }
});

test('missing values and non-finite scores make the metrics that read them null, never 0', () => {
  const reg: MetricInput = { kind: 'regression', y: new Float64Array([1, NaN, 3]), pred: new Float64Array([1, 2, 3]) };
  const r = computeMetrics(['mae', 'r2'], reg);
  assert.deepEqual(r.values, { mae: null, r2: null });
  assert.match(r.notes[0], /`y` row 2 is NaN/);
  const bin: MetricInput = { kind: 'binary', y: new Uint8Array([0, 1, 1]), pred: new Uint8Array([0, 1, 0]), score: new Float64Array([0.1, Infinity, 0.4]) };
  const b = computeMetrics(['roc_auc', 'log_loss', 'accuracy'], bin);
  assert.equal(b.values.roc_auc, null);
  assert.equal(b.values.log_loss, null);
  assert.equal(b.values.accuracy, 2 / 3);
  const mc: MetricInput = { kind: 'multiclass', classes: 2, y: new Int32Array([0, 1]), pred: new Int32Array([0, 1]), proba: new Float64Array([0.9, 0.1, 0.3, 0.5]) };
  const m = computeMetrics(['roc_auc', 'log_loss'], mc);
  assert.equal(m.values.roc_auc, null, 'rows must sum to 1 for one-vs-rest AUC');
  assert.match(m.notes.join(' '), /sum to 0\.8/);
  assert.equal(typeof m.values.log_loss, 'number', 'log_loss renormalises rows, as scikit-learn');
});

test('MCC 0 and r2 on constant y are noted, as scikit-learn conventions', () => {
  const bin: MetricInput = { kind: 'binary', y: new Uint8Array([0, 1, 1]), pred: new Uint8Array([1, 1, 1]), score: null };
  const r = computeMetrics(['mcc'], bin);
  assert.equal(r.values.mcc, 0);
  assert.match(r.notes.join(' '), /^`mcc`: .*one class/);
  const reg: MetricInput = { kind: 'regression', y: new Float64Array([2, 2, 2]), pred: new Float64Array([2, 2, 3]) };
  const g = computeMetrics(['r2', 'explained_variance', 'mae'], reg);
  assert.deepEqual(g.values, { r2: 0, explained_variance: 0, mae: 1 / 3 });
  assert.equal(g.notes.length, 2);
  assert.match(g.notes[0], /^`r2`: `y` is constant/);
});

/** Random binary inputs with many ties. */
const binaryArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 60 }).map((rows): MetricInput => ({
  kind: 'binary',
  y: Uint8Array.from(rows.map((r) => r[0])),
  pred: Uint8Array.from(rows.map((r) => (r[1] >= 3 ? 1 : 0))),
  score: Float64Array.from(rows.map((r) => r[1] / 6)),
}));

test('property: roc_auc is the share of correctly ordered (positive, negative) pairs, ties counting half', () => {
  fc.assert(
    fc.property(binaryArb, (input) => {
      if (input.kind !== 'binary') return;
      let wins = 0;
      let pairs = 0;
      for (let i = 0; i < input.y.length; i++) {
        for (let j = 0; j < input.y.length; j++) {
          if (input.y[i] !== 1 || input.y[j] !== 0) continue;
          pairs++;
          const a = input.score![i];
          const b = input.score![j];
          wins += a > b ? 1 : a === b ? 0.5 : 0;
        }
      }
      const auc = computeMetric('roc_auc', input);
      if (pairs === 0) assert.ok(Number.isNaN(auc));
      else assert.ok(Math.abs(auc - wins / pairs) < 1e-12, `${auc} vs ${wins / pairs}`);
    }),
    { numRuns: 200, seed: 1 },
  );
});

test('property: label metrics agree with their definitions from the four counts', () => {
  fc.assert(
    fc.property(binaryArb, (input) => {
      if (input.kind !== 'binary') return;
      let tp = 0, fp = 0, tn = 0, fn = 0;
      input.y.forEach((t, i) => {
        const p = input.pred[i];
        if (t && p) tp++;
        else if (!t && p) fp++;
        else if (!t) tn++;
        else fn++;
      });
      const r = computeMetrics(['f1', 'accuracy', 'selection_rate', 'false_positive_rate'], input).values;
      assert.ok(Math.abs(r.f1! - (2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn))) < 1e-12);
      assert.equal(r.accuracy, (tp + tn) / input.y.length);
      assert.equal(r.selection_rate, (tp + fp) / input.y.length);
      assert.equal(r.false_positive_rate, fp + tn === 0 ? 0 : fp / (fp + tn));
    }),
    { numRuns: 200, seed: 2 },
  );
});
