/**
 * The commands panelsUi.test.ts does not run, from the command palette of code-server with the
 * packaged VSIX, checked against what is on disk and what the CLI says: Validate Spec on a broken and
 * a valid spec, Explain Row... through its input box (against `plumb explain --row`), Export Report
 * (every file it writes, against `plumb run --format json`), and New Spec from Model through VS
 * Code's file dialogs and the two quick picks (the new spec passes `plumb check`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { editorToolsPresent } from './harness';
import { uiSession } from './session';
import { BROKEN_NAME, ROOT, SPEC_NAME } from './workspace';
import { assertShows, PLUMB_STATUS, runCommand, typePathUntilListed, visibleWebview, waitForActiveTab } from './workbench';

function cli(args: string[]): { status: number | null; json: unknown } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args, '--format', 'json'], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, json: r.stdout.trim().startsWith('{') || r.stdout.trim().startsWith('[') ? JSON.parse(r.stdout) : null };
}

/** VS Code's file dialog in the browser: type a folder, then click a file in its list. */
async function pickInFileDialog(page: Page, title: string, folder: string, file: string): Promise<void> {
  const dialog = page.locator('.quick-input-widget', { hasText: title });
  await dialog.waitFor();
  // Its own start value first (typing before it lands would be overwritten or prepended).
  await page.waitForFunction(() => /\/$/.test((document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value ?? ''));
  const row = dialog.locator('.quick-input-list .monaco-list-row', { hasText: file }).first();
  await typePathUntilListed(dialog, `${folder}/`, row);
  await row.click();
  await dialog.waitFor({ state: 'hidden' });
}

test('from the palette: Validate Spec, Explain Row..., Export Report and New Spec from Model', async (t) => {
  if (!editorToolsPresent(t)) return;
  let run!: { name: string; gates: { metric: string; passed: boolean; value: number | null }[] };
  let row7!: { base_value: number; prediction: number };
  const { ws, page, step } = await uiSession(t, 'palette-ui', (w) => {
    run = cli(['run', join(w.dir, SPEC_NAME)]).json as typeof run;
    row7 = cli(['explain', join(w.dir, SPEC_NAME), '--row', '7']).json as typeof row7;
  });
  const open = async (name: string) => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor();
    // The extension host has seen the editor change (its status bar item names the spec), so a
    // command run next acts on this spec, not the one before.
    await page.locator(`${PLUMB_STATUS}[aria-label$="(${name})"]`).waitFor({ timeout: 60_000 });
  };
  const toast = (text: string | RegExp) => page.locator('.notification-toast', { hasText: text });

  await step('Validate Spec counts the broken spec\'s problems and calls the example valid', async () => {
    await open(BROKEN_NAME);
    await page.locator(`${PLUMB_STATUS}[aria-label="Plumb (${BROKEN_NAME})"]`).waitFor({ timeout: 60_000 });
    await runCommand(page, 'Plumb: Validate Spec');
    await toast(/broken\.plumb\.yaml: 2 error\(s\) and 0 warning\(s\)\./).waitFor({ timeout: 30_000 });
    await open(SPEC_NAME);
    await runCommand(page, 'Plumb: Validate Spec');
    await toast('credit-risk.plumb.yaml is a valid spec.').waitFor({ timeout: 30_000 });
  });

  await step('Explain Row... asks for a row and shows the same explanation as plumb explain --row 7', async () => {
    await runCommand(page, 'Plumb: Explain Row...', true);
    const box = page.locator('.quick-input-widget', { hasText: 'Explain Row (credit-risk)' });
    await box.waitFor();
    await box.locator('input').fill('7');
    await page.keyboard.press('Enter');
    await waitForActiveTab(page, 'Plumb Explanations: credit-risk');
    const caption = visibleWebview(page).locator('figcaption', { hasText: /^Row 7: / });
    await caption.waitFor({ timeout: 60_000 });
    const m = /from the base value (\S+) to the prediction (\S+?)(?: \(|$)/.exec((await caption.textContent()) ?? '');
    assert.ok(m, (await caption.textContent()) ?? '');
    assertShows(m[1], row7.base_value, 'base value of row 7', 0.001);
    assertShows(m[2], row7.prediction, 'prediction of row 7', 0.001);
  });

  await step('Export Report writes the JSON, HTML, JUnit, SARIF and Markdown reports of the last run', async () => {
    await runCommand(page, 'View: Close All Editor Groups');
    await open(SPEC_NAME);
    await runCommand(page, 'Plumb: Run All Checks');
    await page.locator(`${PLUMB_STATUS}[aria-label="Plumb: ${run.gates.length} gates passed (${SPEC_NAME})"]`).waitFor({ timeout: 60_000 });
    // Back to the spec (Run All Checks opened the panels beside it).
    await page.locator('.tabs-container .tab', { hasText: SPEC_NAME }).first().click();
    await runCommand(page, 'Plumb: Export Report');
    await toast(/Reports written to plumb-reports: credit-risk-\d{8}-\d{6}\.\{json,html,junit\.xml,sarif,md\}\./).waitFor({ timeout: 30_000 });
    const folder = join(ws.dir, 'plumb-reports');
    const files = readdirSync(folder);
    const base = files.find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
    assert.deepEqual(files.sort(), ['html', 'json', 'junit.xml', 'md', 'sarif'].map((e) => `${base}.${e}`).sort());
    const json = JSON.parse(readFileSync(join(folder, `${base}.json`), 'utf8')) as typeof run;
    assert.deepEqual(json.gates.map((g) => [g.metric, g.passed, g.value]), run.gates.map((g) => [g.metric, g.passed, g.value]));
    const junit = readFileSync(join(folder, `${base}.junit.xml`), 'utf8');
    assert.equal((junit.match(/<testcase /g) ?? []).length, run.gates.length);
    assert.equal((junit.match(/<failure/g) ?? []).length, 0);
    const sarif = JSON.parse(readFileSync(join(folder, `${base}.sarif`), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.match(readFileSync(join(folder, `${base}.html`), 'utf8'), /<!DOCTYPE html>/i);
    assert.match(readFileSync(join(folder, `${base}.md`), 'utf8'), /credit-risk/);
  });

  await step('New Spec from Model: two file dialogs and two quick picks write a spec that plumb check accepts', async () => {
    await runCommand(page, 'Plumb: New Spec from Model', true);
    await pickInFileDialog(page, 'choose the ONNX model', join(ws.dir, 'models'), 'credit-default.onnx');
    await pickInFileDialog(page, 'choose the evaluation data', join(ws.dir, 'data'), 'eval.csv');
    const target = page.locator('.quick-input-widget', { hasText: 'New Spec from Model (1/2)' });
    await target.waitFor({ timeout: 30_000 });
    await target.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: /^default$/ }) }).first().click();
    const features = page.locator('.quick-input-widget', { hasText: 'New Spec from Model (2/2)' });
    await features.waitFor();
    // The proposal comes checked (the model takes 12 inputs): accept it.
    await features.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    await features.waitFor({ state: 'hidden' });
    // Written beside the model as <model>.plumb.yaml, and opened.
    const written = 'credit-default.plumb.yaml';
    await page.locator('.tabs-container .tab.active', { hasText: written }).first().waitFor({ timeout: 30_000 });
    const path = join(ws.dir, 'models', written);
    assert.ok(existsSync(path), `${path} was not written`);
    assert.deepEqual(readdirSync(join(ws.dir, 'models')).filter((f) => f.endsWith('.plumb.yaml')), [written]);
    const check = cli(['check', path]);
    assert.equal(check.status, 0, `plumb check ${written}: ${JSON.stringify(check.json)}`);
    const text = readFileSync(path, 'utf8');
    assert.match(text, /target: default/);
    const listed = /features: \[([^\]]*)\]/.exec(text) ?? /features:\n((?:\s+- .*\n)+)/.exec(text);
    assert.ok(listed, text);
    assert.equal(listed[1].split(/,|\n\s*-/).filter((x) => x.trim()).length, 12, `the new spec's features: ${listed[1]}`);
  });
});
