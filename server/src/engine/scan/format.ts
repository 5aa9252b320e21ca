/**
 * Output for `plumb scan`: plain text for terminals, SARIF 2.1.0 for code-scanning tools, and the
 * exit code (1 when any file has an error finding).
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { SCAN_RULES, type ScanCode } from './codes';
import type { ScanFinding, ScanReport, ScanSeverity } from './types';

const LABEL: Record<ScanSeverity, string> = { error: 'error', warning: 'warning', information: 'info' };

function where(f: ScanFinding): string {
  const d = f.detail;
  if (!d) return '';
  const parts = [d.entry && `entry ${d.entry}`, d.offset !== undefined && `byte ${d.offset}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function formatScanText(reports: ScanReport[]): string {
  const lines: string[] = [];
  const count = { error: 0, warning: 0, information: 0 };
  for (const r of reports) {
    lines.push(`${r.file} [${r.format}]${r.findings.length === 0 ? ': no findings' : ''}`);
    for (const f of r.findings) {
      count[f.severity]++;
      lines.push(`  ${LABEL[f.severity].padEnd(7)} ${f.code}${where(f)}`);
      lines.push(`          ${f.message}`);
    }
  }
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'} scanned`;
  lines.push(`${files}: ${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.information} info`);
  return `${lines.join('\n')}\n`;
}

export function scanExitCode(reports: ScanReport[]): number {
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

const SARIF_LEVEL: Record<ScanSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note' };

/** A URI relative to `cwd` (forward slashes, percent-encoded), or a file: URI for files outside it. */
function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function formatScanSarif(reports: ScanReport[], cwd: string = process.cwd()): string {
  const used = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.code)))].sort();
  const ruleIndex = new Map(used.map((id, i) => [id, i]));
  const rules = used.map((id) => {
    const rule = SCAN_RULES[id as ScanCode];
    return {
      id,
      shortDescription: { text: rule?.description ?? id },
      defaultConfiguration: { level: SARIF_LEVEL[rule?.severity ?? 'warning'] },
    };
  });
  const results = reports.flatMap((r) =>
    r.findings.map((f) => {
      const d = f.detail ?? {};
      // Offsets inside an archive entry are not file offsets, so only top-level ones become regions.
      const region = d.offset !== undefined && d.entry === undefined ? { region: { byteOffset: d.offset } } : {};
      const properties = Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
      return {
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifactUri(r.file, cwd), ...region } }],
        ...(Object.keys(properties).length ? { properties } : {}),
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'plumb', rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
