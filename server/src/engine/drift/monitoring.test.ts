/**
 * computeMonitoring: windows by time and by rows, per-window drift equal to computeDrift on the
 * window's rows, gates through the caller's `passes`, and the recommendation. Expected values follow
 * from how the data are built (a shift that starts on a known date) and from computeDrift itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlumbError } from '../errors';
import type { Table } from '../data/table';
import { computeDrift } from './computeDrift';
import { computeMonitoring } from './monitoring';
import { categoricalColumn, Lcg, numericColumn, numericValues, table } from './testData';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 1, 1, 9, 30); // 2026-02-01T09:30Z
const DRIFT_FROM = Date.UTC(2026, 2, 1); // 2026-03-01

const reference = table('train.csv', [
  numericColumn('x', numericValues({ seed: 1, n: 3000 })),
  numericColumn('y', numericValues({ seed: 2, n: 3000, loc: 5 })),
  categoricalColumn('c', Array.from({ length: 3000 }, (_, i) => ['a', 'b', 'c'][i % 3])),
]);

/** 60 days of rows, 40 a day; from 2026-03-01 on, x shifts by one sd and c changes mix. */
function currentTable(): { t: Table; ts: Float64Array } {
  const n = 60 * 40;
  const r = new Lcg(7);
  const ts = new Float64Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const c: string[] = [];
  for (let i = 0; i < n; i++) {
    ts[i] = T0 + Math.floor(i / 40) * DAY + (i % 40) * 60_000;
    const late = ts[i] >= DRIFT_FROM;
    x[i] = r.normal() + (late ? 1 : 0);
    y[i] = r.normal() + 5;
    c.push(late ? (r.next() < 0.6 ? 'a' : 'b') : ['a', 'b', 'c'][i % 3]);
  }
  ts[5] = NaN; // one row without a timestamp
  return { t: table('prod.csv', [numericColumn('scored_at', ts, 'datetime'), numericColumn('x', x), numericColumn('y', y), categoricalColumn('c', c)]), ts };
}

function subset(t: Table, rows: Int32Array): Table {
  return {
    file: t.file,
    rowCount: rows.length,
    columns: t.columns.map((col) =>
      col.type === 'categorical'
        ? { ...col, codes: Int32Array.from(rows, (r) => col.codes[r]) }
        : { ...col, values: Float64Array.from(rows, (r) => col.values[r]) },
    ),
  };
}

test('7-day windows start at UTC midnight, cover every timestamped row, and report ISO dates', () => {
  const { t } = currentTable();
  const m = computeMonitoring({ reference, current: t, timestamp: 'scored_at', window: '7d' });
  assert.equal(m.windows[0].start, '2026-02-01T00:00:00.000Z');
  assert.equal(m.windows[0].end, '2026-02-08T00:00:00.000Z');
  assert.equal(m.windows.length, 9);
  assert.equal(m.windows.reduce((s, w) => s + w.rows, 0), t.rowCount - 1);
  assert.equal(m.rows_without_timestamp, 1);
  assert.equal(m.windows[1].rows, 7 * 40);
  assert.deepEqual(Object.keys(m.windows[0].features), ['x', 'y', 'c'], 'the timestamp column is not monitored');
  assert.equal(m.windows[0].label, '2026-02-01 (7d)');
});

test("each window's scores equal computeDrift on that window's rows", () => {
  const { t, ts } = currentTable();
  const m = computeMonitoring({ reference, current: t, timestamp: 'scored_at', window: '7d' });
  for (const w of m.windows) {
    const s = Date.parse(w.start as string);
    const e = Date.parse(w.end as string);
    const rows = Int32Array.from([...ts.keys()].filter((i) => ts[i] >= s && ts[i] < e));
    const d = computeDrift({ reference, current: subset(t, rows), columns: ['x', 'y', 'c'] });
    assert.equal(w.rows, rows.length);
    for (const col of ['x', 'y', 'c']) {
      assert.equal(w.features[col].method, d.features[col].method);
      assert.equal(w.features[col].score, d.features[col].score, `${w.label} ${col}`);
      assert.equal(w.features[col].drifted, d.features[col].drifted);
    }
    assert.equal(w.drift_share, d.drift_share);
  }
});

test('the recommendation names the first window where the data set drifts', () => {
  const { t } = currentTable();
  const m = computeMonitoring({ reference, current: t, timestamp: 'scored_at', window: '7d' });
  const first = m.windows.findIndex((w) => w.dataset_drift);
  assert.ok(first > 0);
  assert.ok(m.windows.slice(0, first).every((w) => !w.drifted_columns.includes('x')), 'x is stable before March');
  // Windows start 2026-02-01, -08, -15, -22, then 2026-03-01 when the shift begins.
  assert.equal(m.windows[first].start, '2026-03-01T00:00:00.000Z');
  assert.equal(m.first_alert?.index, first);
  assert.equal(m.recommendation, 'Retraining is due since the window starting 2026-03-01: drift share 0.667 reached 0.5 (x, c drifted).');
});

test('gates from the caller: metrics per window and drift share, first failure recommended', () => {
  const { t } = currentTable();
  const seen: number[] = [];
  const m = computeMonitoring({
    reference,
    current: t,
    timestamp: 'scored_at',
    window: '14d',
    shareThreshold: 0.9,
    metricsForWindow: (rows) => {
      seen.push(rows.length);
      return { accuracy: rows[0] < 14 * 40 ? 0.9 : 0.7, auc: null };
    },
    passes: (metric, value) => (metric === 'accuracy' ? value !== null && value >= 0.8 : true),
  });
  assert.deepEqual(seen, m.windows.map((w) => w.rows));
  assert.deepEqual(m.windows[0].failed_gates, []);
  assert.deepEqual(m.windows[1].failed_gates, ['accuracy']);
  assert.equal(m.windows[1].metrics?.accuracy, 0.7);
  assert.equal(m.first_alert?.index, 1);
  assert.equal(m.recommendation, 'Retraining is due since the window starting 2026-02-15: accuracy = 0.7 fails its gate.');
});

test('row windows are consecutive row ranges in file order', () => {
  const { t } = currentTable();
  const m = computeMonitoring({ reference, current: t, window: '1000' });
  assert.deepEqual(m.windows.map((w) => [w.start, w.end, w.rows]), [[0, 1000, 1000], [1000, 2000, 1000], [2000, 2400, 400]]);
  assert.equal(m.windows[2].label, 'rows 2001-2400');
  assert.equal(m.timestamp, null);
  assert.deepEqual(Object.keys(m.windows[0].features), ['x', 'y', 'c']);
  assert.ok(m.notes.some((n) => n.includes('Only in the current data') && n.includes('scored_at')));
  const mm = computeMonitoring({ reference, current: t, window: 1000, columns: ['x'] });
  if (mm.recommendation) assert.match(mm.recommendation, /window starting at row \d+/);
});

test('prediction drift per window from the caller\'s scores', () => {
  const { t } = currentTable();
  const refScores = numericValues({ seed: 30, n: 3000, loc: 0.3, scale: 0.05 });
  const curScores = Float64Array.from({ length: t.rowCount }, (_, i) => (i < 1200 ? 0.3 : 0.5));
  const m = computeMonitoring({ reference, current: t, window: '1200', referenceScores: refScores, currentScores: curScores, passes: (k, v) => k !== 'prediction_drift' || v === 0 });
  assert.equal(m.windows[0].prediction_drift?.method, 'wasserstein');
  assert.equal(m.windows[1].prediction_drift?.drifted, true);
  assert.ok(m.windows[1].failed_gates.includes('prediction_drift'));
  assert.throws(() => computeMonitoring({ reference, current: t, window: '100', referenceScores: refScores, currentScores: new Float64Array(3) }), (e: unknown) => e instanceof PlumbError && e.code === 'monitoring.score-length');
});

test('ISO text timestamps work like datetime columns; empty windows are listed', () => {
  const iso = ['2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z', '2026-03-03T10:00:00Z', '2026-03-03T12:00:00Z'];
  const t = table('p.csv', [categoricalColumn('when', iso), numericColumn('x', [0.1, 0.2, 5, 6])]);
  const r = table('r.csv', [numericColumn('x', [0.1, 0.2, 0.3, 0.15, 0.25, 0.05, 0.12])]);
  const m = computeMonitoring({ reference: r, current: t, timestamp: 'when', window: '1d' });
  assert.deepEqual(m.windows.map((w) => w.start), ['2026-03-01T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
  assert.deepEqual(m.empty_windows, [{ start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z' }]);
  assert.ok(m.notes.some((n) => n.includes('fewer than 30 rows')));
  const h = computeMonitoring({ reference: r, current: t, timestamp: 'when', window: '12h' });
  assert.equal(h.windows[0].start, '2026-03-01T10:00:00.000Z', 'hour windows start on the hour');
});

test('bad windows and timestamps are errors with codes', () => {
  const { t } = currentTable();
  const code = (fn: () => unknown, c: string) => assert.throws(fn, (e: unknown) => e instanceof PlumbError && e.code === c);
  code(() => computeMonitoring({ reference, current: t, window: 'weekly' }), 'monitoring.bad-window');
  code(() => computeMonitoring({ reference, current: t, window: '7d' }), 'monitoring.no-timestamp');
  code(() => computeMonitoring({ reference, current: t, window: '7d', timestamp: 'nope' }), 'monitoring.no-timestamp');
  code(() => computeMonitoring({ reference, current: t, window: '7d', timestamp: 'x' }), 'monitoring.bad-timestamp');
  const txt = table('p.csv', [categoricalColumn('when', ['2026-03-01', 'soon']), numericColumn('x', [1, 2])]);
  code(() => computeMonitoring({ reference, current: txt, window: '1d', timestamp: 'when' }), 'monitoring.bad-timestamp');
  code(() => computeMonitoring({ reference, current: t, window: '1m', timestamp: 'scored_at' }), 'monitoring.too-many-windows');
});
