// scripts/ciExample.mjs (what .ci/run calls): every step passes on the example and every report is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ROOT, scratch } from './helpers';

test('ciExample: check, plan, run with reports, card; exit 0', () => {
  const out = scratch('plumb-ci-');
  const r = spawnSync(process.execPath, ['scripts/ciExample.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((l) => l.startsWith('ok   plumb')).map((l) => l.split(' ')[4]), ['check', 'plan', 'run', 'card']);
  assert.match(r.stdout, /JUnit: \d+ gate\(s\), 0 failed/);
  assert.deepEqual(readdirSync(out).sort(), ['MODEL_CARD.md', 'plumb-comment.md', 'plumb-junit.xml', 'plumb-report.html', 'plumb.sarif']);
});
