/** The text format of `plumb run`: short tables and gates with pass/fail marks, for people. */
import { relative } from 'node:path';
import type { RunResult } from '../engine/run/runChecks';
import type { GateResult } from '../engine/run/gates';

const fmt = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : Math.abs(v) >= 1000 || (Math.abs(v) < 0.001 && v !== 0) ? v.toExponential(2) : v.toFixed(4).replace(/\.?0+$/, '') || '0');

export function formatGate(g: GateResult): string {
  return `${g.passed ? 'PASS' : 'FAIL'}  ${g.section}.${g.metric} = ${fmt(g.value)} (gate ${g.condition})${g.note ? `: ${g.note}` : ''}`;
}

export function formatRunText(r: RunResult): string {
  const lines: string[] = [`${r.name} (${relative(process.cwd(), r.spec)})`];
  const ev = r.evaluation;
  if (ev) {
    lines.push('', `Evaluation on ${ev.rows} rows${ev.threshold !== undefined ? ` (threshold ${ev.threshold})` : ''}:`);
    const width = Math.max(...Object.keys(ev.metrics).map((k) => k.length));
    for (const [k, v] of Object.entries(ev.metrics)) {
      const ci = ev.intervals[k];
      lines.push(`  ${k.padEnd(width)}  ${fmt(v).padStart(8)}${ci ? `  [${fmt(ci.low)}, ${fmt(ci.high)}]` : ''}`);
    }
    for (const n of ev.notes) lines.push(`  note: ${n}`);
  }
  const fair = r.fairness as { groups?: { label: string; count: number; selection_rate?: number | null }[]; metrics?: Record<string, number | null>; warnings?: string[] } | undefined;
  if (fair?.groups) {
    lines.push('', `Fairness across ${fair.groups.length} group(s):`);
    for (const g of fair.groups.slice(0, 20)) lines.push(`  ${g.label.padEnd(30)} n=${String(g.count).padStart(7)}${g.selection_rate !== undefined ? `  selection rate ${fmt(g.selection_rate)}` : ''}`);
    for (const [k, v] of Object.entries(fair.metrics ?? {}).filter(([k]) => /^(demographic|equalized|equal_opportunity)/.test(k))) lines.push(`  ${k}: ${fmt(v)}`);
    for (const w of fair.warnings ?? []) lines.push(`  warning: ${w}`);
  }
  const drift = r.drift as { features?: Record<string, { method: string; statistic?: number; p_value?: number | null; drifted: boolean }>; drift_share?: number; dataset_drift?: boolean } | undefined;
  if (drift?.features) {
    lines.push('', `Drift: ${fmt(drift.drift_share)} of columns drifted${drift.dataset_drift ? ' (data set drift)' : ''}:`);
    for (const [c, f] of Object.entries(drift.features)) lines.push(`  ${c.padEnd(24)} ${f.method.padEnd(14)} ${fmt(f.p_value ?? f.statistic).padStart(10)}  ${f.drifted ? 'DRIFTED' : 'ok'}`);
  }
  const mon = r.monitoring as { windows?: { start: string; rows: number; drift_share: number }[]; recommendation?: string } | undefined;
  if (mon?.windows) {
    lines.push('', `Monitoring over ${mon.windows.length} window(s):`);
    for (const w of mon.windows) lines.push(`  ${String(w.start).slice(0, 10)}  rows ${String(w.rows).padStart(6)}  drift share ${fmt(w.drift_share)}`);
    if (mon.recommendation) lines.push(`  ${mon.recommendation}`);
  }
  const ex = r.explain as { summary?: string } | undefined;
  if (ex?.summary) lines.push('', `Explanation: ${ex.summary}`);
  if (r.gates.length) {
    lines.push('', 'Gates:');
    for (const g of r.gates) lines.push(`  ${formatGate(g)}`);
  }
  const failed = r.gates.filter((g) => !g.passed).length;
  lines.push('', r.gates.length ? (failed ? `${failed} of ${r.gates.length} gate(s) failed.` : `All ${r.gates.length} gate(s) passed.`) : 'No gates.');
  return lines.join('\n');
}
