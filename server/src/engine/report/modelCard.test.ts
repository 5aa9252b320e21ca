import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSpec } from '../spec/spec';
import { renderModelCard, TODO_PREFIX } from './modelCard';
import { sampleResult } from './testResult';

const SECTIONS = ['Model Details', 'Intended Use', 'Factors', 'Metrics', 'Evaluation Data', 'Training Data', 'Quantitative Analyses', 'Ethical Considerations', 'Caveats and Recommendations'];

const spec = (card?: Record<string, unknown>) =>
  buildSpec(
    {
      plumb: 1,
      name: 'credit',
      description: 'Predicts default.',
      model: { path: 'models/m.onnx', task: 'binary-classification', features: ['age', 'income'], threshold: 0.3 },
      data: { eval: 'data/eval.csv', target: 'default', reference: 'data/train.csv' },
      evaluation: { metrics: ['accuracy', 'roc_auc', 'log_loss', 'f1'], bootstrap: 500, seed: 7 },
      fairness: { sensitive: ['sex'] },
      ...(card ? { card } : {}),
    },
    '/ws/credit.plumb.yaml',
  );

test('the nine sections of Mitchell et al. (2019), in order', () => {
  const md = renderModelCard(sampleResult(), spec(), { date: '2026-03-01' });
  const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
  assert.deepEqual(headings, SECTIONS);
  assert.match(md, /^# Model card: credit\n/);
});

test('filled from the run: metrics with intervals, groups, disparities, gates, drift, threshold', () => {
  const md = renderModelCard(sampleResult(), spec(), { date: '2026-03-01', model: { bytes: 1234, sha256: 'ab'.repeat(32) } });
  assert.ok(md.includes('| `roc_auc` | 0.8123 | [0.74, 0.88] |'));
  assert.ok(md.includes('| sex=F | 60 | 60.0% | 0.25 | 0.3 | 0.8 |'));
  assert.ok(md.includes('| overall | 100 | 100% | 0.35 | 0.36 | 0.78 |'));
  assert.ok(md.includes('| `demographic_parity_ratio` | 0.5 | [0.31, 0.72] |'));
  assert.ok(md.includes('95% percentile bootstrap intervals from 500 resamples of the evaluation rows (seed 7)'));
  assert.ok(md.includes('- **Decision threshold:** positive (`1`) when the score is at least 0.3'));
  assert.ok(md.includes(`SHA-256 \`${'ab'.repeat(32)}\``));
  assert.ok(md.includes('- **Datasets:** `data/eval.csv`, 100 rows, target `default`'));
  assert.match(md, /The four-fifths rule fails: lowest selection rate \/ highest = 0.5 \(groups below 0.8 of the highest: sex=F\)/);
  assert.match(md, /Failing gates: `evaluation.roc_auc` = 0.8123 \(needs >= 0.85\)/);
  assert.match(md, /drifted from the reference in 1 of 2 column\(s\): `age` \(ks 0.001\)/);
});

test('what only a person can write is a TODO(owner) prompt, unless the spec\'s card gives it', () => {
  const empty = renderModelCard(sampleResult(), spec(), { date: '2026-03-01' });
  const prompts = empty.split('\n').filter((l) => l.trim().startsWith(TODO_PREFIX));
  assert.ok(prompts.length >= 12, `${prompts.length} prompts`);
  assert.ok(prompts.some((p) => /add `card.intended_use`/.test(p)));
  assert.ok(prompts.some((p) => /add `card.ethical_considerations`/.test(p)));
  const filled = renderModelCard(sampleResult(), spec({ owners: ['Risk team'], intended_use: 'Ranking applications for review.', out_of_scope: 'Automatic rejection.', ethical_considerations: 'Sex is not an input.', caveats: 'Trained on 2005 data.', license: 'MIT', version: '1.2' }), { date: '2026-03-01' });
  assert.ok(filled.includes('- **Developed by:** Risk team'));
  assert.ok(filled.includes('- **Primary intended uses:** Ranking applications for review.'));
  assert.ok(filled.includes('- **Out-of-scope use cases:** Automatic rejection.'));
  assert.ok(filled.includes('Sex is not an input.'));
  assert.ok(filled.includes('Trained on 2005 data.'));
  assert.ok(!/add `card\.(owners|intended_use|out_of_scope|ethical_considerations|caveats|license|version)`/.test(filled));
  assert.ok(filled.split('\n').filter((l) => l.trim().startsWith(TODO_PREFIX)).length < prompts.length - 5);
});

test('without evaluation or fairness the card says nothing was measured', () => {
  const md = renderModelCard(sampleResult({ evaluation: undefined, fairness: undefined, sections: [] }), spec(), { date: '2026-03-01' });
  assert.match(md, /No evaluation was run/);
  assert.match(md, /no measured results/);
});
