/** A comparison as text for terminals and as Markdown for pull-request comments. */
import { fmt, fmtSigned, interval, mdTable } from '../report/format';
import type { CompareResult } from './types';

const KEY_FAIRNESS = /^(demographic_parity|equalized_odds|equal_opportunity|disparate_impact)/;

export function formatCompareText(r: CompareResult): string {
  const lines = [`${r.name}: champion ${r.champion.model} vs challenger ${r.challenger.model}${r.challenger.spec !== r.champion.spec ? ` (${r.challenger.spec})` : ''} on ${r.rows} rows of ${r.data}`, ''];
  const names = Object.keys(r.metrics);
  const w = Math.max(6, ...names.map((n) => n.length));
  lines.push(`  ${'metric'.padEnd(w)}  ${'champion'.padStart(9)}  ${'challenger'.padStart(10)}  ${'delta'.padStart(9)}  95% CI (paired)`);
  for (const n of names) {
    const m = r.metrics[n];
    lines.push(`  ${n.padEnd(w)}  ${fmt(m.champion).padStart(9)}  ${fmt(m.challenger).padStart(10)}  ${fmtSigned(m.delta).padStart(9)}  ${interval(m.interval)}`);
  }
  if (r.disagreement_rate !== null) lines.push('', `Disagreement: the models predict different labels on ${r.disagreements} of ${r.rows} rows (${fmt(r.disagreement_rate)}).`);
  if (r.mcnemar) lines.push(`McNemar's test (${r.mcnemar.method}): champion-only correct ${r.mcnemar.b}, challenger-only correct ${r.mcnemar.c}, p = ${fmt(r.mcnemar.p_value)}.`);
  if (r.fairness) {
    lines.push('', `Fairness by ${r.fairness.sensitive.join(' x ')}:`);
    for (const [k, d] of Object.entries(r.fairness.metrics).filter(([k]) => KEY_FAIRNESS.test(k))) {
      lines.push(`  ${k.padEnd(30)} ${fmt(d.champion).padStart(9)} -> ${fmt(d.challenger).padStart(9)}  (${fmtSigned(d.delta)}${d.interval ? `, 95% CI ${interval(d.interval)}` : ''})`);
    }
    const rate = r.fairness.group_metrics.includes('selection_rate') ? 'selection_rate' : r.fairness.group_metrics[0];
    if (rate) {
      lines.push(`  ${rate} by group:`);
      for (const g of r.fairness.groups) {
        const d = g.metrics[rate];
        lines.push(`    ${g.label.padEnd(28)} ${fmt(d?.champion).padStart(9)} -> ${fmt(d?.challenger).padStart(9)}  (${fmtSigned(d?.delta)})`);
      }
    }
  }
  if (r.gates.length) {
    lines.push('', 'Compare gates:');
    for (const g of r.gates) lines.push(`  ${g.passed ? 'PASS' : 'FAIL'}  ${g.metric} = ${fmtSigned(g.value)} (gate ${g.condition})${g.note ? `: ${g.note}` : ''}`);
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  lines.push('', r.verdict);
  return lines.join('\n');
}

export function compareMarkdown(r: CompareResult): string {
  const out = [`### ${r.gates.length ? (r.passed ? '✅' : '❌') : 'ℹ️'} Plumb compare: \`${r.name}\``, '', `Champion \`${r.champion.model}\` vs challenger \`${r.challenger.model}\` on ${r.rows} rows of \`${r.data}\`.`, ''];
  out.push(mdTable(['Metric', 'Champion', 'Challenger', 'Δ', '95% CI (paired)'], Object.entries(r.metrics).map(([k, m]) => [k, fmt(m.champion), fmt(m.challenger), fmtSigned(m.delta), interval(m.interval)]), ['l', 'r', 'r', 'r', 'r']), '');
  if (r.mcnemar) out.push(`McNemar (${r.mcnemar.method}): p = ${fmt(r.mcnemar.p_value)} (champion-only correct ${r.mcnemar.b}, challenger-only ${r.mcnemar.c}); disagreement rate ${fmt(r.disagreement_rate)}.`, '');
  if (r.fairness) out.push(mdTable(['Fairness', 'Champion', 'Challenger', 'Δ', '95% CI (paired)'], Object.entries(r.fairness.metrics).filter(([k]) => KEY_FAIRNESS.test(k)).map(([k, d]) => [k, fmt(d.champion), fmt(d.challenger), fmtSigned(d.delta), interval(d.interval)]), ['l', 'r', 'r', 'r', 'r']), '');
  if (r.gates.length) out.push(mdTable(['', 'Gate', 'Value', 'Condition'], r.gates.map((g) => [g.passed ? '✅' : '❌', g.metric, fmtSigned(g.value), g.condition]), ['l', 'l', 'r', 'l']), '');
  out.push(r.verdict);
  return out.join('\n') + '\n';
}
