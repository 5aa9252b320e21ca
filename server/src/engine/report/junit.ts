/**
 * `plumb run --junit FILE`: one <testsuite> per section and one <testcase> per gate, for CI test
 * tabs. The document is valid against the Apache Ant JUnit schema (windyroad's JUnit.xsd, the
 * strictest common one: a bare <testsuites>, and every <testsuite> with package, id, timestamp
 * without a zone, hostname, <properties>, <system-out> and <system-err>), which Jenkins, GitLab,
 * Azure DevOps and the GitHub test-report actions all read. A failed gate is a <failure> whose
 * message names the value and the condition; the section's computed values are <properties>.
 */
import { hostname } from 'node:os';
import type { RunResult } from '../run/runChecks';
import type { GateResult } from '../run/gates';
import { escapeXml as x, fmt } from './format';

export interface JunitOptions {
  /** ISO 8601 time of the run (default now); written without its zone, as the schema asks. */
  timestamp?: string;
  hostname?: string;
}

/** "roc_auc = 0.6812, gate >= 0.70" (with the note for undefined values). */
export function gateFailureMessage(g: GateResult): string {
  return `${g.section}.${g.metric} = ${fmt(g.value)} does not satisfy ${g.condition}${g.note ? ` (${g.note})` : ''}`;
}

const token = (s: string) => s.replace(/\s+/g, ' ').trim() || '-';

export function toJunitXml(r: RunResult, o: JunitOptions = {}): string {
  const stamp = (o.timestamp ?? new Date().toISOString()).slice(0, 19);
  const host = token(o.hostname ?? safeHostname());
  const bySection = new Map<string, GateResult[]>();
  for (const g of r.gates) bySection.set(g.section, [...(bySection.get(g.section) ?? []), g]);
  const pkg = token(`plumb.${r.name}`);
  const suites = [...bySection.entries()].map(([section, gates], id) => {
    const failures = gates.filter((g) => !g.passed).length;
    const props = gates.map((g) => `      <property name="${x(`${section}.${g.metric}`)}" value="${x(g.value === null ? 'n/a' : String(g.value))}"/>`);
    const cases = gates.map((g) => {
      const open = `    <testcase name="${x(token(`${g.metric} ${g.condition}`))}" classname="${x(`${pkg}.${section}`)}" time="0"`;
      if (g.passed) return `${open}/>`;
      const msg = gateFailureMessage(g);
      return `${open}>\n      <failure message="${x(msg)}" type="plumb.gate">${x(`${msg}\nspec: ${r.spec}`)}</failure>\n    </testcase>`;
    });
    const summary = gates.map((g) => `${g.passed ? 'PASS' : 'FAIL'} ${section}.${g.metric} = ${fmt(g.value)} (gate ${g.condition})`).join('\n');
    return [
      `  <testsuite name="${x(section)}" package="${x(pkg)}" id="${id}" tests="${gates.length}" failures="${failures}" errors="0" skipped="0" time="0" timestamp="${stamp}" hostname="${x(host)}">`,
      props.length ? `    <properties>\n${props.join('\n')}\n    </properties>` : '    <properties/>',
      ...cases,
      `    <system-out>${x(summary)}</system-out>`,
      '    <system-err></system-err>',
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Plumb gates for ${x(r.name).replace(/--/g, '- -')} (${r.gates.length} gate(s), ${r.gates.filter((g) => !g.passed).length} failed) -->\n<testsuites>\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

function safeHostname(): string {
  try {
    return hostname() || 'localhost';
  } catch {
    return 'localhost';
  }
}
