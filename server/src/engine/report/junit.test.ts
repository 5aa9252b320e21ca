// JUnit XML checked against the Apache Ant JUnit schema's rules (windyroad JUnit.xsd, written out
// in xmlStructure.ts). The same output was validated once with lxml against that XSD (see the report).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJunitXml } from './junit';
import { sampleResult } from './testResult';
import { junitSchemaErrors, parseXml } from './xmlStructure';

const STAMP = '2026-03-01T10:20:30.456Z';

test('one testsuite per section, one testcase per gate, failures with value and condition', () => {
  const xml = toJunitXml(sampleResult(), { timestamp: STAMP, hostname: 'ci-runner' });
  const root = parseXml(xml);
  assert.deepEqual(junitSchemaErrors(root), []);
  assert.deepEqual(root.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures]), [['evaluation', '3', '2'], ['fairness', '1', '1']]);
  const ev = root.children[0];
  assert.equal(ev.attributes.timestamp, '2026-03-01T10:20:30');
  assert.equal(ev.attributes.hostname, 'ci-runner');
  const cases = ev.children.filter((c) => c.name === 'testcase');
  assert.deepEqual(cases.map((c) => c.attributes.name), ['roc_auc >= 0.85', 'accuracy >= 0.7', 'f1 >= 0.5']);
  assert.equal(cases[0].attributes.classname, 'plumb.credit <risk> & "co".evaluation');
  const failure = cases[0].children[0];
  assert.equal(failure.name, 'failure');
  assert.equal(failure.attributes.type, 'plumb.gate');
  assert.equal(failure.attributes.message, 'evaluation.roc_auc = 0.8123 does not satisfy >= 0.85');
  assert.equal(cases[1].children.length, 0);
  assert.match(cases[2].children[0].attributes.message, /f1 = n\/a does not satisfy >= 0.5 \(`f1` is undefined/);
  const props = Object.fromEntries(ev.children[0].children.map((p) => [p.attributes.name, p.attributes.value]));
  assert.deepEqual(props, { 'evaluation.roc_auc': '0.81234567', 'evaluation.accuracy': '0.78', 'evaluation.f1': 'n/a' });
});

test('names with markup, quotes and control characters stay well-formed', () => {
  const r = sampleResult({ gates: [{ section: 'evaluation', metric: 'a<b>&"c"\u0001', condition: '>= 1', value: 0, passed: false, note: 'x -- y ]]> z' }] });
  const root = parseXml(toJunitXml(r, { timestamp: STAMP }));
  assert.deepEqual(junitSchemaErrors(root), []);
  assert.equal(root.children[0].children[1].attributes.name, 'a<b>&"c" >= 1');
});

test('no gates: an empty, valid <testsuites>', () => {
  const root = parseXml(toJunitXml(sampleResult({ gates: [], passed: true })));
  assert.deepEqual(junitSchemaErrors(root), []);
  assert.equal(root.children.length, 0);
});

test('the structure check catches what the schema forbids', () => {
  const bad = '<testsuites name="x"><testsuite name="s" tests="2" failures="0" errors="0" time="0" timestamp="2026-01-01T00:00:00Z" hostname="h" package="p" id="0"><testcase name="a" classname="c" time="0"><system-out/></testcase></testsuite></testsuites>';
  const errors = junitSchemaErrors(parseXml(bad));
  for (const want of [/testsuites: attribute name/, /bad timestamp/, /children testcase; the schema wants properties/, /<system-out> is not allowed in a testcase/, /tests="2" but 1 testcase/]) assert.ok(errors.some((e) => want.test(e)), `${want} in ${errors.join('\n')}`);
  assert.throws(() => parseXml('<a>&nbsp;</a>'), /unknown entity/);
  assert.throws(() => parseXml('<a><b></a>'), /expected <\/b>/);
});
