import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtmlReport } from './html';
import { sampleResult } from './testResult';

test('self-contained: no script, no external resource, a CSP that forbids fetches', () => {
  const html = renderHtmlReport(sampleResult(), { generatedAt: '2026-03-01T00:00:00Z' });
  assert.doesNotMatch(html, /<script|<link|<iframe|<img|@import|url\(/i);
  const urls = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(urls, []);
  const http = [...html.matchAll(/https?:\/\/[^\s"'<]+/g)].map((m) => m[0]);
  assert.deepEqual([...new Set(http)], ['http://www.w3.org/2000/svg'], 'only the SVG namespace, which is never fetched');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
});

test('every section with its numbers, escaped', () => {
  const html = renderHtmlReport(sampleResult(), { generatedAt: '2026-03-01T00:00:00Z', description: 'Risk <b>model</b>' });
  assert.match(html, /<title>credit &lt;risk&gt; &amp; &quot;co&quot;: Plumb report<\/title>/);
  assert.match(html, /<p>Risk &lt;b&gt;model&lt;\/b&gt;<\/p>/);
  for (const id of ['gates', 'evaluation', 'fairness', 'drift', 'monitoring', 'explain']) assert.match(html, new RegExp(`<section id="${id}">`));
  assert.match(html, /<td class="num" data-metric="roc_auc">0.8123<\/td><td class="num">\[0.74, 0.88\]<\/td>/);
  assert.match(html, /<tr data-group="sex=M&lt;&amp;&gt;">/);
  assert.match(html, /<tr data-column="age" class="fail">/);
  assert.match(html, /data-passed="false">Failed: 3 of 4 gate\(s\) do not hold\./);
  assert.equal((html.match(/<svg /g) ?? []).length, 9, 'metric bars, ROC, PR, calibration, group rates, drift, windows, importance, partial dependence');
});

test('sections that did not run are left out', () => {
  const r = sampleResult({ sections: ['evaluation'], fairness: undefined, drift: undefined, monitoring: undefined, explain: undefined, gates: [], passed: true });
  const html = renderHtmlReport(r);
  assert.doesNotMatch(html, /id="fairness"|id="drift"|id="explain"/);
  assert.match(html, /No gates\./);
});
