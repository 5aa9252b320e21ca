/**
 * Paired bootstrap of metric differences: each resample draws N row indices with replacement
 * (seeded util/random) and scores BOTH models on those same rows, so the interval of
 * challenger - champion reflects only how the models differ, not how the rows vary. (Resampling
 * the two models independently would give intervals several times wider for correlated models.)
 * The interval is the percentile interval of the resampled differences, computed as the metrics'
 * own bootstrap does (metrics/bootstrap.ts): per-row multiplicities over the prepared inputs, NaN
 * resamples left out, null when the difference is undefined on more than half of them.
 */
import { throwIfCancelled, type CancelSignal } from '../errors';
import { PlumbError } from '../errors';
import { interval, type Interval } from '../metrics/bootstrap';
import { evaluateWeighted, metricFunction } from '../metrics/compute';
import { prepare } from '../metrics/prepared';
import type { MetricInput } from '../metrics/types';
import { Random } from '../util/random';

export interface PairedOptions {
  n?: number;
  seed?: number;
  level?: number;
  signal?: CancelSignal;
}

export interface PairedMetric {
  champion: number | null;
  challenger: number | null;
  /** challenger - champion. */
  delta: number | null;
  interval: Interval | null;
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

export function pairedBootstrap(names: readonly string[], champion: MetricInput, challenger: MetricInput, o: PairedOptions = {}): Record<string, PairedMetric> {
  if (champion.y.length !== challenger.y.length || champion.kind !== challenger.kind) {
    throw new PlumbError('compare.unpaired', `paired bootstrap needs both models scored on the same rows: ${champion.y.length} rows (${champion.kind}) vs ${challenger.y.length} rows (${challenger.kind}).`);
  }
  const resamples = o.n ?? 200;
  const level = o.level ?? 0.95;
  const fa = names.map((n) => metricFunction(n, champion.kind));
  const fb = names.map((n) => metricFunction(n, challenger.kind));
  const pa = prepare(champion);
  const pb = prepare(challenger);
  const rows = pa.n;
  const a = new Float64Array(names.length);
  const b = new Float64Array(names.length);
  evaluateWeighted(fa, pa, null, a);
  evaluateWeighted(fb, pb, null, b);
  const point = names.map((_, m) => [a[m], b[m]]);
  const deltas = names.map(() => new Float64Array(resamples));
  if (rows > 0) {
    const rng = new Random(o.seed ?? 0);
    const w = new Int32Array(rows);
    for (let r = 0; r < resamples; r++) {
      throwIfCancelled(o.signal);
      w.fill(0);
      for (let j = 0; j < rows; j++) w[rng.int(rows)]++;
      evaluateWeighted(fa, pa, w, a);
      evaluateWeighted(fb, pb, w, b);
      for (let m = 0; m < names.length; m++) deltas[m][r] = b[m] - a[m];
    }
  }
  const out: Record<string, PairedMetric> = {};
  names.forEach((name, m) => {
    const [va, vb] = point[m];
    const delta = vb - va;
    out[name] = {
      champion: orNull(va),
      challenger: orNull(vb),
      delta: orNull(delta),
      interval: rows > 0 && resamples > 0 && !Number.isNaN(delta) ? interval(deltas[m], level) : null,
    };
  });
  return out;
}
