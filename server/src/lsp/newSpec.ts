/**
 * `plumb/describeFiles` and `plumb/draftSpec` (New Spec from Model): read a model's signature (never
 * its weights) and the first rows of a data file, propose a spec (newSpecProposal.ts), validate the
 * drafted text like any open spec, and name a file beside the model that does not exist yet.
 * Reading files runs no model, so this works in an untrusted workspace, like validation.
 */
import { existsSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { readModelSignature } from '../engine/model/onnxSignature';
import { loadTable } from '../engine/data';
import type { Column } from '../engine/data/table';
import { PlumbError } from '../engine/errors';
import { CachedFileInfo } from '../engine/spec/fileInfo';
import { validateSpecText } from '../engine/spec/validate';
import { DescribeFilesRequest, DraftSpecRequest, type ColumnSummary, type ModelSummary } from '../protocol/newSpec';
import { MAX_LISTED, freeSpecPath, proposeSpec, specText, targetCandidates } from './newSpecProposal';
import { pathToUri } from './documents';

/** Rows read to infer column types and values. */
export const ROWS_READ = 2000;
export const NEW_SPEC_ERRORS = { badFile: -32010 } as const;

function fileOf(uri: string, what: string, extension?: RegExp): string {
  let parsed: URI;
  try {
    parsed = URI.parse(uri, true);
  } catch {
    throw new ResponseError(NEW_SPEC_ERRORS.badFile, `The ${what} is not a file URI: ${uri}`);
  }
  if (parsed.scheme !== 'file') throw new ResponseError(NEW_SPEC_ERRORS.badFile, `The ${what} must be a local file (got a ${parsed.scheme}: URI).`);
  if (extension && !extension.test(parsed.fsPath)) throw new ResponseError(NEW_SPEC_ERRORS.badFile, `${parsed.fsPath} is not an ONNX model (.onnx).`);
  return parsed.fsPath;
}

export function summarizeColumn(c: Column): ColumnSummary {
  const seen = new Set<number | string>();
  if (c.type === 'categorical') {
    for (let i = 0; i < c.codes.length && seen.size <= MAX_LISTED; i++) if (c.codes[i] >= 0) seen.add(c.categories[c.codes[i]]);
  } else {
    for (let i = 0; i < c.values.length && seen.size <= MAX_LISTED; i++) if (!Number.isNaN(c.values[i])) seen.add(c.values[i]);
  }
  const values = seen.size <= MAX_LISTED ? [...seen].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)))) : undefined;
  return { name: c.name, type: c.type, distinct: seen.size, ...(values && c.type !== 'datetime' ? { values } : {}) };
}

async function describe(modelPath: string, dataPath: string): Promise<DescribeFilesRequest.Result> {
  try {
    const sig = await readModelSignature(modelPath);
    const model: ModelSummary = {
      inputs: sig.inputs.map((t) => ({ name: t.name, elemType: t.elemType, shape: t.shape })),
      outputs: sig.outputs.map((t) => ({ name: t.name, elemType: t.elemType, shape: t.shape })),
      classLabels: sig.classLabels,
      zipmap: sig.zipmap !== null,
    };
    const table = await loadTable(dataPath, { maxRows: ROWS_READ });
    const columns = table.columns.map(summarizeColumn);
    return { model, columns, rowsRead: table.rowCount, targets: targetCandidates(columns, model) };
  } catch (e) {
    if (e instanceof PlumbError) throw new ResponseError(NEW_SPEC_ERRORS.badFile, e.message, { code: e.code });
    throw e;
  }
}

export function registerNewSpecHandlers(connection: Connection): void {
  connection.onRequest(DescribeFilesRequest.type, (params) => describe(fileOf(params.model, 'model', /\.onnx$/i), fileOf(params.data, 'data file')));

  connection.onRequest(DraftSpecRequest.type, async (params) => {
    const modelPath = fileOf(params.model, 'model', /\.onnx$/i);
    const dataPath = fileOf(params.data, 'data file');
    const { model, columns } = await describe(modelPath, dataPath);
    const proposal = proposeSpec(model, columns, params.target, params.features);
    const specPath = freeSpecPath(modelPath, existsSync);
    const text = specText(proposal, { specPath, modelPath, dataPath });
    const validation = await validateSpecText(text, specPath, new CachedFileInfo());
    const problems = validation.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    return { uri: pathToUri(specPath), text, proposal, problems };
  });
}
