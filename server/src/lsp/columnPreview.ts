/** How a column's preview reads in a hover and in a completion item's detail. */
import type { ColumnPreview, TablePreview } from '../engine/data';

const count = (n: number) => n.toLocaleString('en-US');

function value(v: number, type: ColumnPreview['type']): string {
  if (type === 'datetime') return new Date(v).toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  return Number.isInteger(v) ? count(v) : String(Number(v.toPrecision(6)));
}

/** "in its first 1,000 rows" or "in all 120 rows". */
export function rowsRead(p: TablePreview): string {
  return p.complete ? `in all ${count(p.rows)} rows` : `in its first ${count(p.rows)} rows`;
}

/** One line: range and mean, or the most frequent values; then the missing count. */
export function summary(c: ColumnPreview): string {
  const parts: string[] = [];
  if (c.top && c.distinct !== undefined) {
    const shown = c.top.map((t) => `\`${t.value.replace(/`/g, "'")}\` (${count(t.count)})`).join(', ');
    parts.push(`${count(c.distinct)} distinct value${c.distinct === 1 ? '' : 's'}${shown ? `: ${shown}${c.distinct > c.top.length ? ', …' : ''}` : ''}`);
  } else if (c.min !== undefined && c.min !== null && c.max !== undefined && c.max !== null) {
    parts.push(c.min === c.max ? `always ${value(c.min, c.type)}` : `${value(c.min, c.type)} to ${value(c.max, c.type)}`);
    if (c.type === 'numeric' && c.min !== c.max && c.mean !== undefined && c.mean !== null) parts.push(`mean ${value(c.mean, 'numeric')}`);
  } else if (c.rows > 0) {
    parts.push('no values');
  }
  parts.push(`${count(c.missing)} missing`);
  return parts.join('; ');
}

export function hoverText(name: string, file: string, p: TablePreview): string | null {
  const c = p.columns[name];
  if (!c) return null;
  return `**${name}**: ${c.type} column of \`${file}\`\n\n${rowsRead(p).replace(/^i/, 'I')}: ${summary(c)}.`;
}

/** A completion item's detail, e.g. "numeric · 21 to 75; mean 35.5; 0 missing". */
export function detailText(name: string, p: TablePreview): string | undefined {
  const c = p.columns[name];
  return c ? `${c.type} · ${summary(c)}` : undefined;
}
