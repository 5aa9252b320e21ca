/**
 * Power of an A/B test on a proportion: the two-sided two-proportion z-test at alpha = 0.05 with
 * the pooled variance under the null and the unpooled one under the alternative (the normal
 * approximation in Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", without
 * continuity correction). For a control rate p1, a
 * treatment rate p2 = p1 + d and arms of n1 and n2 rows:
 *
 *   pbar  = (n1 p1 + n2 p2) / (n1 + n2)
 *   se0   = sqrt(pbar (1 - pbar) (1/n1 + 1/n2))          (standard error under H0)
 *   se1   = sqrt(p1 (1 - p1) / n1 + p2 (1 - p2) / n2)     (standard error under H1)
 *   power = Phi((|d| - z se0) / se1) + Phi((-|d| - z se0) / se1),   z = Phi^-1(1 - alpha / 2) = 1.95996
 *
 * The second term (rejecting in the wrong direction) is negligible but kept so the value is the
 * exact probability of rejecting under the normal approximation. The sample size for a target
 * power is the smallest n for the smallest arm (others scaled by their share) found by bisection.
 */
import { normalCdf, normalQuantile } from '../compare/special';

export const AB_ALPHA = 0.05;
export const TARGET_POWER = 0.8;

export function twoProportionPower(p1: number, p2: number, n1: number, n2: number, alpha = AB_ALPHA): number {
  if (!(n1 > 0 && n2 > 0) || !(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) return NaN;
  const d = Math.abs(p2 - p1);
  const z = normalQuantile(1 - alpha / 2);
  const pbar = (n1 * p1 + n2 * p2) / (n1 + n2);
  const se0 = Math.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2));
  const se1 = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return normalCdf((d - z * se0) / se1) + normalCdf((-d - z * se0) / se1);
}

export interface AbArm {
  name: string;
  share: number;
  /** Rows this arm has when the smallest arm reaches min_sample_size. */
  rows: number;
}

export interface AbPower {
  alpha: number;
  control: string;
  baseline: number;
  effect: number;
  arms: AbArm[];
  /** The lowest power over the treatment arms (each against the control). */
  power: number;
  /** Rows for the smallest arm to reach TARGET_POWER. */
  rows_for_target: number | null;
  target: number;
}

/** Arm sizes when the smallest arm has `minRows`: each arm scaled by its share. */
export function armSizes(splits: Record<string, number>, minRows: number): AbArm[] {
  const entries = Object.entries(splits);
  const smallest = Math.min(...entries.map(([, s]) => s));
  return entries.map(([name, share]) => ({ name, share, rows: Math.round((minRows * share) / smallest) }));
}

export function abPower(splits: Record<string, number>, minRows: number, baseline: number, effect: number, alpha = AB_ALPHA, target = TARGET_POWER): AbPower {
  const arms = armSizes(splits, minRows);
  const [control, ...treatments] = arms;
  const p2 = baseline + effect;
  const powerAt = (rows: number) => {
    const a = armSizes(splits, rows);
    return Math.min(...a.slice(1).map((t) => twoProportionPower(baseline, p2, a[0].rows, t.rows, alpha)));
  };
  const power = treatments.length ? Math.min(...treatments.map((t) => twoProportionPower(baseline, p2, control.rows, t.rows, alpha))) : NaN;
  let rowsForTarget: number | null = null;
  if (treatments.length && p2 > 0 && p2 < 1) {
    let lo = 1;
    let hi = 2;
    while (powerAt(hi) < target && hi < 1e12) hi *= 2;
    if (powerAt(hi) >= target) {
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (powerAt(mid) >= target) hi = mid;
        else lo = mid;
      }
      rowsForTarget = hi;
    }
  }
  return { alpha, control: control?.name ?? '', baseline, effect, arms, power, rows_for_target: rowsForTarget, target };
}
