/**
 * Plumb never modifies data or model files: checksums of every file of the example are the same
 * after a full run with every report, and the only new files are the reports asked for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exampleCopy, plumb } from '../cli/cliHelpers';

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

test('a full run with every report leaves every data and model file as it was', () => {
  const dir = exampleCopy();
  const before = snapshot(dir);
  const reports = ['--html', 'out/report.html', '--junit', 'out/junit.xml', '--sarif', 'out/plumb.sarif', '--markdown', 'out/comment.md'];
  const r = plumb(['run', join(dir, 'credit-risk.plumb.yaml'), '--format', 'json', '--out', join(dir, 'result.json'), ...reports], dir);
  assert.equal(r.code, 0, r.stderr);
  const after = snapshot(dir);
  const added = Object.keys(after).filter((f) => !(f in before)).sort();
  assert.deepEqual(added, ['out/comment.md', 'out/junit.xml', 'out/plumb.sarif', 'out/report.html', 'result.json']);
  for (const [f, sum] of Object.entries(before)) assert.equal(after[f], sum, `${f} changed`);
  assert.ok(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')).gates.length > 0);
});
