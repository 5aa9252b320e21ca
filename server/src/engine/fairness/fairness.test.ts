/**
 * computeFairness against numbers computed independently with pandas groupby + scikit-learn's
 * confusion_matrix / accuracy_score / mean_absolute_error / mean_squared_error, implementing Fairlearn's
 * MetricFrame definitions: expected/generate.py -> expected/cases.json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFairness, dataBias, type FairnessResult } from './index';
import { CASES, getCase, inputOf, labelOf, labelsOf, tableOf, type ExpectedCase } from './testCases';

const TOL = 1e-12;

function close(actual: unknown, expected: number | null, what: string): void {
  if (expected === null) {
    assert.equal(actual, null, `${what}: expected null (undefined), got ${actual}`);
    return;
  }
  assert.equal(typeof actual, 'number', `${what}: expected ${expected}, got ${actual}`);
  assert.ok(Math.abs((actual as number) - expected) <= TOL * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, got ${actual}`);
}

function run(c: ExpectedCase): FairnessResult {
  const input = inputOf(c);
  const common = { table: tableOf(c), sensitive: c.sensitive, relativeTo: c.relative_to, minGroupSize: c.min_group_size, bootstrap: false as const, groups: c.bins ? Object.fromEntries(Object.entries(c.bins).map(([k, bins]) => [k, { bins }])) : undefined };
  return input ? computeFairness({ ...common, input }) : dataBias({ ...common, y: labelsOf(c) });
}

function compareToExpected(c: ExpectedCase, res: FairnessResult): void {
  const exp = c.expected;
  assert.equal(res.groups.length, exp.groups.length, `${c.name}: number of groups`);
  for (const eg of exp.groups) {
    const label = labelOf(eg.group);
    const g = res.groups.find((x) => x.label === label);
    assert.ok(g, `${c.name}: group ${label} missing (have ${res.groups.map((x) => x.label).join(' | ')})`);
    assert.deepEqual(g.group, eg.group);
    assert.equal(g.count, eg.count, `${c.name} ${label}: count`);
    close(g.share, eg.share, `${c.name} ${label}: share`);
    for (const [m, v] of Object.entries(eg)) {
      if (m === 'group' || m === 'count' || m === 'share' || c.metrics_listed.includes(m)) continue;
      close(g[m], v as number | null, `${c.name} ${label}: ${m}`);
    }
  }
  for (const [m, v] of Object.entries(exp.overall)) {
    if (!c.metrics_listed.includes(m)) close(res.overall[m], v, `${c.name} overall ${m}`);
  }
  for (const [m, v] of Object.entries(exp.metrics)) {
    if (c.metrics_listed.some((l) => m.startsWith(`${l}_`))) continue;
    close(res.metrics[m], v, `${c.name}: ${m}`);
  }
  if (exp.four_fifths) {
    assert.ok(res.four_fifths);
    close(res.four_fifths.ratio, exp.four_fifths.ratio, `${c.name}: four-fifths ratio`);
    assert.equal(res.four_fifths.passed, exp.four_fifths.passed);
    assert.deepEqual(res.four_fifths.failing_groups.map((g) => g.label).sort(), [...exp.four_fifths.failing].sort());
  } else {
    assert.equal(res.four_fifths, null);
  }
}

for (const c of CASES) {
  test(`${c.name}: per-group metrics, disparities and four-fifths match pandas/sklearn`, () => {
    compareToExpected(c, run(c));
  });
}

test('a deliberate disparity is caught: demographic parity ratio well below 0.8, women fail four-fifths', () => {
  const res = run(getCase('deliberate-disparity'));
  assert.ok((res.metrics.demographic_parity_ratio as number) < 0.7);
  assert.equal(res.four_fifths?.passed, false);
  assert.deepEqual(res.four_fifths?.failing_groups.map((g) => g.group), [{ sex: 'F' }]);
});

test('no disparity: differences are exactly 0, ratios 1, four-fifths passes with no failing group', () => {
  const res = run(getCase('no-disparity'));
  for (const m of ['demographic_parity_difference', 'equalized_odds_difference', 'equal_opportunity_difference', 'accuracy_difference']) assert.equal(res.metrics[m], 0, m);
  for (const m of ['demographic_parity_ratio', 'equalized_odds_ratio', 'equal_opportunity_ratio', 'disparate_impact']) assert.equal(res.metrics[m], 1, m);
  assert.deepEqual(res.four_fifths?.failing_groups, []);
  assert.equal(res.four_fifths?.passed, true);
});

test('intersections: only non-empty combinations, in sorted order with "(missing)" last per column, and a note on missing values', () => {
  const res = run(getCase('intersections'));
  assert.deepEqual(
    res.groups.map((g) => g.label),
    ['sex=F, race=A', 'sex=F, race=B', 'sex=F, race=C', 'sex=F, race=(missing)', 'sex=M, race=A', 'sex=M, race=B', 'sex=M, race=(missing)'],
  );
  assert.ok(!res.groups.some((g) => g.label === 'sex=M, race=C'));
  assert.ok(res.notes.some((n) => n.includes('`race`') && n.includes('(missing)')), res.notes.join('\n'));
  assert.equal(res.groups.reduce((s, g) => s + g.count, 0), res.rows);
});

test('empty-positive: TPR and FNR are null for the group, with a note naming it, and it is left out of TPR disparities', () => {
  const c = getCase('empty-positive');
  const res = run(c);
  const z = res.groups.find((g) => g.label === 'grp=z')!;
  assert.equal(z.true_positive_rate, null);
  assert.equal(z.false_negative_rate, null);
  assert.equal(typeof z.false_positive_rate, 'number');
  const note = res.notes.find((n) => n.includes('grp=z') && n.includes('true_positive_rate'));
  assert.ok(note && note.includes('positive label'), res.notes.join('\n'));
  // Left out: the difference is between x and y only.
  const x = res.groups.find((g) => g.label === 'grp=x')!.true_positive_rate as number;
  const y = res.groups.find((g) => g.label === 'grp=y')!.true_positive_rate as number;
  close(res.metrics.true_positive_rate_difference, Math.abs(x - y), 'tpr difference over x and y');
});

test('a tiny group is flagged small and warned about, and still counts in the disparities', () => {
  const c = getCase('tiny-group');
  const res = run(c);
  const tiny = res.groups.find((g) => g.label === 'grp=tiny')!;
  assert.equal(tiny.small, true);
  assert.equal(res.groups.filter((g) => g.small).length, 1);
  assert.ok(res.warnings.some((w) => w.includes('grp=tiny') && w.includes('(12)')), res.warnings.join('\n'));
  const rates = res.groups.map((g) => g.selection_rate as number);
  close(res.metrics.selection_rate_difference, Math.max(...rates) - Math.min(...rates), 'difference includes the tiny group');
  // With min_group_size 10 nothing is small.
  const res10 = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), minGroupSize: 10, bootstrap: false });
  assert.equal(res10.warnings.length, 0);
});

test('relative_to overall changes the disparities but not four-fifths (always between groups)', () => {
  const a = run(getCase('intersections'));
  const b = run(getCase('intersections-overall'));
  assert.equal(b.relative_to, 'overall');
  assert.notEqual(a.metrics.demographic_parity_difference, b.metrics.demographic_parity_difference);
  assert.equal(a.four_fifths?.ratio, b.four_fifths?.ratio);
  assert.equal(b.metrics.disparate_impact, a.metrics.demographic_parity_ratio);
});

test('data bias without predictions: representation and base rates only, no model rates or four-fifths', () => {
  const res = run(getCase('data-labels'));
  assert.equal(res.task, 'data');
  assert.deepEqual(res.group_metrics, ['base_rate']);
  assert.equal(res.four_fifths, null);
  assert.ok(!('selection_rate' in res.groups[0]));
  assert.ok(res.metrics.base_rate_difference !== undefined && res.metrics.demographic_parity_difference === undefined);
  // No labels at all: representation only.
  const c = getCase('data-labels');
  const rep = dataBias({ table: tableOf(c), sensitive: c.sensitive, bootstrap: false });
  assert.deepEqual(rep.group_metrics, []);
  assert.deepEqual(rep.groups.map((g) => g.count).sort(), c.expected.groups.map((g) => g.count).sort());
});

test('results are plain JSON: a JSON round trip changes nothing', () => {
  const c = getCase('intersections');
  const res = computeFairness({ table: tableOf(c), sensitive: c.sensitive, input: inputOf(c), bootstrap: { n: 20, seed: 1 } });
  assert.deepEqual(JSON.parse(JSON.stringify(res)), res);
});
