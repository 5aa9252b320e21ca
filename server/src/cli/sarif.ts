/** SARIF 2.1.0 for diagnostics located in files (used by `plumb check` and `plumb run --sarif`). */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LocatedDiagnostic } from './positions';

const LEVEL = { error: 'error', warning: 'warning', information: 'note' } as const;

export function toSarif(diagnostics: LocatedDiagnostic[], cwd = process.cwd()): object {
  const rules = [...new Set(diagnostics.map((d) => d.code))].sort().map((id) => ({ id, helpUri: 'https://github.com/plumb-dev/plumb#diagnostic-codes' }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'plumb', informationUri: 'https://github.com/plumb-dev/plumb', version: '0.1.0', rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + '/').toString() } },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relative(cwd, d.file).split('\\').join('/'), uriBaseId: 'SRCROOT' },
                region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
              },
            },
          ],
        })),
      },
    ],
  };
}
