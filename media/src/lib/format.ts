/** Number and date text for the panels; undefined values read "—" (never 0). */

export const DASH = '—';

/** A metric value: up to 4 significant digits for small magnitudes, separators for large ones. */
export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a === 0) return '0';
  if (a < 0.001) return v.toExponential(2);
  return Number(v.toFixed(a >= 100 ? 1 : a >= 10 ? 2 : digits)).toString();
}

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? DASH : `${(v * 100).toFixed(digits)}%`;
}

export function count(v: number): string {
  return Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : DASH;
}

/** A signed difference, e.g. "+0.012" or "−0.3". */
export function delta(v: number, digits = 3): string {
  if (!Number.isFinite(v) || v === 0) return '±0';
  return `${v > 0 ? '+' : '−'}${fmt(Math.abs(v), digits)}`;
}

/** "2024-05-03 14:02" in the viewer's time zone. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `metric_name` -> "metric name". */
export function label(name: string): string {
  return name.replace(/_/g, ' ');
}
