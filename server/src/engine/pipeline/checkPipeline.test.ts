// The pipeline check as the language server and `plumb check` run it (validateSpecText, real files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CachedFileInfo } from '../spec/fileInfo';
import { validateSpecText } from '../spec/validate';
import { spanOfText } from '../spec/testing';

const EXAMPLE = resolve(__dirname, '../../../../examples/credit-risk/pipeline.plumb.yaml');

test('the example pipeline is clean', async () => {
  const v = await validateSpecText(readFileSync(EXAMPLE, 'utf8'), EXAMPLE, new CachedFileInfo());
  assert.deepEqual(v.diagnostics, []);
  assert.equal(v.spec!.kind, 'pipeline');
});

test('validateSpecText runs the pipeline rules: a misspelt spec path and a gate on a metric nothing computes', async () => {
  const text = readFileSync(EXAMPLE, 'utf8').replace('spec: credit-risk.plumb.yaml', 'spec: credit-risk.plumb.yml').replace('roc_auc: "< 0.68"', 'auc: "< 0.68"');
  const file = join(resolve(EXAMPLE, '..'), 'copy.plumb.yaml');
  const v = await validateSpecText(text, file, new CachedFileInfo());
  assert.deepEqual(v.diagnostics.map((d) => [d.code, d.offset, d.length]), [['pipeline.missing-spec', ...Object.values(spanOfText(text, 'credit-risk.plumb.yml'))]]);
  assert.match(v.diagnostics[0].message, /Did you mean `credit-risk.plumb.yaml`\?/);
  const fixed = text.replace('spec: credit-risk.plumb.yml', 'spec: credit-risk.plumb.yaml');
  const w = await validateSpecText(fixed, file, new CachedFileInfo());
  assert.deepEqual(w.diagnostics.map((d) => [d.code, d.offset, d.length]), [['deploy.metric-not-computed', fixed.indexOf('auc: "< 0.68"'), 3]]);
});
