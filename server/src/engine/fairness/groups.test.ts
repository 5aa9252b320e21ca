/**
 * Grouping rows by sensitive columns: order, missing values, numeric values and bins, intersections,
 * and the errors for input that can't be grouped. Expected groups are written out by hand from the
 * tiny tables below.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Column, Table } from '../data/table';
import { PlumbError } from '../errors';
import { buildGroups, MISSING_GROUP, rowsByGroup } from './groups';
import { computeFairness } from './index';

function cat(name: string, values: (string | null)[]): Column {
  const categories: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    const k = categories.indexOf(v);
    return k >= 0 ? k : categories.push(v) - 1;
  });
  return { name, type: 'categorical', codes, categories, missing: values.filter((v) => v === null).length };
}

function num(name: string, values: (number | null)[], type: 'numeric' | 'boolean' = 'numeric'): Column {
  return { name, type, values: Float64Array.from(values, (v) => (v === null ? NaN : v)), missing: values.filter((v) => v === null).length };
}

function table(...columns: Column[]): Table {
  return { file: 'people.csv', rowCount: columns[0].type === 'categorical' ? columns[0].codes.length : columns[0].values.length, columns };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PlumbError, String(e));
    return e.code;
  }
  assert.fail('expected a PlumbError');
}

test('one categorical column: sorted groups, "(missing)" last, every row assigned', () => {
  const t = table(cat('sex', ['M', 'F', null, 'M', 'F', 'M']));
  const idx = buildGroups(t, ['sex']);
  assert.deepEqual(idx.groups.map((g) => g.label), ['sex=F', 'sex=M', `sex=${MISSING_GROUP}`]);
  assert.deepEqual([...idx.counts], [2, 3, 1]);
  assert.deepEqual([...idx.ids], [1, 0, 2, 1, 0, 1]);
  assert.deepEqual(idx.missing, { sex: 1 });
});

test('categories that never occur make no group; intersections keep only non-empty combinations', () => {
  const sex = cat('sex', ['F', 'F', 'M', 'M']);
  if (sex.type === 'categorical') sex.categories.push('X'); // declared but unused
  const t = table(sex, cat('race', ['A', 'B', 'A', 'A']));
  const idx = buildGroups(t, ['sex', 'race']);
  assert.deepEqual(idx.groups.map((g) => g.group), [{ sex: 'F', race: 'A' }, { sex: 'F', race: 'B' }, { sex: 'M', race: 'A' }]);
  assert.deepEqual([...idx.counts], [1, 1, 2]);
  const { order, offsets } = rowsByGroup(idx);
  assert.deepEqual([...offsets], [0, 1, 2, 4]);
  assert.deepEqual([...order], [0, 1, 2, 3]);
});

test('the order of sensitive columns sets the order of groups and the keys of each group', () => {
  const t = table(cat('sex', ['F', 'M']), cat('race', ['B', 'A']));
  const idx = buildGroups(t, ['race', 'sex']);
  assert.deepEqual(idx.groups.map((g) => g.label), ['race=A, sex=M', 'race=B, sex=F']);
  assert.deepEqual(Object.keys(idx.groups[0].group), ['race', 'sex']);
});

test('numeric and boolean columns group by value, ascending, missing last', () => {
  const idx = buildGroups(table(num('age_band', [3, 1, null, 2.5, 1])), ['age_band']);
  assert.deepEqual(idx.groups.map((g) => g.group.age_band), ['1', '2.5', '3', MISSING_GROUP]);
  const b = buildGroups(table(num('member', [1, 0, 1], 'boolean')), ['member']);
  assert.deepEqual(b.groups.map((g) => g.group.member), ['false', 'true']);
});

test('bins: < first, [a, b), >= last; edges go to the upper bin; missing stays missing', () => {
  const t = table(num('age', [18, 25, 44.9, 45, 70, null]));
  const idx = buildGroups(t, ['age'], { age: { bins: [25, 45] } });
  assert.deepEqual(idx.groups.map((g) => g.group.age), ['< 25', '[25, 45)', '>= 45', MISSING_GROUP]);
  assert.deepEqual([...idx.counts], [1, 2, 2, 1]);
});

test('a numeric column with many values is an error that suggests bins; maxValues raises the limit', () => {
  const values = Array.from({ length: 50 }, (_, i) => i);
  const t = table(num('age', values));
  assert.equal(code(() => buildGroups(t, ['age'])), 'fairness.numeric-sensitive');
  try {
    buildGroups(t, ['age']);
  } catch (e) {
    assert.match((e as Error).message, /bins/);
    assert.equal((e as PlumbError).place.column, 'age');
  }
  assert.equal(buildGroups(t, ['age'], { age: { maxValues: 50 } }).groups.length, 50);
});

test('bad input is a PlumbError with a stable code', () => {
  const t = table(cat('sex', ['F', 'M']), num('age', [30, 40]));
  assert.equal(code(() => buildGroups(t, [])), 'fairness.no-sensitive');
  assert.equal(code(() => buildGroups(t, ['gender'])), 'fairness.unknown-column');
  assert.equal(code(() => buildGroups(t, ['sex'], { sex: { bins: [1] } })), 'fairness.bins-on-categorical');
  assert.equal(code(() => buildGroups(t, ['age'], { age: { bins: [40, 30] } })), 'fairness.bad-bins');
  assert.equal(code(() => buildGroups(t, ['age'], { age: { bins: [] } })), 'fairness.bad-bins');
  assert.equal(code(() => buildGroups(t, ['sex'], { age: { bins: [1] } })), 'fairness.unknown-grouping');
  const input = { kind: 'binary' as const, y: Uint8Array.of(0, 1), pred: Uint8Array.of(0, 2), score: null };
  assert.equal(code(() => computeFairness({ table: t, sensitive: ['sex'], input })), 'fairness.not-binary');
  const short = { kind: 'binary' as const, y: Uint8Array.of(0), pred: Uint8Array.of(0), score: null };
  assert.equal(code(() => computeFairness({ table: t, sensitive: ['sex'], input: short })), 'fairness.length-mismatch');
  const reg = { kind: 'regression' as const, y: Float64Array.of(1, NaN), pred: Float64Array.of(1, 2) };
  assert.equal(code(() => computeFairness({ table: t, sensitive: ['sex'], input: reg })), 'fairness.missing-value');
  const empty: Table = { file: 'e.csv', rowCount: 0, columns: [cat('sex', [])] };
  assert.equal(code(() => computeFairness({ table: empty, sensitive: ['sex'], input: null })), 'fairness.no-rows');
});

test('the unknown-column message lists the columns there are', () => {
  const t = table(cat('sex', ['F']), cat('race', ['A']));
  assert.throws(() => buildGroups(t, ['gender']), /`gender`.*columns: sex, race/);
});

test('one group only: a warning, differences 0 and ratios 1 as in Fairlearn', () => {
  const t = table(cat('sex', ['F', 'F', 'F', 'F']));
  const res = computeFairness({ table: t, sensitive: ['sex'], input: { kind: 'binary', y: Uint8Array.of(1, 0, 1, 0), pred: Uint8Array.of(1, 1, 0, 0), score: null }, bootstrap: false });
  assert.equal(res.groups.length, 1);
  assert.ok(res.warnings.some((w) => w.includes('one group')));
  assert.equal(res.metrics.demographic_parity_difference, 0);
  assert.equal(res.metrics.demographic_parity_ratio, 1);
});

test('a ratio whose largest value is 0 is null with a note, not NaN or a division by zero', () => {
  const t = table(cat('g', ['a', 'a', 'b', 'b']));
  // Nobody is ever predicted positive: selection rate 0 everywhere, precision undefined everywhere.
  const res = computeFairness({ table: t, sensitive: ['g'], input: { kind: 'binary', y: Uint8Array.of(1, 0, 1, 0), pred: Uint8Array.of(0, 0, 0, 0), score: null }, bootstrap: false });
  assert.equal(res.metrics.selection_rate_difference, 0);
  assert.equal(res.metrics.selection_rate_ratio, null);
  assert.equal(res.metrics.demographic_parity_ratio, null);
  assert.equal(res.metrics.precision_difference, null);
  assert.equal(res.four_fifths, null);
  assert.ok(res.notes.some((n) => n.includes('`selection_rate_ratio` is undefined')), res.notes.join('\n'));
  assert.ok(res.notes.some((n) => n.includes('`precision_difference`') && n.includes('no group')), res.notes.join('\n'));
  assert.ok(res.notes.some((n) => n.includes('four-fifths')), res.notes.join('\n'));
  assert.deepEqual(JSON.parse(JSON.stringify(res)), res);
});
