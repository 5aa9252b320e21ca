import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePipeline } from './parsePipeline';
import { formatPlanText, planPipeline, type PlanFiles } from './plan';

const P = {
  plumb: 1,
  kind: 'pipeline',
  name: 'release',
  stages: {
    prepare: { cmd: 'python prepare.py', deps: ['prepare.py'], outs: ['data/train.csv'] },
    train: { cmd: 'python train.py', deps: ['train.py', 'data/train.csv'], outs: ['model.onnx'] },
    check: { spec: 'model.plumb.yaml', deps: ['model.onnx'] },
  },
  deploy: { strategy: 'canary', steps: [{ traffic: 10, duration: '2h', gates: { recall: '>= 0.4' } }, { traffic: 50, duration: '1d' }, { traffic: 100 }], rollback: { when: { recall: '< 0.3' } } },
};

function files(mtimes: Record<string, number>): PlanFiles {
  const texts: Record<string, string> = { '/ws/model.plumb.yaml': 'plumb: 1\nmodel: { task: binary-classification }\nevaluation:\n  gates: { recall: ">= 0.4" }\n' };
  return { exists: async (p) => p in mtimes || p in texts, readText: async (p) => texts[p], mtime: async (p) => mtimes[p] };
}

test('up to date when outputs are newer than their dependencies; checks always run', async () => {
  const plan = await planPipeline(parsePipeline(P, '/ws/p.plumb.yaml'), files({ '/ws/prepare.py': 1, '/ws/data/train.csv': 2, '/ws/train.py': 1, '/ws/model.onnx': 3 }));
  assert.deepEqual(plan.order, ['prepare', 'train', 'check']);
  assert.deepEqual(plan.stages.map((s) => [s.name, s.run]), [['prepare', false], ['train', false], ['check', true]]);
  assert.deepEqual(plan.stages[2].gates, ['evaluation.recall >= 0.4']);
  assert.deepEqual(plan.stages[2].needs, ['train']);
});

test('a changed dependency re-runs its stage and everything downstream', async () => {
  const plan = await planPipeline(parsePipeline(P, '/ws/p.plumb.yaml'), files({ '/ws/prepare.py': 5, '/ws/data/train.csv': 2, '/ws/train.py': 1, '/ws/model.onnx': 3 }));
  assert.deepEqual(plan.stages.map((s) => s.run), [true, true, true]);
  assert.deepEqual(plan.stages[0].reasons, ['changed since its outputs: prepare.py']);
  assert.deepEqual(plan.stages[1].reasons, ['stage `prepare` runs first']);
});

test('missing outputs run; the canary is laid out with its total time', async () => {
  const plan = await planPipeline(parsePipeline(P, '/ws/p.plumb.yaml'), files({ '/ws/prepare.py': 1 }));
  assert.deepEqual(plan.stages[0].reasons, ['output missing: data/train.csv']);
  assert.equal(plan.deploy!.total_ms, 26 * 3_600_000);
  const text = formatPlanText(plan, '/ws');
  assert.match(text, /1\. prepare: WOULD RUN/);
  assert.ok(text.endsWith('Deploy (canary):\n   10% for 2h, advance when recall >= 0.4\n   50% for 1d\n  100%\n  full traffic after 26h if every gate holds\n  roll back when any of: recall < 0.3'), text);
});

test('an A/B test plan carries its power estimate', async () => {
  const ab = { ...P, deploy: { strategy: 'ab-test', splits: { champion: 50, challenger: 50 }, metric: 'recall', min_sample_size: 2000, baseline: 0.2, minimum_detectable_effect: 0.03 } };
  const plan = await planPipeline(parsePipeline(ab, '/ws/p.plumb.yaml'), files({}));
  assert.ok(plan.deploy!.ab!.power!.power > 0.6 && plan.deploy!.ab!.power!.power < 0.65);
  assert.match(formatPlanText(plan, '/ws'), /power: 64% to detect 0.2 -> 0.23 at alpha 0.05 \(champion 2000 rows, challenger 2000 rows\); 2943 rows in the smallest arm give 80%/);
});
