/**
 * computeDrift on data sets with known shifts (mean, scale, category mix, new and lost categories,
 * missing rate) and none, against expected/drift.json: Evidently's rules written out in Python on
 * scipy/numpy/pandas by expected/generate.py (ks_2samp, wasserstein_distance, chisquare,
 * jensenshannon, Evidently's binning and PSI, np.quantile, np.histogram).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import driftExpected from './expected/drift.json';
import { computeDrift } from './computeDrift';
import { columnFrom, table, type ColumnSpec } from './testData';
import type { DriftMethod, FeatureDrift, NumericSummary, CategoricalSummary } from './types';

interface ExpectedFeature {
  method: string;
  threshold: number;
  score: number | null;
  drifted: boolean;
  tests: Record<string, Record<string, number | null>>;
  binning: { kind: string; edges?: number[]; values?: (number | string)[] };
  unique: { reference: number; current: number; combined: number };
  has_categories: boolean;
  new_categories: string[];
  missing_categories: string[];
  summary: Record<'reference' | 'current', Record<string, unknown>>;
  histogram: { reference: number[]; current: number[] } | null;
}
interface Expected {
  name: string;
  method: string;
  threshold: number | null;
  columns: { name: string; reference: unknown; current: unknown }[];
  features: Record<string, ExpectedFeature>;
  drift_share: number;
  dataset_drift: boolean;
}
const cases = driftExpected.cases as unknown as Expected[];

function close(actual: number | null | undefined, expected: number | null | undefined, what: string, rel = 1e-9): void {
  if (expected === null || expected === undefined) {
    assert.equal(actual ?? null, null, `${what}: expected null`);
    return;
  }
  assert.ok(typeof actual === 'number', `${what}: got ${actual}`);
  const tol = Math.max(1e-300, rel * Math.abs(expected), expected === 0 ? 1e-15 : 0);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: got ${actual}, expected ${expected}`);
}

function tablesOf(c: Expected) {
  const ref = table('ref.csv', c.columns.map((col) => columnFrom(col.name, col.reference as ColumnSpec)));
  const cur = table('cur.csv', c.columns.map((col) => columnFrom(col.name, col.current as ColumnSpec)));
  return { ref, cur };
}

function checkFeature(f: FeatureDrift, e: ExpectedFeature, where: string): void {
  assert.equal(f.method, e.method, `${where}: method`);
  assert.equal(f.threshold, e.threshold, `${where}: threshold`);
  // p-values relative 1e-6 (asymptotic/exact distributions), everything else 1e-9
  close(f.score, e.score, `${where}: score`, ['ks', 'chisquare', 'ztest'].includes(e.method) ? 1e-6 : 1e-9);
  assert.equal(f.drifted, e.drifted, `${where}: drifted`);
  const t = e.tests;
  if (t.ks) {
    close(f.tests.ks?.statistic, t.ks.statistic, `${where}: ks statistic`);
    close(f.tests.ks?.p_value, t.ks.p_value, `${where}: ks p`, 1e-6);
  }
  if (t.wasserstein) {
    close(f.tests.wasserstein?.distance, t.wasserstein.distance, `${where}: wasserstein`);
    close(f.tests.wasserstein?.reference_std, t.wasserstein.reference_std, `${where}: reference std`);
  }
  close(f.tests.psi?.value, t.psi.value, `${where}: psi`);
  close(f.tests.jensenshannon?.distance, t.jensenshannon.distance, `${where}: jensenshannon`);
  assert.equal(Boolean(f.tests.chisquare), Boolean(t.chisquare), `${where}: chisquare computed`);
  if (t.chisquare) {
    close(f.tests.chisquare?.statistic ?? null, t.chisquare.statistic, `${where}: chi2 statistic`);
    close(f.tests.chisquare?.p_value, t.chisquare.p_value, `${where}: chi2 p`, 1e-6);
    assert.equal(f.tests.chisquare?.df, t.chisquare.df);
  }
  assert.equal(Boolean(f.tests.ztest), Boolean(t.ztest), `${where}: ztest computed`);
  if (t.ztest) {
    close(f.tests.ztest?.statistic, t.ztest.statistic, `${where}: z`);
    close(f.tests.ztest?.p_value, t.ztest.p_value, `${where}: z p`, 1e-6);
  }
  // Bins shared by PSI and Jensen-Shannon.
  const b = e.binning;
  assert.equal(f.binning?.kind, b.kind, `${where}: binning`);
  if (f.binning?.kind === 'sturges') {
    assert.equal(f.binning.edges.length, b.edges!.length, `${where}: number of Sturges edges`);
    f.binning.edges.forEach((x, i) => close(x, b.edges![i], `${where}: edge ${i}`, 1e-12));
  } else if (f.binning?.kind === 'values') {
    assert.deepEqual([...f.binning.values].sort(), [...b.values!].sort(), `${where}: bin values`);
  }
  assert.deepEqual(f.unique, e.unique, `${where}: unique counts`);
  if (e.has_categories) {
    assert.deepEqual([...(f.new_categories ?? [])].sort(), e.new_categories, `${where}: new categories`);
    assert.deepEqual([...(f.missing_categories ?? [])].sort(), e.missing_categories, `${where}: missing categories`);
  } else assert.equal(f.new_categories, undefined);
  for (const side of ['reference', 'current'] as const) {
    const s = f.summary[side];
    const es = e.summary[side];
    assert.equal(s.count, es.count, `${where}: ${side} count`);
    assert.equal(s.missing, es.missing, `${where}: ${side} missing`);
    if (s.kind === 'numeric') {
      for (const k of ['mean', 'std', 'min', 'q05', 'q25', 'q50', 'q75', 'q95', 'max'] as const) {
        close((s as NumericSummary)[k], es[k] as number, `${where}: ${side} ${k}`);
      }
    } else {
      const top = es.top as Record<string, number>;
      assert.equal((s as CategoricalSummary).unique, es.unique);
      for (const t of (s as CategoricalSummary).top) assert.equal(t.count, top[t.value], `${where}: ${side} count of ${t.value}`);
    }
  }
  if (e.histogram) {
    assert.equal(f.histogram?.kind, 'numeric');
    assert.deepEqual(f.histogram?.reference, e.histogram.reference, `${where}: reference histogram`);
    assert.deepEqual(f.histogram?.current, e.histogram.current, `${where}: current histogram`);
  }
}

for (const c of cases) {
  test(`computeDrift matches Evidently's rules on scipy: ${c.name}`, () => {
    const { ref, cur } = tablesOf(c);
    const r = computeDrift({ reference: ref, current: cur, method: c.method as DriftMethod, threshold: c.threshold ?? undefined });
    assert.deepEqual(r.columns, c.columns.map((x) => x.name));
    for (const col of c.columns) checkFeature(r.features[col.name], c.features[col.name], `${c.name} / ${col.name}`);
    close(r.drift_share, c.drift_share, 'drift share');
    assert.equal(r.dataset_drift, c.dataset_drift);
    assert.equal(r.number_of_drifted_columns, Math.round(c.drift_share * c.columns.length));
    // Plain JSON: survives a round trip unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });
}

test('known shifts drift and unshifted columns do not, in both regimes', () => {
  for (const name of ['small reference (p-value tests)', 'large reference (distances)']) {
    const c = cases.find((x) => x.name === name)!;
    const { ref, cur } = tablesOf(c);
    const r = computeDrift({ reference: ref, current: cur });
    for (const col of ['num_mean_shift', 'num_scale_change', 'few_values_mix', 'cat_mix_new', 'cat_lost']) assert.equal(r.features[col].drifted, true, `${name}: ${col}`);
    for (const col of ['num_same', 'cat_same']) assert.equal(r.features[col].drifted, false, `${name}: ${col}`);
    assert.deepEqual(r.features.cat_mix_new.new_categories, ['E']);
    assert.deepEqual(r.features.cat_lost.missing_categories, ['D']);
  }
});
