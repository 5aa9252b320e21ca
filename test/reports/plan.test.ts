// `plumb plan` and `plumb check` on pipelines, through the built CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, exampleCopy, plumb } from './helpers';

test('plumb plan: the example pipeline\'s stage order, commands and rollout, and nothing runs', () => {
  const dir = exampleCopy();
  const r = plumb(['plan', 'pipeline.plumb.yaml'], dir);
  assert.equal(r.code, 0, r.stderr);
  const order = [...r.stdout.matchAll(/^(\d+)\. (\w+)/gm)].map((m) => m[2]);
  assert.deepEqual(order, ['prepare', 'train', 'check', 'card']);
  assert.match(r.stdout, /\$ plumb run credit-risk.plumb.yaml --junit/);
  assert.match(r.stdout, /gates: evaluation.roc_auc >= 0.70; evaluation.recall >= 0.4;/);
  assert.match(r.stdout, /Deploy \(canary\):\n {4}5% for 1d, advance when recall >= 0.4, drift_share < 0.5\n/);
  assert.match(r.stdout, /full traffic after 11d if every gate holds/);
  const json = JSON.parse(plumb(['plan', 'pipeline.plumb.yaml', '--format', 'json'], dir).stdout);
  assert.deepEqual(json.order, order);
  assert.deepEqual(json.diagnostics, []);
  assert.deepEqual(json.deploy.steps.map((s: { traffic: number }) => s.traffic), [5, 25, 50, 100]);
});

test('plumb plan on a broken pipeline: located errors, exit 1; plumb check reports the same', () => {
  const dir = exampleCopy();
  const text = readFileSync(join(EXAMPLE, 'pipeline.plumb.yaml'), 'utf8').replace('after: [check]', 'after: [chek]').replace('    - traffic: 100\n', '    - traffic: 40\n');
  writeFileSync(join(dir, 'broken.plumb.yaml'), text);
  const r = plumb(['plan', 'broken.plumb.yaml'], dir);
  assert.equal(r.code, 1);
  const line = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
  assert.match(r.stderr, new RegExp(`broken.plumb.yaml:${line('chek]')}:\\d+: error \\[pipeline.unknown-stage\\]`));
  assert.match(r.stderr, new RegExp(`broken.plumb.yaml:${line('traffic: 40')}:\\d+: error \\[deploy.traffic-decreases\\]`));
  assert.match(r.stderr, new RegExp(`broken.plumb.yaml:${line('traffic: 40')}:\\d+: error \\[deploy.traffic-not-100\\]`));
  const check = plumb(['check', 'broken.plumb.yaml', '--format', 'json'], dir);
  assert.equal(check.code, 1);
  assert.deepEqual(JSON.parse(check.stdout).diagnostics.map((d: { code: string }) => d.code), ['pipeline.unknown-stage', 'deploy.step-needs-duration', 'deploy.traffic-decreases', 'deploy.traffic-not-100']);
});

test('plumb plan refuses a model spec, and plumb run a pipeline is not its job', () => {
  const r = plumb(['plan', join(EXAMPLE, 'credit-risk.plumb.yaml')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /is not a pipeline/);
});
