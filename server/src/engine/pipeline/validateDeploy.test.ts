// Deploy rules with exact ranges. Power numbers: scipy.stats.norm with the same formula
// (compare/expected/generate.py -> cases.json `power`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanOfText } from '../spec/testing';
import { diagnose } from './testing';

const STAGES = `plumb: 1
kind: pipeline
stages:
  check:
    spec: model.plumb.yaml
`;

const CANARY = `${STAGES}deploy:
  strategy: canary
  steps:
    - traffic: 5
      duration: 1h
      gates: { recall: ">= 0.4", drift_share: "< 0.5" }
    - traffic: 25
      duration: 6h
      gates: { demographic_parity_ratio: ">= 0.8" }
    - traffic: 100
  rollback:
    when: { roc_auc: "< 0.7" }
`;

const span = (d: { offset: number; length: number }) => ({ offset: d.offset, length: d.length });

test('a valid canary has no diagnostics', async () => {
  assert.deepEqual(await diagnose(CANARY), []);
});

test('traffic that decreases: on the step\'s traffic', async () => {
  const text = CANARY.replace('traffic: 25', 'traffic: 3');
  const d = await diagnose(text);
  assert.deepEqual(d.map((x) => x.code), ['deploy.traffic-decreases']);
  assert.deepEqual(span(d[0]), { offset: text.indexOf('traffic: 3') + 9, length: 1 });
  assert.match(d[0].message, /`deploy.steps\[1\].traffic`: 3% is less than the step before \(5%\)/);
});

test('repeating a traffic share is a warning', async () => {
  const d = await diagnose(CANARY.replace('traffic: 25', 'traffic: 5'));
  assert.deepEqual(d.map((x) => [x.code, x.severity]), [['deploy.traffic-repeats', 'warning']]);
});

test('a canary that does not end at 100: on the last traffic', async () => {
  const text = CANARY.replace('    - traffic: 100\n', '    - traffic: 60\n');
  const d = await diagnose(text);
  assert.deepEqual(d.map((x) => x.code), ['deploy.step-needs-duration', 'deploy.traffic-not-100']);
  const at = { offset: text.indexOf('traffic: 60') + 9, length: 2 };
  assert.deepEqual(span(d[1]), at);
  assert.deepEqual(span(d[0]), at);
  assert.match(d[1].message, /the last step sends 60% of traffic; a canary ends with `traffic: 100`/);
});

test('a step below 100 needs a duration, and durations must parse', async () => {
  const text = CANARY.replace('      duration: 1h\n', '').replace('duration: 6h', 'duration: 6 hours');
  const d = await diagnose(text);
  assert.deepEqual(d.map((x) => x.code), ['deploy.step-needs-duration', 'deploy.bad-duration']);
  assert.deepEqual(span(d[0]), { offset: text.indexOf('traffic: 5') + 9, length: 1 });
  assert.deepEqual(span(d[1]), spanOfText(text, '6 hours'));
});

test('a gate on a metric no referenced spec computes: on the gate key, with did-you-mean', async () => {
  const text = CANARY.replace('recall: ">= 0.4"', 'recal: ">= 0.4"').replace('roc_auc: "< 0.7"', 'latency_p99: "> 300"');
  const d = await diagnose(text);
  assert.deepEqual(d.map((x) => x.code), ['deploy.metric-not-computed', 'deploy.metric-not-computed']);
  assert.deepEqual(span(d[0]), spanOfText(text, 'recal'));
  assert.match(d[0].message, /`deploy.steps\[0\].gates.recal`: `recal` is gated, but no model spec the stages reference computes it. Did you mean `recall`\?/);
  assert.deepEqual(d[0].fixes![0].edits[0].text, 'recall');
  assert.deepEqual(span(d[1]), spanOfText(text, 'latency_p99'));
  assert.match(d[1].message, /`deploy.rollback.when.latency_p99`.*they compute: accuracy, recall, roc_auc/);
});

test('gates with no referenced spec at all say so; malformed gates are errors', async () => {
  const text = CANARY.replace('    spec: model.plumb.yaml\n', '    cmd: make\n').replace('"< 0.5"', '"below 0.5"');
  const d = await diagnose(text);
  const codes = d.map((x) => x.code);
  assert.equal(codes.filter((c) => c === 'deploy.metric-not-computed').length, 4);
  assert.match(d.find((x) => x.code === 'deploy.metric-not-computed')!.message, /no stage references a model spec/);
  const bad = d.find((x) => x.code === 'gate.malformed')!;
  assert.deepEqual(span(bad), spanOfText(text, '"below 0.5"'));
});

test('a referenced spec that cannot be read leaves gates unchecked (one warning, no cascade)', async () => {
  const d = await diagnose(CANARY.replace('recall', 'anything'), { '/ws/model.plumb.yaml': 'plumb: [1\n' });
  assert.deepEqual(d.map((x) => [x.code, x.severity]), [['pipeline.bad-spec', 'warning']]);
});

const AB = `${STAGES}deploy:
  strategy: ab-test
  splits: { champion: 40, challenger: 30, challenger2: 30 }
  metric: recall
  min_sample_size: 3000
  baseline: 0.3
  minimum_detectable_effect: 0.04
  duration: 14d
`;

test('A/B splits that do not sum to 100: on the splits key', async () => {
  const text = AB.replace('challenger: 30', 'challenger: 20');
  const d = await diagnose(text);
  assert.deepEqual(d.map((x) => x.code), ['deploy.splits-sum']);
  assert.deepEqual(span(d[0]), spanOfText(text, 'splits'));
  assert.match(d[0].message, /the shares add up to 90 \(champion 40 \+ challenger 20 \+ challenger2 30\); they must sum to 100/);
});

test('A/B power: information when at least 80%, a warning with the rows needed when lower (scipy numbers)', async () => {
  const { power } = (await import('../compare/testFixture')).CASES;
  const ok = await diagnose(AB);
  assert.deepEqual(ok.map((x) => [x.code, x.severity]), [['deploy.power', 'information']]);
  assert.deepEqual(span(ok[0]), { offset: AB.indexOf('3000'), length: 4 });
  assert.match(ok[0].message, new RegExp(`${Math.round(power[3].power * 100)}% power to detect 0.3 -> 0.34 .* with 4000 rows for champion, 3000 rows for challenger, 3000 rows for challenger2`));
  const twoArms = AB.replace('{ champion: 40, challenger: 30, challenger2: 30 }', '{ champion: 50, challenger: 50 }').replace('3000', '2000').replace('baseline: 0.3', 'baseline: 0.2').replace('0.04', '0.03');
  const low = await diagnose(twoArms);
  assert.deepEqual(low.map((x) => [x.code, x.severity]), [['deploy.low-power', 'warning']]);
  assert.match(low[0].message, new RegExp(`only ${Math.round(power[0].power * 100)}% power.*About ${power[0].rows_for_target} rows in the smallest arm give 80%`));
});

test('A/B without a power basis, with a non-rate metric, with an impossible effect, or missing keys', async () => {
  const noPower = await diagnose(AB.replace('  baseline: 0.3\n', ''));
  assert.deepEqual(noPower.map((x) => [x.code, x.severity]), [['deploy.no-power', 'information']]);
  const files = { '/ws/model.plumb.yaml': 'plumb: 1\nmodel: { path: m.onnx, task: binary-classification, features: [a] }\ndata: { eval: e.csv, target: y }\nevaluation: { metrics: [log_loss] }\n' };
  const notRate = await diagnose(AB.replace('metric: recall', 'metric: log_loss'), files);
  assert.ok(notRate.some((x) => x.code === 'deploy.not-a-rate'));
  const text = AB.replace('minimum_detectable_effect: 0.04', 'minimum_detectable_effect: 0.9');
  const bad = await diagnose(text);
  assert.deepEqual(bad.map((x) => x.code), ['deploy.bad-effect']);
  assert.deepEqual(span(bad[0]), spanOfText(text, '0.9'));
  const missing = `${STAGES}deploy:\n  strategy: ab-test\n  splits: { only: 100 }\n`;
  const m = await diagnose(missing);
  assert.deepEqual(m.map((x) => x.code), ['deploy.needs-key']);
  assert.deepEqual(span(m[0]), spanOfText(missing, 'ab-test'));
  assert.match(m[0].message, /needs `deploy.metric`, `deploy.min_sample_size`/);
});

test('phased: each phase names one region or cohort; repeats warn; other strategies\' keys warn', async () => {
  const text = `${STAGES}deploy:
  strategy: phased
  steps: [{ traffic: 100 }]
  phases:
    - { region: eu-west, duration: 2d, gates: { recall: ">= 0.4" } }
    - { duration: 2d }
    - { region: eu-west, cohort: beta }
    - { cohort: beta, duration: 1d }
    - { cohort: beta }
`;
  const d = await diagnose(text);
  assert.deepEqual(d.map((x) => [x.code, x.severity]), [
    ['deploy.unused-key', 'warning'],
    ['deploy.phase-needs-target', 'error'],
    ['deploy.phase-needs-target', 'error'],
    ['deploy.duplicate-phase', 'warning'],
  ]);
  assert.deepEqual(span(d[0]), spanOfText(text, 'steps'));
  assert.deepEqual(span(d[1]), spanOfText(text, '{ duration: 2d }'));
  assert.match(d[2].message, /one `region` or one `cohort`, not both/);
  assert.deepEqual(span(d[3]), { offset: text.lastIndexOf('beta'), length: 4 });
});
