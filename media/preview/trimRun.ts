/**
 * Makes the preview sample from a real run: `node dist/cli.js run examples/credit-risk/credit-risk.plumb.yaml
 * --format json > run.json`, then `node --import tsx media/preview/trimRun.ts run.json > media/preview/samples/credit-risk.run.json`.
 * Keeps everything the panels show and drops what they do not (per-test details, summaries, most ICE curves).
 */
import { readFileSync } from 'node:fs';

const run = JSON.parse(readFileSync(process.argv[2], 'utf8'));
run.spec = 'examples/credit-risk/credit-risk.plumb.yaml';
for (const f of Object.values(run.drift?.features ?? {}) as Record<string, unknown>[]) {
  delete f.tests;
  delete f.summary;
  delete f.binning;
}
if (run.drift?.prediction_drift) for (const k of ['tests', 'summary', 'binning']) delete run.drift.prediction_drift[k];
for (const p of run.explain?.partial_dependence ?? []) {
  p.ice = p.ice.slice(0, 15);
  p.ice_rows = p.ice_rows.slice(0, 15);
}
const round = (v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(8)) : Array.isArray(v) ? v.map(round) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)])) : v);
process.stdout.write(JSON.stringify(round(run)) + '\n');
