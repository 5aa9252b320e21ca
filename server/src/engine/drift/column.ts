/**
 * Drift of one column: every applicable test, the one that decides (see select.ts), missing rates,
 * summaries and histograms. `columnScore` runs only the deciding test, for monitoring windows.
 */
import { sturgesBins, shares, valueBins, type Binned } from './binning';
import { chiSquare, zTest, type KeyCounts } from './categoricalTests';
import { jensenShannon, psi, wassersteinNormed } from './distances';
import { ks2samp } from './ks';
import { mergeStats, type MergeStats } from './merge';
import { distinctCount, sampleSize, valueCounts, type CategoricalSample, type NumericSample, type Sample } from './sample';
import { chooseTest, isDrift, MAX_VALUES_AS_CATEGORIES, ruleText, thresholdFor, type ColumnFacts } from './select';
import { categoricalHistogram, categoricalSummary, missingDrift, numericHistogram, numericSummary } from './summary';
import type { ColumnScore, DriftMethod, DriftTest, DriftTests, DriftThreshold, FeatureDrift } from './types';

export interface ColumnOptions {
  method: DriftMethod;
  threshold?: DriftThreshold;
}

/** Sturges bins when the reference has more than this many distinct values (Evidently). */
const STURGES_MIN_UNIQUE = 20;

/** Counts per key over both sides; categorical keys in first-appearance order (reference first). */
export function keyCounts(ref: Sample, cur: Sample): KeyCounts {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    const v = valueCounts(ref.sorted, cur.sorted);
    return { keys: v.values, reference: v.ref, current: v.cur };
  }
  const r = ref as CategoricalSample;
  const c = cur as CategoricalSample;
  const keys = [...r.counts.keys()];
  for (const k of c.counts.keys()) if (!r.counts.has(k)) keys.push(k);
  return { keys, reference: keys.map((k) => r.counts.get(k as string) ?? 0), current: keys.map((k) => c.counts.get(k as string) ?? 0) };
}

type Facts = ColumnFacts & { referenceUnique: number; currentUnique: number; merge?: MergeStats };

export function columnFacts(ref: Sample, cur: Sample): Facts {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    const merge = mergeStats(ref.sorted, cur.sorted);
    return {
      kind: 'numeric',
      referenceSize: ref.sorted.length,
      combinedUnique: merge.distinctUnion,
      referenceUnique: merge.distinctA,
      currentUnique: merge.distinctB,
      merge,
    };
  }
  const r = ref as CategoricalSample;
  const c = cur as CategoricalSample;
  let combined = r.counts.size;
  for (const k of c.counts.keys()) if (!r.counts.has(k)) combined++;
  return { kind: 'categorical', referenceSize: r.n, combinedUnique: combined, referenceUnique: r.counts.size, currentUnique: c.counts.size };
}

function binned(ref: Sample, cur: Sample, refUnique: number, counts: () => KeyCounts): Binned {
  if (ref.kind === 'numeric' && cur.kind === 'numeric' && refUnique > STURGES_MIN_UNIQUE) return sturgesBins(ref.sorted, cur.sorted);
  const kc = counts();
  return valueBins(kc.keys, kc.reference, kc.current);
}

interface TestValue {
  statistic: number | null;
  p_value: number | null;
  score: number;
}

/** Runs one test; `cache` avoids recomputing bins and key counts across tests of one column. */
function runTest(test: DriftTest, ref: Sample, cur: Sample, facts: Facts, tests: DriftTests, cache: { bins?: Binned; counts?: KeyCounts }): TestValue {
  const counts = () => (cache.counts ??= keyCounts(ref, cur));
  const bins = () => (cache.bins ??= binned(ref, cur, facts.referenceUnique, counts));
  const nRef = sampleSize(ref);
  const nCur = sampleSize(cur);
  switch (test) {
    case 'ks': {
      const r = ks2samp((ref as NumericSample).sorted, (cur as NumericSample).sorted, facts.merge?.ks);
      tests.ks = r;
      return { statistic: r.statistic, p_value: r.p_value, score: r.p_value };
    }
    case 'wasserstein': {
      const r = wassersteinNormed((ref as NumericSample).sorted, (cur as NumericSample).sorted, facts.merge?.wasserstein);
      tests.wasserstein = r;
      return { statistic: r.distance, p_value: null, score: r.distance };
    }
    case 'psi': {
      const b = bins();
      const r = psi(shares(b.reference, nRef), shares(b.current, nCur));
      tests.psi = r;
      return { statistic: r.value, p_value: null, score: r.value };
    }
    case 'jensenshannon': {
      const b = bins();
      const d = jensenShannon(shares(b.reference, nRef), shares(b.current, nCur));
      tests.jensenshannon = { distance: d };
      return { statistic: d, p_value: null, score: d };
    }
    case 'chisquare': {
      const r = chiSquare(counts());
      tests.chisquare = { statistic: r.statistic, p_value: r.p_value, df: r.df };
      return { statistic: r.statistic, p_value: r.p_value, score: r.p_value };
    }
    case 'ztest': {
      const r = zTest(counts());
      tests.ztest = r;
      return { statistic: r.statistic, p_value: r.p_value, score: r.p_value };
    }
  }
}

/** Tests that apply to a column beside the deciding one. */
function applicableTests(facts: ColumnFacts): DriftTest[] {
  const out: DriftTest[] = facts.kind === 'numeric' ? ['ks', 'wasserstein', 'psi', 'jensenshannon'] : ['chisquare', 'psi', 'jensenshannon'];
  if (facts.kind === 'numeric' && facts.combinedUnique <= MAX_VALUES_AS_CATEGORIES) out.push('chisquare');
  if (facts.combinedUnique <= 2) out.push('ztest');
  return out;
}

/** Full drift of a column whose two sides both have values. */
export function featureDrift(name: string, ref: Sample, cur: Sample, opts: ColumnOptions): FeatureDrift {
  const facts = columnFacts(ref, cur);
  const choice = chooseTest(opts.method, facts);
  const threshold = thresholdFor(choice.test, opts.threshold, choice.fallback);
  const tests: DriftTests = {};
  const cache: { bins?: Binned; counts?: KeyCounts } = {};
  const decided = runTest(choice.test, ref, cur, facts, tests, cache);
  for (const t of applicableTests(facts)) if (t !== choice.test) runTest(t, ref, cur, facts, tests, cache);
  const notes: string[] = [];
  if (tests.chisquare && tests.chisquare.statistic === null) {
    notes.push('Chi-square: values absent from the reference have an expected count of 0, so the statistic is infinite and p = 0 (as scipy and Evidently).');
  }
  const out: FeatureDrift = {
    column: name,
    kind: facts.kind,
    method: choice.test,
    reason: choice.reason,
    statistic: decided.statistic,
    p_value: decided.p_value,
    score: decided.score,
    threshold,
    rule: ruleText(choice.test, threshold),
    drifted: isDrift(choice.test, decided.score, threshold),
    tests,
    binning: cache.bins?.binning ?? null,
    unique: { reference: facts.referenceUnique, current: facts.currentUnique, combined: facts.combinedUnique },
    missing: sideMissing(ref, cur),
    summary: summaries(ref, cur),
    histogram: histogram(ref, cur, cache),
    notes,
  };
  if (facts.kind === 'categorical' || facts.combinedUnique <= MAX_VALUES_AS_CATEGORIES) {
    const kc = (cache.counts ??= keyCounts(ref, cur));
    out.new_categories = kc.keys.filter((_, k) => kc.reference[k] === 0).map(String);
    out.missing_categories = kc.keys.filter((_, k) => kc.current[k] === 0).map(String);
  }
  return out;
}

/** The deciding test only. */
export function columnScore(ref: Sample, cur: Sample, opts: ColumnOptions): ColumnScore {
  if (sampleSize(cur) === 0) return { method: 'none', score: null, drifted: true };
  const facts = columnFacts(ref, cur);
  const choice = chooseTest(opts.method, facts);
  const threshold = thresholdFor(choice.test, opts.threshold, choice.fallback);
  const r = runTest(choice.test, ref, cur, facts, {}, {});
  return { method: choice.test, score: r.score, drifted: isDrift(choice.test, r.score, threshold) };
}

export function sideMissing(ref: Sample, cur: Sample) {
  const miss = (s: Sample) => (s.kind === 'numeric' ? s.missing + s.infinite : s.missing);
  return missingDrift(miss(ref), ref.rows, miss(cur), cur.rows);
}

export function summaries(ref: Sample, cur: Sample): FeatureDrift['summary'] {
  const one = (s: Sample) => (s.kind === 'numeric' ? numericSummary(s) : categoricalSummary(s));
  return { reference: one(ref), current: one(cur) };
}

function histogram(ref: Sample, cur: Sample, cache: { counts?: KeyCounts }): FeatureDrift['histogram'] {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') return numericHistogram(ref, cur);
  const kc = (cache.counts ??= keyCounts(ref, cur));
  return categoricalHistogram(kc.keys.map(String), kc.reference, kc.current, sampleSize(ref), sampleSize(cur));
}

/** A column whose current side has no values at all: drifted, with no test. */
export function emptyCurrentDrift(name: string, ref: Sample, cur: Sample, method: DriftMethod): FeatureDrift {
  const kind = ref.kind;
  const refUnique = kind === 'numeric' ? distinctCount((ref as NumericSample).sorted) : (ref as CategoricalSample).counts.size;
  return {
    column: name,
    kind,
    method: 'none',
    reason: `every value of \`${name}\` is missing in the current data (the reference has ${sampleSize(ref)}), so no test can run; counted as drifted`,
    statistic: null,
    p_value: null,
    score: null,
    threshold: null,
    rule: 'no current values',
    drifted: true,
    tests: {},
    binning: null,
    unique: { reference: refUnique, current: 0, combined: refUnique },
    missing: sideMissing(ref, cur),
    summary: summaries(ref, cur),
    histogram: histogram(ref, cur, {}),
    notes: [`Requested method: ${method}.`],
  };
}
