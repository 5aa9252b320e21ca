/**
 * The paired fairness intervals against a brute-force paired bootstrap written here from the
 * definitions: draw N rows with replacement, compute each model's per-group selection and error
 * rates from those rows, Fairlearn's disparities (between groups), and the percentile interval of
 * challenger - champion. The engine resamples cell counts instead of rows (the same distribution),
 * so the two agree up to Monte Carlo error, which the tolerance allows for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Table } from '../data/table';
import type { BinaryInput } from '../metrics/types';
import { Random } from '../util/random';
import { pairedFairnessIntervals } from './fairnessBootstrap';
import { fixtureInputs } from './testFixture';

const { champion, challenger, sex } = fixtureInputs();
const categories = [...new Set(sex)];
const table: Table = { file: 'fixture.csv', rowCount: sex.length, columns: [{ name: 'sex', type: 'categorical', codes: Int32Array.from(sex, (s) => categories.indexOf(s)), categories, missing: 0 }] };

/** Fairlearn's disparities of one model on the rows `rows` (indices, with repeats). */
function disparities(m: BinaryInput, rows: Int32Array): Record<string, number> {
  const per = categories.map(() => ({ n: 0, sel: 0, pos: 0, tp: 0, neg: 0, fp: 0 }));
  for (const i of rows) {
    const g = per[categories.indexOf(sex[i])];
    g.n++;
    g.sel += m.pred[i];
    if (m.y[i]) {
      g.pos++;
      g.tp += m.pred[i];
    } else {
      g.neg++;
      g.fp += m.pred[i];
    }
  }
  const sel = per.map((g) => g.sel / g.n);
  const tpr = per.map((g) => g.tp / g.pos);
  const fpr = per.map((g) => g.fp / g.neg);
  const diff = (v: number[]) => Math.max(...v) - Math.min(...v);
  return {
    demographic_parity_difference: diff(sel),
    demographic_parity_ratio: Math.min(...sel) / Math.max(...sel),
    equalized_odds_difference: Math.max(diff(tpr), diff(fpr)),
  };
}

function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
}

const NAMES = ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference'];
const point = (a: BinaryInput, b: BinaryInput) => {
  const all = Int32Array.from({ length: sex.length }, (_, i) => i);
  const da = disparities(a, all);
  const db = disparities(b, all);
  return Object.fromEntries(NAMES.map((k) => [k, db[k] - da[k]]));
};

test('intervals match a brute-force paired row bootstrap of the same disparities', () => {
  const n = 3000;
  const deltas = point(champion, challenger);
  const ours = pairedFairnessIntervals({ table, sensitive: ['sex'], relativeTo: 'groups', champion, challenger, deltas, n, seed: 1, level: 0.95 });
  const rng = new Random(99);
  const samples: Record<string, number[]> = Object.fromEntries(NAMES.map((k) => [k, []]));
  const rows = new Int32Array(sex.length);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < rows.length; j++) rows[j] = rng.int(rows.length);
    const da = disparities(champion, rows);
    const db = disparities(challenger, rows);
    for (const k of NAMES) samples[k].push(db[k] - da[k]);
  }
  for (const k of NAMES) {
    const s = samples[k].sort((a, b) => a - b);
    const want = { low: quantile(s, 0.025), high: quantile(s, 0.975) };
    const got = ours.intervals[k];
    assert.ok(got, `no interval for ${k}`);
    assert.ok(got.low <= deltas[k] && deltas[k] <= got.high, `${k}: the interval ${JSON.stringify(got)} misses the point ${deltas[k]}`);
    // Monte Carlo error of a 2.5% quantile over 3,000 resamples is well under 0.015 here (widths are 0.15-0.3).
    assert.ok(Math.abs(got.low - want.low) < 0.015 && Math.abs(got.high - want.high) < 0.015, `${k}: ours ${JSON.stringify(got)}, brute force ${JSON.stringify(want)}`);
  }
  assert.deepEqual(ours.notes, []);
});

test('a model compared with itself has zero-width intervals; a seed gives the same intervals every time', () => {
  const deltas = point(champion, champion);
  const same = pairedFairnessIntervals({ table, sensitive: ['sex'], relativeTo: 'groups', champion, challenger: champion, deltas, n: 200, seed: 3, level: 0.9 });
  for (const k of NAMES) assert.deepEqual(same.intervals[k], { low: 0, high: 0 });
  const args = { table, sensitive: ['sex'], relativeTo: 'groups' as const, champion, challenger, deltas: point(champion, challenger), n: 200, seed: 5, level: 0.95 };
  assert.deepEqual(pairedFairnessIntervals(args).intervals, pairedFairnessIntervals(args).intervals);
});

test('regression models and the listed metrics\' disparities get a note instead of an interval', () => {
  const reg = { kind: 'regression' as const, y: Float64Array.from(champion.score!), pred: Float64Array.from(challenger.score!) };
  const r = pairedFairnessIntervals({ table, sensitive: ['sex'], relativeTo: 'groups', champion: reg, challenger: reg, deltas: { mae_difference: 0.1 }, n: 50, seed: 0, level: 0.95 });
  assert.deepEqual(r.intervals, {});
  assert.match(r.notes[0], /regression models have no intervals/);
  const listed = pairedFairnessIntervals({ table, sensitive: ['sex'], relativeTo: 'groups', champion, challenger, deltas: { roc_auc_difference: 0.05, selection_rate_difference: 0.3 }, n: 50, seed: 0, level: 0.95 });
  assert.ok(listed.intervals.selection_rate_difference);
  assert.equal(listed.intervals.roc_auc_difference, undefined);
  assert.match(listed.notes.join(' '), /`roc_auc_difference`/);
});
