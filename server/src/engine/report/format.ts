/** Number and text formatting shared by every report format, so HTML, Markdown and JUnit agree. */

/** 4 significant decimals, exponent for very small or large values, `n/a` for missing. */
export function fmt(v: number | null | undefined, decimals = 4): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'n/a';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return v.toExponential(2);
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(decimals).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** A signed number for deltas: `+0.0123`, `-0.5`, `0`. */
export function fmtSigned(v: number | null | undefined, decimals = 4): string {
  const s = fmt(v, decimals);
  return typeof v === 'number' && v > 0 && Number.isFinite(v) ? `+${s}` : s;
}

/** A share as a percentage: `12.3%`. */
export function pct(v: number | null | undefined, decimals = 1): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'n/a';
  return `${(v * 100).toFixed(decimals)}%`;
}

export function interval(ci: { low: number; high: number } | null | undefined): string {
  return ci ? `[${fmt(ci.low)}, ${fmt(ci.high)}]` : '';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** XML text and attribute values; characters XML 1.0 forbids (most C0 controls) are dropped. */
export function escapeXml(s: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Markdown table cell: pipes escaped, newlines flattened. */
export function mdCell(s: unknown): string {
  return String(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function mdTable(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const sep = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((r) => `| ${r.map((c, i) => (i < header.length && r !== sep ? mdCell(c) : c)).join(' | ')} |`).join('\n');
}
