/**
 * Test fixture for champion vs challenger: expected/fixture.csv (800 rows of x1, x2, sex, label,
 * made by expected/generate.py) and two logistic regressions built with buildLinearClassifier.
 * The champion uses x1 only; the challenger also uses x2, which is correlated with sex: it is more
 * accurate and less fair. Numbers for both are in expected/cases.json (`fixture`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLinearClassifier } from '../model';
import type { BinaryInput } from '../metrics/types';

export const FIXTURE_CSV = join(__dirname, 'expected/fixture.csv');
export const CASES = JSON.parse(readFileSync(join(__dirname, 'expected/cases.json'), 'utf8'));

export interface LinearModel {
  coefficients: number[];
  intercept: number;
}

export function modelBytes(m: LinearModel): Uint8Array {
  return buildLinearClassifier({ features: 2, coefficients: m.coefficients, intercepts: [m.intercept], classLabels: [0, 1] });
}

export const SPEC = (extra = '') => `plumb: 1
name: fixture
model:
  path: models/champion.onnx
  task: binary-classification
  features: [x1, x2]
  positive_label: 1
data:
  eval: data/eval.csv
  target: label
evaluation:
  metrics: [accuracy, roc_auc]
  bootstrap: 400
fairness:
  sensitive: [sex]
  bootstrap: 0
compare:
  challenger: models/challenger.onnx
  gates:
    accuracy_delta: ">= 0"
    demographic_parity_ratio_delta: ">= -0.02"
${extra}`;

/** A folder with data/eval.csv, models/champion.onnx, models/challenger.onnx and fixture.plumb.yaml. */
export function writeCompareFixture(dir = mkdtempSync(join(tmpdir(), 'plumb-compare-'))): { dir: string; spec: string } {
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'models'), { recursive: true });
  copyFileSync(FIXTURE_CSV, join(dir, 'data/eval.csv'));
  writeFileSync(join(dir, 'models/champion.onnx'), modelBytes(CASES.fixture.champion));
  writeFileSync(join(dir, 'models/challenger.onnx'), modelBytes(CASES.fixture.challenger));
  writeFileSync(join(dir, 'fixture.plumb.yaml'), SPEC());
  return { dir, spec: join(dir, 'fixture.plumb.yaml') };
}

/** The fixture's rows as BinaryInputs for both models, scored in float32 as onnxruntime does. */
export function fixtureInputs(): { champion: BinaryInput; challenger: BinaryInput; sex: string[] } {
  const lines = readFileSync(FIXTURE_CSV, 'utf8').trim().split('\n').slice(1);
  const rows = lines.map((l) => l.split(','));
  const y = Uint8Array.from(rows, (r) => Number(r[3]));
  const input = (m: LinearModel): BinaryInput => {
    const score = Float64Array.from(rows, (r) => {
      const z = Math.fround(Math.fround(Math.fround(Number(r[0])) * Math.fround(m.coefficients[0])) + Math.fround(Math.fround(Number(r[1])) * Math.fround(m.coefficients[1])) + Math.fround(m.intercept));
      return Math.fround(1 / (1 + Math.exp(-z)));
    });
    return { kind: 'binary', y, pred: Uint8Array.from(score, (s) => (s >= 0.5 ? 1 : 0)), score };
  };
  return { champion: input(CASES.fixture.champion), challenger: input(CASES.fixture.challenger), sex: rows.map((r) => r[2]) };
}
