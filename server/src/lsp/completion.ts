/** Completion: keys and enum values from the schema, metric names, columns, ONNX names, file paths. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { cursorContext } from '../engine/spec/cursor';
import { schemaAt, resolve as resolveSchema } from '../engine/spec/schema';
import { parseSpecText, type ParsedSpec } from '../engine/spec/document';
import { buildSpec } from '../engine/spec/spec';
import { compareGateNames, describeCheckName, DRIFT_METRICS, evaluationMetricNames, fairnessGateNames, monitoringGateNames } from '../engine/spec/checkNames';
import { detailText, rowsRead } from './columnPreview';
import type { FileInfo } from '../engine/spec/fileInfo';
import { METRIC_CATALOG } from '../engine/metrics/catalog';
import { rangeOf } from './convert';
import { uriToPath } from './documents';

const COLUMN_KEYS: Record<string, 'eval' | 'current' | 'reference'> = {
  'model.features': 'eval',
  'data.target': 'eval',
  'data.prediction': 'eval',
  'data.timestamp': 'current',
  'fairness.sensitive': 'eval',
  'evaluation.slices': 'eval',
  'drift.columns': 'reference',
  'explain.features': 'eval',
};
const FILE_KEYS: Record<string, string[]> = {
  'model.path': ['.onnx'],
  'data.eval': ['.csv', '.parquet', '.tsv'],
  'data.reference': ['.csv', '.parquet', '.tsv'],
  'data.current': ['.csv', '.parquet', '.tsv'],
  'explain.background': ['.csv', '.parquet', '.tsv'],
  'compare.challenger': ['.onnx', '.yaml', '.yml'],
};

export async function complete(doc: TextDocument, offset: number, files: FileInfo, parsed: ParsedSpec = parseSpecText(doc.getText())): Promise<CompletionItem[]> {
  const text = doc.getText();
  const ctx = cursorContext(text, offset);
  const range = rangeOf(doc, ctx.replace.offset, ctx.replace.length);
  const spec = buildSpec(parsed.looseValue, uriToPath(doc.uri));
  const task = spec.model?.task;
  const path = ctx.path.filter((s): s is string => typeof s === 'string');
  const dotted = path.join('.');
  const item = (label: string, kind: CompletionItemKind, doc?: string, insert?: string, snippet = false): CompletionItem => ({
    label,
    kind,
    ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
    textEdit: { range, newText: insert ?? label },
    ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
  });

  if (ctx.kind === 'key') {
    const section = path[0];
    if (path.length === 2 && path[1] === 'gates') {
      const names =
        section === 'evaluation' ? (task ? evaluationMetricNames(task) : Object.keys(METRIC_CATALOG))
        : section === 'fairness' ? fairnessGateNames(task, spec.fairness?.metrics ?? [])
        : section === 'drift' ? Object.keys(DRIFT_METRICS)
        : section === 'monitoring' ? monitoringGateNames(task)
        : section === 'compare' ? compareGateNames(task) : [];
      return names.map((n) => item(n, CompletionItemKind.Property, describeCheckName(n), `${n}: "\${1|>=,>,<=,<|} \${2:0.8}"`, true));
    }
    const schema = schemaAt(ctx.path);
    const props = schema?.properties ?? {};
    const existing = existingKeys(parsed.looseValue, ctx.path);
    return Object.entries(props)
      .filter(([k]) => !existing.has(k))
      .map(([k, s]) => {
        const sub = resolveSchema(s);
        const isObj = sub?.type === 'object' || !!sub?.properties;
        return item(k, CompletionItemKind.Property, sub?.description, isObj ? `${k}:\n${' '.repeat(ctx.replace.offset - text.lastIndexOf('\n', ctx.replace.offset - 1) - 1 + 2)}` : `${k}: `);
      });
  }

  // Values.
  if (FILE_KEYS[dotted]) return fileCompletions(uriToPath(doc.uri), ctx.prefix, FILE_KEYS[dotted], range);
  if (dotted === 'evaluation.metrics' || dotted === 'fairness.metrics' || dotted === 'explain.metric') {
    const names = task ? evaluationMetricNames(task) : Object.keys(METRIC_CATALOG);
    return names.map((n) => item(n, CompletionItemKind.Value, METRIC_CATALOG[n]?.description));
  }
  if (path.length === 3 && path[1] === 'gates') {
    return ['>= 0.8', '> 0.5', '<= 0.1', '< 0.05'].map((g) => item(`"${g}"`, CompletionItemKind.Value, 'A comparison (>=, >, <=, <, ==) and a number.', `"${g}"`));
  }
  const role = COLUMN_KEYS[dotted];
  if (role) {
    const file = spec.data?.[role] ?? spec.data?.eval;
    if (!file) return [];
    const header = await files.header(file);
    if (!header.ok) return [];
    const read = await files.preview(file);
    const preview = read.ok ? read.value : undefined;
    const doc = (c: string) => `Column of \`${file.replace(/^.*[\\/]/, '')}\`${preview?.columns[c] ? `: ${detailText(c, preview)} (${rowsRead(preview)})` : ''}`;
    return header.value.columns.map((c) => item(c, CompletionItemKind.Field, doc(c), /[:#,\[\]{}]|^\s|\s$/.test(c) ? JSON.stringify(c) : c));
  }
  if ((dotted === 'model.input' || dotted === 'model.output') && spec.model?.path) {
    const sig = await files.signature(spec.model.path);
    if (!sig.ok) return [];
    const list = dotted === 'model.input' ? sig.value.inputs : sig.value.outputs;
    return list.map((t) => item(t.name, CompletionItemKind.Variable, `${t.elemType} [${(t.shape ?? []).map((d) => d ?? '?').join(', ')}]`));
  }
  const schema = schemaAt(ctx.path);
  const values = schema?.enum ?? (schema?.const !== undefined ? [schema.const] : undefined);
  if (values) return values.map((v) => item(String(v), CompletionItemKind.EnumMember, schema?.description));
  return [];
}

function existingKeys(value: unknown, path: (string | number)[]): Set<string> {
  let v = value;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return new Set(v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
}

async function fileCompletions(specFile: string, prefix: string, exts: string[], range: ReturnType<typeof rangeOf>): Promise<CompletionItem[]> {
  const specDir = dirname(specFile);
  const slash = prefix.lastIndexOf('/');
  const folder = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  let entries;
  try {
    entries = await readdir(resolve(specDir, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules' && (e.isDirectory() || exts.some((x) => e.name.toLowerCase().endsWith(x))))
    .map((e) => {
      const label = join(folder, e.name).replace(/\\/g, '/') + (e.isDirectory() ? '/' : '');
      return {
        label,
        kind: e.isDirectory() ? CompletionItemKind.Folder : CompletionItemKind.File,
        textEdit: { range, newText: label },
        ...(e.isDirectory() ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
      };
    });
}
