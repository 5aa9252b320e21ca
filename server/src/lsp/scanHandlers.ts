/**
 * `plumb/scanFile`: scans a model artifact the user opened (pickle, PyTorch, NumPy, ONNX) without
 * loading it, and publishes the findings as diagnostics on that file, so Problems shows them.
 * Scanning only reads bytes, so it runs in untrusted workspaces too.
 */
import { Diagnostic, DiagnosticSeverity, type Connection } from 'vscode-languageserver/node';
import { scanFile, type ScanReport } from '../engine/scan';
import { ScanFileRequest } from '../protocol/requests';
import { uriToPath } from './documents';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

export function scanDiagnostics(report: ScanReport): Diagnostic[] {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return report.findings.map((f) => {
    const where = f.detail?.entry ? ` (in ${f.detail.entry})` : f.detail?.offset !== undefined ? ` (at byte ${f.detail.offset})` : '';
    return Diagnostic.create(top, `${f.message}${where}`, SEVERITY[f.severity], f.code, 'plumb');
  });
}

export function registerScanHandlers(connection: Connection): void {
  connection.onRequest(ScanFileRequest.type, async ({ uri }) => {
    const report = await scanFile(uriToPath(uri));
    await connection.sendDiagnostics({ uri, diagnostics: scanDiagnostics(report) });
    return report;
  });
}
