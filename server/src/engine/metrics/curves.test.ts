// Curves and tables against scikit-learn: roc_curve, precision_recall_curve, calibration_curve and
// confusion_matrix as computed by expected/generate.py with Debian's scikit-learn. Curve points are
// compared exactly (they are ratios of integer counts, computed the same way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrationCurve } from './calibration';
import { confusionMatrix, precisionRecallCurve, rocCurve } from './curves';
import { MAX_CURVE_POINTS } from './downsample';
import { close, loadCases } from './expectedCases';
import { residualSummary } from './residuals';
import { thresholdSweep, type SweepPoint } from './thresholdSweep';
import type { MetricInput } from './types';

const FULL = { maxPoints: Number.POSITIVE_INFINITY };
// A tie of -0 and 0 is one threshold; we report it as 0 (JSON has no -0 anyway).
const noNegZero = (a: number[]) => a.map((v) => v + 0);

interface Cal { nBins: number; strategy: 'uniform' | 'quantile'; probTrue: number[]; probPred: number[]; counts: number[]; edges: number[] }

for (const c of [...loadCases('binary'), ...loadCases('multiclass')]) {
  test(`${c.kind}/${c.name}: confusion matrix as scikit-learn`, () => {
    assert.deepEqual(confusionMatrix(c.input), c.confusionMatrix);
  });
}

for (const c of loadCases('binary')) {
  test(`binary/${c.name}: ROC and precision-recall curves point for point`, () => {
    const roc = rocCurve(c.input, FULL);
    const pr = precisionRecallCurve(c.input, FULL);
    if (c.input.kind === 'binary' && !c.input.score) {
      assert.equal(roc, null);
      assert.equal(pr, null);
      return;
    }
    const eRoc = c.roc as { fpr: number[]; tpr: number[]; thresholds: number[] } | null;
    if (eRoc === null) assert.equal(roc, null);
    else {
      assert.ok(roc);
      assert.deepEqual({ fpr: roc.fpr, tpr: roc.tpr, thresholds: roc.thresholds }, { ...eRoc, thresholds: noNegZero(eRoc.thresholds) });
      assert.ok(close(roc.auc, c.values.roc_auc, 1e-12));
      assert.equal(roc.totalPoints, eRoc.fpr.length);
    }
    const ePr = c.pr as { precision: number[]; recall: number[]; thresholds: number[] };
    assert.ok(pr);
    assert.deepEqual({ precision: pr.precision, recall: pr.recall, thresholds: pr.thresholds }, { ...ePr, thresholds: noNegZero(ePr.thresholds) });
    assert.ok(close(pr.averagePrecision, c.values.average_precision, 1e-12));
  });

  if (c.calibration) {
    test(`binary/${c.name}: calibration curves as scikit-learn (uniform and quantile bins)`, () => {
      for (const e of c.calibration as Cal[]) {
        const got = calibrationCurve(c.input, e.nBins, e.strategy);
        assert.ok(got);
        assert.deepEqual(got.edges, e.edges, `${e.strategy} ${e.nBins} edges`);
        assert.deepEqual(got.counts, e.counts, `${e.strategy} ${e.nBins} counts`);
        assert.deepEqual(got.probTrue, e.probTrue, `${e.strategy} ${e.nBins} prob_true`);
        assert.deepEqual(got.probPred, e.probPred, `${e.strategy} ${e.nBins} prob_pred`);
        if (e.strategy === 'uniform' && e.nBins === 10) {
          assert.ok(close(got.expectedCalibrationError, c.values.expected_calibration_error, 1e-12));
        }
      }
    });
  }

  if (c.sweep) {
    test(`binary/${c.name}: threshold sweep matches scikit-learn's metrics at each threshold`, () => {
      const sweep = thresholdSweep(c.input, 101);
      assert.ok(sweep);
      assert.equal(sweep.scale, 'probability');
      const expected = c.sweep as Omit<SweepPoint, 'selectionRate'>[];
      assert.equal(sweep.points.length, expected.length);
      sweep.points.forEach((p, i) => {
        const e = expected[i];
        assert.equal(p.threshold, e.threshold);
        assert.deepEqual([p.tp, p.fp, p.tn, p.fn], [e.tp, e.fp, e.tn, e.fn], `counts at ${e.threshold}`);
        for (const k of ['precision', 'recall', 'f1', 'accuracy', 'tpr', 'fpr'] as const) {
          assert.ok(close(p[k], e[k], 1e-12), `${k} at ${e.threshold}: ${p[k]} vs ${e[k]}`);
        }
      });
    });
  }
}

test('logit scores: ranking curves exist, calibration and sweep use the score range', () => {
  const [c] = loadCases('binary').filter((x) => x.name === 'logits');
  assert.equal(calibrationCurve(c.input), null);
  const sweep = thresholdSweep(c.input, 11);
  assert.ok(sweep);
  assert.equal(sweep.scale, 'score');
  const s = (c.input as { score: Float64Array }).score;
  assert.equal(sweep.points[0].threshold, Math.min(...s));
  assert.equal(sweep.points[10].threshold, Math.max(...s));
  assert.equal(sweep.points[0].selectionRate, 1);
});

for (const c of loadCases('regression')) {
  test(`regression/${c.name}: residual summary as numpy`, () => {
    const got = residualSummary(c.input);
    const e = c.residualSummary as { rows: number; mean: number; std: number; maxAbs: number; quantiles: Record<string, number> };
    assert.ok(got);
    assert.equal(got.rows, e.rows);
    assert.ok(close(got.mean, e.mean, 1e-12), `mean ${got.mean} vs ${e.mean}`);
    assert.ok(close(got.std, e.std, 1e-12), `std ${got.std} vs ${e.std}`);
    assert.equal(got.maxAbs, e.maxAbs);
    for (const q of Object.keys(e.quantiles)) assert.ok(close(got.quantiles[q], e.quantiles[q], 1e-12), `q${q}: ${got.quantiles[q]} vs ${e.quantiles[q]}`);
  });
}

function bigBinary(n: number): MetricInput {
  // deterministic, no ties: a smooth curve with n distinct scores
  const y = new Uint8Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = i / n;
    y[i] = (Math.sin(i * 12.9898) * 43758.5453) % 1 < (i / n) * 2 - 0.5 ? 1 : 0;
  }
  return { kind: 'binary', y, pred: y, score };
}

test('downsampled curves keep at most 200 real points, both ends, and the full-curve metrics', () => {
  const input = bigBinary(5000);
  const full = rocCurve(input, FULL)!;
  const small = rocCurve(input)!;
  assert.ok(full.fpr.length > MAX_CURVE_POINTS);
  assert.equal(small.fpr.length, MAX_CURVE_POINTS);
  assert.equal(small.totalPoints, full.fpr.length);
  assert.equal(small.auc, full.auc);
  // every kept point is a point of the full curve, in order, with its own threshold
  const at = new Map(full.thresholds.map((t, i) => [t, i]));
  let last = -1;
  small.thresholds.forEach((t, j) => {
    const i = at.get(t);
    assert.ok(i !== undefined && i > last);
    assert.equal(small.fpr[j], full.fpr[i]);
    assert.equal(small.tpr[j], full.tpr[i]);
    last = i;
  });
  assert.deepEqual([small.fpr[0], small.tpr[0]], [0, 0]);
  assert.deepEqual([small.fpr.at(-1), small.tpr.at(-1)], [1, 1]);

  const pr = precisionRecallCurve(input)!;
  assert.equal(pr.precision.length, MAX_CURVE_POINTS);
  assert.equal(pr.thresholds.length, MAX_CURVE_POINTS - 1);
  assert.deepEqual([pr.recall.at(-1), pr.precision.at(-1)], [0, 1]);
  assert.equal(pr.recall[0], 1);
});

test('curves of regression or label-only inputs are null; confusionMatrix rejects regression', () => {
  const reg: MetricInput = { kind: 'regression', y: new Float64Array([1, 2]), pred: new Float64Array([1, 3]) };
  assert.equal(rocCurve(reg), null);
  assert.equal(thresholdSweep(reg), null);
  assert.throws(() => confusionMatrix(reg));
  assert.equal(residualSummary({ kind: 'regression', y: new Float64Array([1, NaN]), pred: new Float64Array([1, 2]) }), null);
});
