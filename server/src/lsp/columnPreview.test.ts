import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detailText, hoverText, summary } from './columnPreview';
import type { TablePreview } from '../engine/data';

const preview: TablePreview = {
  rows: 1000,
  complete: false,
  columns: {
    age: { type: 'numeric', rows: 1000, missing: 2, min: 21, max: 75, mean: 35.4871234 },
    sex: { type: 'categorical', rows: 1000, missing: 0, distinct: 2, top: [{ value: 'female', count: 603 }, { value: 'male', count: 397 }] },
    city: { type: 'categorical', rows: 1000, missing: 0, distinct: 7, top: [{ value: 'a`b', count: 500 }] },
    day: { type: 'datetime', rows: 1000, missing: 0, min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 2, 1, 12), mean: 0 },
    one: { type: 'numeric', rows: 1000, missing: 0, min: 3, max: 3, mean: 3 },
  },
};

test('hover text: type, file, the rows read and the summary', () => {
  assert.equal(hoverText('age', 'eval.csv', preview), '**age**: numeric column of `eval.csv`\n\nIn its first 1,000 rows: 21 to 75; mean 35.4871; 2 missing.');
  assert.equal(hoverText('sex', 'eval.csv', { ...preview, rows: 120, complete: true }), '**sex**: categorical column of `eval.csv`\n\nIn all 120 rows: 2 distinct values: `female` (603), `male` (397); 0 missing.');
  assert.equal(hoverText('nope', 'eval.csv', preview), null);
});

test('summaries: more values than shown end in an ellipsis, backticks cannot break the markdown, dates as dates', () => {
  assert.equal(summary(preview.columns.city), "7 distinct values: `a'b` (500), …; 0 missing");
  assert.equal(summary(preview.columns.day), '2024-01-01 to 2024-03-01T12:00:00Z; 0 missing');
  assert.equal(summary(preview.columns.one), 'always 3; 0 missing');
  assert.equal(detailText('age', preview), 'numeric · 21 to 75; mean 35.4871; 2 missing');
});
