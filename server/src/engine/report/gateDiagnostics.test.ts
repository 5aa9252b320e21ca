import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpecText } from '../spec/document';
import { gateDiagnostics } from './gateDiagnostics';

const TEXT = `plumb: 1
evaluation:
  gates: { roc_auc: ">= 0.85", accuracy: ">= 0.7" }
fairness:
  sensitive: [sex]
  gates:
    demographic_parity_ratio: ">= 0.8"
compare:
  gates: { accuracy_delta: ">= 0" }
`;

test('failed gates become errors on the gate key; passed ones do not', () => {
  const d = gateDiagnostics(
    [
      { section: 'evaluation', metric: 'roc_auc', condition: '>= 0.85', value: 0.8, passed: false },
      { section: 'evaluation', metric: 'accuracy', condition: '>= 0.7', value: 0.9, passed: true },
      { section: 'fairness', metric: 'demographic_parity_ratio', condition: '>= 0.8', value: null, passed: false, note: 'undefined' },
      { section: 'compare', metric: 'accuracy_delta', condition: '>= 0', value: -0.01, passed: false },
    ],
    parseSpecText(TEXT),
  );
  assert.deepEqual(
    d.map((x) => [x.code, x.severity, x.offset, x.length]),
    [
      ['gate.failed', 'error', TEXT.indexOf('roc_auc'), 7],
      ['gate.failed', 'error', TEXT.indexOf('demographic_parity_ratio'), 24],
      ['gate.failed', 'error', TEXT.indexOf('accuracy_delta'), 14],
    ],
  );
  assert.equal(d[0].message, 'Gate failed: evaluation.roc_auc = 0.8 does not satisfy >= 0.85.');
  assert.equal(d[1].message, 'Gate failed: fairness.demographic_parity_ratio = n/a does not satisfy >= 0.8 (undefined).');
});
