/** Number and label text for the charts (axes, value labels, what a screen reader says), and extents. */

/** Short number text: 3 significant digits, thousands as k/M, no "-0". */
export function shortNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e6) return `${trim((v / 1e6).toPrecision(3))}M`;
  if (a >= 1e4) return `${trim((v / 1e3).toPrecision(3))}k`;
  if (a === 0) return '0';
  if (a < 1e-3) return v.toExponential(1);
  return trim(v.toPrecision(3));
}

function trim(s: string): string {
  return s.includes('e') || !s.includes('.') ? s : s.replace(/\.?0+$/, '');
}

/** A share as a percentage with up to 3 significant digits ("25%", "12.5%"). */
export function percent(v: number): string {
  return `${shortNumber(v * 100)}%`;
}

/** [min, max] of the finite values (with `extra` values included); [0, 1] when there are none. */
export function extent(values: Iterable<number>, extra: number[] = []): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...extra]) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  // A flat extent gets some room, so a scale can place it (0 alone becomes [0, 1]).
  if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)];
  return [lo, hi];
}

/** A text that fits `max` characters, with an ellipsis. */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`;
}

/** Space around a chart's plot area, in pixels (the axes and labels go there). */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
