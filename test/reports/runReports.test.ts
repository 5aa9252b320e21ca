// `plumb run --html --junit --sarif --markdown` on the bundled example, through the built CLI.
// JUnit is checked against the Ant JUnit schema's rules, SARIF against the SARIF 2.1.0 schema's
// definitions (sarifSchema.ts), the HTML in headless Chromium against the run's own JSON.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { junitSchemaErrors, parseXml } from '../../server/src/engine/report/xmlStructure';
import { sarifErrors } from './sarifSchema';
import { CHROMIUM, CHROMIUM_ARGS, EXAMPLE, fmt4, leftovers, plumb, scratch } from './helpers';

interface Gate { section: string; metric: string; condition: string; value: number | null; passed: boolean }
interface RunJson {
  passed: boolean;
  gates: Gate[];
  evaluation: { metrics: Record<string, number | null>; intervals: Record<string, { low: number; high: number } | null> };
  fairness: { groups: { label: string; count: number; selection_rate: number }[]; metrics: Record<string, number> };
  drift: { features: Record<string, { drifted: boolean }>; drift_share: number };
  monitoring: { windows: unknown[] };
}

const out = scratch();
const files = { html: join(out, 'reports/report.html'), junit: join(out, 'reports/junit.xml'), sarif: join(out, 'reports/plumb.sarif'), markdown: join(out, 'reports/comment.md'), json: join(out, 'run.json') };
let run: { code: number; stdout: string; stderr: string };
let json: RunJson;

before(() => {
  run = plumb(['run', join(EXAMPLE, 'credit-risk.plumb.yaml'), '--quiet', '--format', 'json', '--out', files.json, '--html', files.html, '--junit', files.junit, '--sarif', files.sarif, '--markdown', files.markdown]);
  json = JSON.parse(readFileSync(files.json, 'utf8'));
});

test('the run passes and writes every report (into a new folder, atomically)', () => {
  assert.equal(run.code, 0, run.stderr);
  for (const kind of ['html', 'junit', 'sarif', 'markdown']) assert.match(run.stderr, new RegExp(`wrote ${kind} report`));
  assert.deepEqual(leftovers(join(out, 'reports')), []);
  assert.ok(json.gates.length >= 5);
});

test('JUnit: valid against the Ant schema rules, one testcase per gate, one suite per section', () => {
  const root = parseXml(readFileSync(files.junit, 'utf8'));
  assert.deepEqual(junitSchemaErrors(root), []);
  const sections = [...new Set(json.gates.map((g) => g.section))];
  assert.deepEqual(root.children.map((s) => s.attributes.name), sections);
  const cases = root.children.flatMap((s) => s.children.filter((c) => c.name === 'testcase').map((c) => `${s.attributes.name}.${c.attributes.name}`));
  assert.deepEqual(cases, json.gates.map((g) => `${g.section}.${g.metric} ${g.condition}`));
  assert.equal(root.children.reduce((a, s) => a + Number(s.attributes.failures), 0), 0);
});

test('SARIF: valid 2.1.0 structure, and no results for a clean spec with passing gates', () => {
  const log = JSON.parse(readFileSync(files.sarif, 'utf8'));
  assert.deepEqual(sarifErrors(log), []);
  assert.deepEqual(log.runs[0].results, []);
});

test('Markdown: the verdict and the gate values', () => {
  const md = readFileSync(files.markdown, 'utf8');
  assert.match(md, /^### ✅ Plumb: `credit-risk`/);
  const roc = json.gates.find((g) => g.metric === 'roc_auc')!;
  assert.ok(md.includes(`| ✅ | evaluation.roc_auc | ${fmt4(roc.value!)} | ${roc.condition} |`));
});

test('HTML in headless Chromium: no network, charts drawn, numbers equal to the JSON', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`file://${files.html}`);
    assert.deepEqual(requests, [`file://${files.html}`]);
    assert.deepEqual(problems, []);
    const text = (sel: string) => page.locator(sel).first().innerText();
    // Shown rounded to 4 decimals (or 3 significant digits in exponent form): equal within that rounding.
    const same = (shown: string, value: number, what: string) => assert.ok(Math.abs(Number(shown) - value) <= 5e-5 * Math.max(1, Math.abs(value)) || Math.abs(Number(shown) - value) <= 5e-3 * Math.abs(value), `${what}: shown ${shown}, JSON ${value}`);
    same(await text('[data-metric="roc_auc"]'), json.evaluation.metrics.roc_auc!, 'roc_auc');
    assert.equal(await text('[data-metric="roc_auc"]'), fmt4(json.evaluation.metrics.roc_auc!));
    const ci = json.evaluation.intervals.roc_auc!;
    assert.equal(await page.locator('[data-metric-row="roc_auc"] td').nth(2).innerText(), `[${fmt4(ci.low)}, ${fmt4(ci.high)}]`);
    assert.equal(await page.locator('#verdict').getAttribute('data-passed'), 'true');
    assert.equal(await page.locator('tr[data-gate]').count(), json.gates.length);
    for (const g of json.gates) same(await page.locator(`tr[data-gate="${g.section}.${g.metric}"] td[data-value]`).innerText(), g.value!, `gate ${g.metric}`);
    assert.equal(await page.locator('tr[data-group]').count(), json.fairness.groups.length);
    for (const g of json.fairness.groups) same(await page.locator(`tr[data-group="${g.label}"] td`).nth(3).innerText(), g.selection_rate, `selection rate of ${g.label}`);
    same(await text('[data-fairness="demographic_parity_ratio"]'), json.fairness.metrics.demographic_parity_ratio, 'demographic_parity_ratio');
    assert.equal(await page.locator('#drift tr[data-column]').count(), Object.keys(json.drift.features).length + 1);
    assert.equal(await page.locator('#drift tr[data-column].fail').count(), Object.values(json.drift.features).filter((f) => f.drifted).length);
    assert.equal(await page.locator('#monitoring table.windows tbody tr').count(), json.monitoring.windows.length);
    assert.ok((await text('#explain p.summary')).length > 20);
    const svgs = await page.locator('svg.chart').evaluateAll((els) => els.map((e) => ({ w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height, marks: e.querySelectorAll('polyline, rect.bar').length })));
    assert.ok(svgs.length >= 8, `${svgs.length} charts`);
    for (const s of svgs) assert.ok(s.w > 100 && s.h > 50 && s.marks > 0, JSON.stringify(s));
  } finally {
    await browser.close();
  }
});
