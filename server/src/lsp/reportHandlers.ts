/** `plumb/renderReports`: the same report texts `plumb run --html/--junit/--sarif/--markdown` writes, for Export Report. */
import { readFile } from 'node:fs/promises';
import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RenderReportsRequest } from '../protocol/requests';
import { renderReport } from '../cli/reports';
import { parseSpecText } from '../engine/spec/document';
import { buildSpec } from '../engine/spec/spec';
import type { RunResult } from '../engine/run/runChecks';
import { uriToPath } from './documents';

export function registerReportHandlers(connection: Connection, documents: TextDocuments<TextDocument>): void {
  connection.onRequest(RenderReportsRequest.type, async ({ uri, result, formats }) => {
    const file = uriToPath(uri);
    const text = documents.get(uri)?.getText() ?? (await readFile(file, 'utf8').catch(() => undefined));
    if (text === undefined) throw new ResponseError(-32001, `Cannot read ${file}.`);
    const run = result as RunResult;
    if (!run || typeof run !== 'object' || !Array.isArray(run.gates)) throw new ResponseError(-32602, 'plumb/renderReports needs the result of plumb/runChecks.');
    const loaded = { spec: buildSpec(parseSpecText(text).value, file), text };
    const out: Record<string, string> = {};
    for (const f of formats) out[f] = f === 'json' ? `${JSON.stringify(run, null, 2)}\n` : await renderReport(f, run, loaded);
    return out;
  });
}
