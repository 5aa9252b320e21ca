/**
 * `plumb run --html FILE`: one self-contained HTML page (inline CSS and SVG, no script, and a
 * Content-Security-Policy that forbids every fetch), readable by someone who never opened VS Code.
 */
import { basename } from 'node:path';
import type { RunResult } from '../run/runChecks';
import { escapeHtml as h, fmt } from './format';
import { driftHtml, evaluationHtml, explainHtml, fairnessHtml, gatesHtml, monitoringHtml } from './htmlSections';

export interface HtmlOptions {
  /** When the report was made (default: now). */
  generatedAt?: string;
  /** The spec's description, shown under the title. */
  description?: string;
}

const CSS = `
:root{color-scheme:light;--fg:#111827;--muted:#6b7280;--line:#e5e7eb;--pass:#15803d;--fail:#b91c1c}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:32px}h3{font-size:15px}
.muted{color:var(--muted)}code{font:12.5px ui-monospace,Menlo,Consolas,monospace}
table{border-collapse:collapse;margin:8px 0 16px}th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.fail td{background:#fef2f2}tr.small td{color:var(--muted)}
.badge{display:inline-block;border-radius:3px;padding:0 6px;font-weight:600;font-size:12px;color:#fff}.badge.pass{background:var(--pass)}.badge.fail{background:var(--fail)}
.verdict{font-size:18px;font-weight:600;margin:12px 0}.verdict.pass{color:var(--pass)}.verdict.fail{color:var(--fail)}
nav a{margin-right:12px}.charts{display:flex;flex-wrap:wrap;gap:16px;margin:8px 0}
svg.chart{font:11px system-ui,sans-serif;background:#fff;border:1px solid var(--line)}svg .grid{stroke:#f3f4f6}svg .frame{fill:none;stroke:#d1d5db}
svg .bar{fill:#60a5fa}svg .bar.flagged{fill:#f87171}svg .whisker{stroke:#1f2937}svg .refline{stroke:#6b7280;stroke-dasharray:3 3}svg .title{font-weight:600;font-size:12px}svg .axis{fill:var(--muted)}
ul.notes{color:var(--muted)}p.summary{font-size:15px}
@media print{nav{display:none}body{max-width:none}}
`;

export function renderHtmlReport(r: RunResult, o: HtmlOptions = {}): string {
  const failed = r.gates.filter((g) => !g.passed).length;
  const sections = [gatesHtml(r), evaluationHtml(r), fairnessHtml(r), driftHtml(r), monitoringHtml(r), explainHtml(r)].filter(Boolean);
  const nav = ['gates', ...r.sections.filter((s) => s !== 'monitoring' || r.monitoring)].map((s) => `<a href="#${s}">${s}</a>`).join('');
  const verdict = r.gates.length ? (r.passed ? `Passed: all ${r.gates.length} gate(s) hold.` : `Failed: ${failed} of ${r.gates.length} gate(s) do not hold.`) : 'No gates.';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plumb">
<title>${h(r.name)}: Plumb report</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(r.name)}</h1>
${o.description ? `<p>${h(o.description)}</p>` : ''}
<p class="muted">Spec <code>${h(basename(r.spec))}</code> · sections ${r.sections.map(h).join(', ') || 'none'} · ${fmt(r.seconds)} s · generated ${h(o.generatedAt ?? new Date().toISOString())} by Plumb</p>
<p class="verdict ${r.passed ? 'pass' : 'fail'}" id="verdict" data-passed="${r.passed}">${verdict}</p>
<nav>${nav}</nav>
</header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
