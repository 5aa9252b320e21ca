/**
 * The result panels as a user sees them: the packaged VSIX installed into code-server, the example
 * workspace open in chromium, every check run from the command palette, and the numbers read from
 * inside each panel's webview compared with what `plumb run --format json` (the CLI, run by this
 * test on the same files) reports. Also: Cancel on the progress notification, the status bar, the
 * Testing view, the threshold slider against the run's threshold sweep, an Explain Row round trip
 * against `plumb explain --row`, Compare with Challenger against `plumb compare`, and the panels
 * coming back after Reload Window. Screenshots of each panel go to
 * test-results/screenshots/<panel>-panel.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { editorToolsPresent } from './harness';
import { SCREENSHOTS, uiSession } from './session';
import { ROOT, SPEC_NAME } from './workspace';
import { writeCompareFixture } from '../../server/src/engine/compare/testFixture';
import { assertShows, escapeRe, PLUMB_STATUS, runCommand, typePathUntilListed, visibleWebview, waitForActiveTab } from './workbench';

const DOCS = join(ROOT, 'docs', 'screenshots');
// docs/screenshots/vscode-<panel>.png (linked from the README) are rewritten only on request, so that
// a test run does not leave committed files modified: PLUMB_UPDATE_SCREENSHOTS=1 npm test -- panelsUi
const UPDATE_DOCS = process.env.PLUMB_UPDATE_SCREENSHOTS === '1';
const MAX_DOC_BYTES = 250_000;
const SLOW_NAME = 'slow.plumb.yaml';

interface Gate { section: string; metric: string; condition: string; value: number | null; passed: boolean }
interface SweepPoint { threshold: number; precision: number; recall: number; f1: number; accuracy: number }
interface Group { label: string; count: number; [metric: string]: unknown }
interface CliRun {
  gates: Gate[];
  evaluation: { metrics: Record<string, number>; intervals: Record<string, { low: number; high: number }>; threshold: number; threshold_sweep: { points: SweepPoint[] } };
  fairness: { groups: Group[]; overall: Record<string, number>; group_metrics: string[]; metrics: Record<string, number> };
  drift: { drift_share: number; number_of_columns: number; number_of_drifted_columns: number; features: Record<string, { score: number; drifted: boolean }> };
  explain: { summary: string; baseline: number; importance: Record<string, { mean: number }> };
}
interface CliRow { row: number; base_value: number; prediction: number }
interface CliCompare {
  verdict: string;
  passed: boolean;
  gates: Gate[];
  metrics: Record<string, { champion: number; challenger: number; delta: number; interval: { low: number; high: number } | null }>;
  fairness: { metrics: Record<string, { champion: number; challenger: number; delta: number; interval: { low: number; high: number } | null }> };
}

/** `plumb ARGS --format json`; exit 1 (a gate failed) is expected where `gatesFail`. */
function cli(args: string[], gatesFail = false): unknown {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args, '--format', 'json'], { encoding: 'utf8', timeout: 120_000 });
  assert.ok(r.status === (gatesFail ? 1 : 0), `plumb ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Screenshot of the window (or of the editor area when the window's is too big for docs/). */
async function screenshot(page: Page, panel: string): Promise<void> {
  // The mouse to the empty middle of the status bar (no hover on whatever was clicked last), and
  // the picture once no notification (e.g. a finished progress) or hover is on screen.
  const size = page.viewportSize()!;
  await page.mouse.move(size.width / 2, size.height - 8);
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.notification-toast, .workbench-hover')).some((e) => e.getClientRects().length > 0));
  const file = join(SCREENSHOTS, `${panel}-panel.png`);
  await page.screenshot({ path: file });
  if (statSync(file).size > MAX_DOC_BYTES) await page.locator('.part.editor').screenshot({ path: file });
  const doc = join(DOCS, `vscode-${panel}.png`);
  if (UPDATE_DOCS || !existsSync(doc)) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(file, doc);
  }
}

/**
 * A copy of the example that runs for tens of seconds, so that Cancel always lands while it runs:
 * the eval data repeated 10 times (50,000 rows), all of them used for permutation importance with
 * 100 shuffles per feature, and a 5,000-row SHAP background.
 */
function slowSpec(dir: string): void {
  const text = readFileSync(join(dir, SPEC_NAME), 'utf8');
  const slow = text
    .replace('  eval: data/eval.csv\n', '  eval: data/eval-x10.csv\n')
    .replace('  background: data/background.csv\n', '  background_size: 5000\n  repeats: 100\n  max_rows: 100000\n');
  assert.ok(slow.includes('eval-x10.csv') && slow.includes('max_rows'), `${SPEC_NAME} changed: the slow copy needs its data.eval and explain.background lines`);
  const [header, ...rows] = readFileSync(join(dir, 'data/eval.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'data/eval-x10.csv'), [header, ...Array.from({ length: 10 }, () => rows).flat()].join('\n') + '\n');
  writeFileSync(join(dir, SLOW_NAME), slow);
}

test('from the palette, each check opens its panel with the numbers the CLI reports', async (t) => {
  if (!editorToolsPresent(t)) return;
  let run!: CliRun;
  let row7!: CliRow;
  let comparison!: CliCompare;
  let challenger = '';
  let duelSpec = '';
  const { page, step } = await uiSession(t, 'panels-ui', (ws) => {
    slowSpec(ws.dir);
    const spec = join(ws.dir, SPEC_NAME);
    run = cli(['run', spec]) as CliRun;
    row7 = cli(['explain', spec, '--row', '7']) as CliRow;
    // Champion vs challenger: the challenger is more accurate and much less fair (a compare gate fails).
    duelSpec = writeCompareFixture(join(ws.dir, 'compare')).spec;
    challenger = join(ws.dir, 'compare', 'models', 'challenger.onnx');
    comparison = cli(['compare', duelSpec, '--challenger', challenger], true) as CliCompare;
  });
  assert.equal(comparison.passed, false, 'the fixture\'s challenger fails a compare gate');
  assert.ok(run.gates.length > 0 && run.gates.every((g) => g.passed), 'the example passes its gates');
  const status = page.locator(PLUMB_STATUS);
  const open = async (name: string) => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click();
    await waitForActiveTab(page, name);
    // The extension host has seen the editor change (its status bar item names the spec), so a
    // command run next acts on this spec, not the one before.
    await page.locator(`${PLUMB_STATUS}[aria-label$="(${name})"]`).waitFor({ timeout: 60_000 });
  };

  await step('Cancel on the progress notification stops a running check; nothing is stored or shown', async () => {
    await open(SLOW_NAME);
    await page.locator(`${PLUMB_STATUS}[aria-label="Plumb (${SLOW_NAME})"]`).waitFor({ timeout: 60_000 }); // activated, no result yet
    await runCommand(page, 'Plumb: Run All Checks');
    const toast = page.locator('.notification-toast', { hasText: 'Plumb: running all checks of slow' });
    await page.locator(`${PLUMB_STATUS}[aria-label="Plumb: running (${SLOW_NAME})"]`).waitFor();
    await toast.getByRole('button', { name: 'Cancel' }).click();
    await toast.waitFor({ state: 'hidden' });
    await page.locator(`${PLUMB_STATUS}[aria-label="Plumb (${SLOW_NAME})"]`).waitFor();
    assert.equal(await page.locator('.tabs-container .tab', { hasText: /^Plumb / }).count(), 0, 'no result panel opened');
  });

  await step('Run All Checks: the status bar counts the gates and the Testing view shows each one passed', async () => {
    await open(SPEC_NAME);
    await runCommand(page, 'Plumb: Run All Checks');
    await page.locator(`${PLUMB_STATUS}[aria-label="Plumb: ${run.gates.length} gates passed (${SPEC_NAME})"]`).waitFor({ timeout: 60_000 });
    assert.equal((await status.innerText()).trim(), `Plumb: ${run.gates.length} gates passed`);
    await page.locator('.tabs-container .tab', { hasText: 'Plumb Evaluation: credit-risk' }).waitFor();
    // The panel has rendered (and taken focus, which would close a palette opened before).
    await visibleWebview(page).locator('.card[data-metric="roc_auc"]').waitFor({ timeout: 30_000 });

    await runCommand(page, 'Testing: Focus on Test Explorer View');
    const rows = page.locator('.test-explorer .monaco-list-row');
    const expand = async (label: string) => {
      const named = page.locator('.label', { hasText: new RegExp(`^${escapeRe(label)}$`) });
      const r = rows.filter({ has: named }).first();
      if ((await r.getAttribute('aria-expanded')) === 'false') await r.locator('.monaco-tl-twistie').click();
      await page.locator('.test-explorer .monaco-list-row[aria-expanded="true"]', { has: named }).waitFor();
    };
    await page.locator(`.test-explorer .monaco-list-row[aria-label="${SPEC_NAME} (Passed)"]`).waitFor();
    await expand(SPEC_NAME);
    for (const section of [...new Set(run.gates.map((g) => g.section))]) {
      await page.locator(`.test-explorer .monaco-list-row[aria-label="${section} (Passed)"]`).waitFor();
      await expand(section);
    }
    for (const g of run.gates) await page.locator(`.test-explorer .monaco-list-row[aria-label="${g.metric} (Passed)"]`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'testing-view.png') });
    await runCommand(page, 'View: Close Primary Side Bar');
  });

  await step('Evaluate Model: metric cards and intervals match the CLI; the slider recomputes them from the sweep', async () => {
    // Close the panel Run All Checks opened, so that it is this command that opens it.
    // (With its tab's close button: "View: Close Editor" would close the spec if focus had not yet
    // moved to the panel's group.)
    const tab = page.locator('.tabs-container .tab', { hasText: 'Plumb Evaluation' });
    await tab.hover();
    await tab.locator('.codicon-close').click();
    await tab.waitFor({ state: 'detached' });
    await page.locator('.tabs-container .tab', { hasText: SPEC_NAME }).waitFor();
    await runCommand(page, 'Plumb: Evaluate Model');
    await waitForActiveTab(page, 'Plumb Evaluation: credit-risk');
    const view = visibleWebview(page);
    const card = (m: string) => view.locator(`.card[data-metric="${m}"]`);
    await card('roc_auc').waitFor({ timeout: 30_000 });
    const ev = run.evaluation;
    assertShows(await card('roc_auc').locator('.value').textContent(), ev.metrics.roc_auc, 'ROC AUC card', 0.001);
    for (const [metric, value] of Object.entries(ev.metrics)) {
      assertShows(await card(metric).locator('.value').textContent(), value, `${metric} card`, 0.001);
      const ci = ((await card(metric).locator('.sub').textContent()) ?? '').replace(/^CI /, '').split(' – ');
      assertShows(ci[0], ev.intervals[metric].low, `${metric} interval low`, 0.001);
      assertShows(ci[1], ev.intervals[metric].high, `${metric} interval high`, 0.001);
    }
    for (const g of run.gates.filter((x) => x.section === 'evaluation')) {
      assert.equal(await card(g.metric).locator('.badge').textContent(), `${g.condition}: passed`);
    }

    // 15 steps right of the spec's threshold on the 0.01-spaced sweep.
    const slider = view.locator('#threshold');
    await slider.focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    const target = Math.round((ev.threshold + 0.15) * 100) / 100;
    await view.locator('#threshold-value', { hasText: target.toFixed(2) }).waitFor();
    const point = ev.threshold_sweep.points.find((p) => Math.abs(p.threshold - target) < 1e-9);
    assert.ok(point, `the sweep has no point at ${target}`);
    for (const m of ['precision', 'recall', 'f1', 'accuracy'] as const) {
      await card(m).and(view.locator('.card.live')).waitFor();
      assertShows(await card(m).locator('.value').textContent(), point[m], `${m} at threshold ${target}`, 0.001);
    }
    assert.ok(Math.abs(point.precision - ev.metrics.precision) > 0.001, 'precision changes between the two thresholds');
    const recallGate = run.gates.find((g) => g.metric === 'recall')!;
    const wouldPass = point.recall >= Number(recallGate.condition.replace('>=', ''));
    assert.equal(await card('recall').locator('.badge').textContent(), `${recallGate.condition}: would ${wouldPass ? 'pass' : 'fail'} at ${target.toFixed(2)}`);
    assert.equal(await card('roc_auc').evaluate((e) => e.classList.contains('live')), false, 'ROC AUC does not depend on the threshold');
    await screenshot(page, 'evaluation');
  });

  await step('Check Fairness: every per-group value, the disparities and their gates match the CLI', async () => {
    await runCommand(page, 'Plumb: Check Fairness');
    await waitForActiveTab(page, 'Plumb Fairness: credit-risk');
    const view = visibleWebview(page);
    const table = view.locator('table.groups');
    await table.waitFor({ timeout: 30_000 });
    const f = run.fairness;
    const heads = (await table.locator('thead th').allTextContents()).slice(1);
    assert.deepEqual(heads, [...f.groups.map((g) => g.label), 'overall']);
    const rowValues = async (name: string) => table.locator('tbody tr', { has: view.locator('th', { hasText: new RegExp(`^${name}$`) }) }).locator('td').allTextContents();
    const selection = await rowValues('selection rate');
    f.groups.forEach((g, i) => assertShows(selection[i], g.selection_rate as number, `selection rate of ${g.label}`, 0.001));
    assertShows(selection[f.groups.length], f.overall.selection_rate, 'overall selection rate', 0.001);
    for (const m of f.group_metrics) {
      const cells = await rowValues(m.replace(/_/g, ' '));
      f.groups.forEach((g, i) => assertShows(cells[i], g[m] as number, `${m} of ${g.label}`, 0.001));
    }
    const counts = await rowValues('rows');
    f.groups.forEach((g, i) => assertShows(counts[i], g.count, `rows of ${g.label}`));
    for (const g of run.gates.filter((x) => x.section === 'fairness')) {
      const cells = view.locator('#disparities tbody tr', { has: view.locator('th', { hasText: new RegExp(`^${g.metric.replace(/_/g, ' ')}$`) }) }).locator('td');
      assertShows(await cells.nth(0).textContent(), f.metrics[g.metric], g.metric, 0.001);
      assert.equal(await cells.nth(2).textContent(), `${g.condition} ✓ passed`);
    }
    await screenshot(page, 'fairness');
  });

  await step('Check Drift: the drift share and every column\'s score and verdict match the CLI', async () => {
    await runCommand(page, 'Plumb: Check Drift');
    await waitForActiveTab(page, 'Plumb Drift: credit-risk');
    const view = visibleWebview(page);
    await view.locator('#drift-columns').waitFor({ timeout: 30_000 });
    const d = run.drift;
    const stats = view.locator('.stats .stat b');
    assertShows(await stats.nth(0).textContent(), d.drift_share, 'drift share', 0.001);
    assert.equal(await stats.nth(1).textContent(), `${d.number_of_drifted_columns} of ${d.number_of_columns}`);
    const shown = await view.locator('#drift-columns tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-column')));
    assert.deepEqual([...shown].sort(), Object.keys(d.features).sort());
    for (const [column, feature] of Object.entries(d.features)) {
      const cells = view.locator(`#drift-columns tbody tr[data-column="${column}"] td`);
      assertShows(await cells.nth(1).textContent(), feature.score, `${column} score`, feature.score >= 0.001 && feature.score < 10 ? 0.001 : undefined);
      assert.equal(await cells.nth(3).textContent(), feature.drifted ? '✗ yes' : '✓ no', `${column} drifted`);
    }
    await screenshot(page, 'drift');
  });

  await step('Explain Model: the summary and the top feature match the CLI; Explain row 7 matches plumb explain --row 7', async () => {
    await runCommand(page, 'Plumb: Explain Model');
    await waitForActiveTab(page, 'Plumb Explanations: credit-risk');
    const view = visibleWebview(page);
    const x = run.explain;
    await view.locator('p.summary').waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('p.summary').textContent(), x.summary);
    const [top, { mean }] = Object.entries(x.importance).sort((a, b) => b[1].mean - a[1].mean)[0];
    const firstBar = view.locator('figure').first().locator('.bar-row').first();
    assert.equal(await firstBar.locator('.bar-label').textContent(), top);
    assertShows((await firstBar.getAttribute('aria-label'))!.split(': ')[1], mean, `importance of ${top}`);

    await view.locator('#row').fill(String(row7.row));
    await view.locator('form.toolbar button[type="submit"]').click();
    const caption = view.locator('figcaption', { hasText: /^Row 7: / });
    await caption.waitFor({ timeout: 60_000 });
    const m = /from the base value (\S+) to the prediction (\S+?)(?: \(|$)/.exec((await caption.textContent()) ?? '');
    assert.ok(m, await caption.textContent() ?? '');
    assertShows(m[1], row7.base_value, 'base value of row 7', 0.001);
    assertShows(m[2], row7.prediction, 'prediction of row 7', 0.001);
    await screenshot(page, 'explain');
  });

  await step('Compare with Challenger...: picked in the file dialog; the verdict, every delta and the gates match plumb compare', async () => {
    await page.keyboard.press('Control+P');
    const quick = page.locator('.quick-input-widget input');
    await quick.fill('fixture.plumb.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'fixture.plumb.yaml' }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitForActiveTab(page, 'fixture.plumb.yaml');
    await page.locator(`${PLUMB_STATUS}[aria-label$="(fixture.plumb.yaml)"]`).waitFor({ timeout: 60_000 });
    await runCommand(page, 'Plumb: Compare with Challenger...', true);
    // VS Code's own file dialog in the browser: a path box that starts in the spec's folder.
    const dialog = page.locator('.quick-input-widget', { hasText: 'choose the challenger' });
    await dialog.waitFor();
    // As a user does: once the dialog shows the spec's folder, type the models folder, then click the file.
    await dialog.locator('.quick-input-list .monaco-list-row', { hasText: 'fixture.plumb.yaml' }).waitFor();
    const start = `${dirname(duelSpec)}/`;
    await page.waitForFunction((want) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === want, start);
    await typePathUntilListed(dialog, `${dirname(challenger)}/`, dialog.locator('.quick-input-list .monaco-list-row', { hasText: 'champion.onnx' }));
    await dialog.locator('.quick-input-list .monaco-list-row', { hasText: 'challenger.onnx' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForActiveTab(page, 'Plumb Compare: fixture vs challenger');
    const view = visibleWebview(page);
    const verdict = view.locator('#verdict');
    await verdict.waitFor({ timeout: 60_000 });
    const failed = comparison.gates.filter((g) => !g.passed).length;
    assert.equal(await verdict.locator('strong').textContent(), `✗ The challenger fails ${failed} of ${comparison.gates.length} compare gates`);
    assert.equal(await verdict.locator('span').textContent(), comparison.verdict);
    for (const [metric, m] of Object.entries(comparison.metrics)) {
      const cells = view.locator(`#compare-metrics tbody tr[data-metric="${metric}"] td`);
      assertShows(await cells.nth(0).textContent(), m.champion, `${metric} of the champion`);
      assertShows(await cells.nth(1).textContent(), m.challenger, `${metric} of the challenger`);
      assertShows(await cells.nth(2).textContent(), m.delta, `${metric} delta`);
      const [low, high] = ((await cells.nth(3).textContent()) ?? '').split(' – ');
      assertShows(low, m.interval!.low, `${metric} delta interval low`);
      assertShows(high, m.interval!.high, `${metric} delta interval high`);
    }
    for (const g of comparison.gates) {
      const name = g.metric.replace(/_delta$/, '');
      const table = name in comparison.metrics ? '#compare-metrics' : '#compare-fairness';
      const row = view.locator(`${table} tbody tr[data-metric="${name}"]`);
      if (table === '#compare-fairness') {
        const f = comparison.fairness.metrics[name];
        assertShows(await row.locator('td').nth(2).textContent(), f.delta, `${name} delta`);
        const [low, high] = ((await row.locator('td').nth(3).textContent()) ?? '').split(' – ');
        assertShows(low, f.interval!.low, `${name} delta interval low`);
        assertShows(high, f.interval!.high, `${name} delta interval high`);
      }
      assert.equal(await row.locator('td').last().textContent(), `${g.condition} ${g.passed ? '✓ passed' : '✗ failed'}`, `gate on ${g.metric}`);
    }
    // The comparison opened beside the spec, in a third editor group: the picture shows it alone.
    await runCommand(page, 'View: Toggle Maximize Editor Group');
    await screenshot(page, 'compare');
    await runCommand(page, 'View: Toggle Maximize Editor Group');
  });

  await step('after Reload Window the panels are back with their state (row 7, the moved threshold, the comparison)', async () => {
    await runCommand(page, 'Developer: Reload Window');
    await page.locator(`${PLUMB_STATUS}`).waitFor({ timeout: 60_000 });
    // The comparison first, alone on screen (its group's neighbour shows fixture.plumb.yaml), then closed
    // so that only one webview is visible at a time.
    const compareTab = page.locator('.tabs-container .tab', { hasText: 'Plumb Compare: fixture vs challenger' });
    await compareTab.click({ timeout: 60_000 });
    assert.equal(await visibleWebview(page).locator('#verdict span').textContent({ timeout: 30_000 }), comparison.verdict);
    await compareTab.hover();
    await compareTab.locator('.codicon-close').click();
    await compareTab.waitFor({ state: 'detached' });
    await page.locator('.tabs-container .tab', { hasText: 'Plumb Explanations: credit-risk' }).click({ timeout: 60_000 });
    await visibleWebview(page).locator('figcaption', { hasText: /^Row 7: / }).waitFor({ timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Plumb Evaluation: credit-risk' }).click();
    await visibleWebview(page).locator('#threshold-value', { hasText: (run.evaluation.threshold + 0.15).toFixed(2) }).waitFor({ timeout: 30_000 });
    // The status bar follows the active spec (fixture.plumb.yaml was the last one): back to the example.
    await page.locator('.tabs-container .tab', { hasText: SPEC_NAME }).first().click();
    await page.locator(`${PLUMB_STATUS}[aria-label^="Plumb: ${run.gates.length} gates passed ("]`).waitFor({ timeout: 30_000 });
  });
});
