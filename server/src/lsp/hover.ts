/** Hover: the schema's description for a key, a metric's definition, a model's signature, a column's preview. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isScalar } from 'yaml';
import { locate, parseSpecText, type JsonPath, type ParsedSpec } from '../engine/spec/document';
import { schemaAt } from '../engine/spec/schema';
import { describeCheckName } from '../engine/spec/checkNames';
import { buildSpec } from '../engine/spec/spec';
import type { FileInfo } from '../engine/spec/fileInfo';
import { rangeOf } from './convert';
import { uriToPath } from './documents';
import { hoverText } from './columnPreview';

const COLUMN_PATHS = ['model.features', 'data.target', 'data.prediction', 'data.timestamp', 'fairness.sensitive', 'evaluation.slices', 'drift.columns', 'explain.features'];

export async function hover(doc: TextDocument, offset: number, files: FileInfo, parsed: ParsedSpec = parseSpecText(doc.getText())): Promise<Hover | null> {
  const loc = locate(parsed.doc, offset);
  const node = loc.node;
  if (!node?.range || !isScalar(node)) return null;
  const range = rangeOf(doc, node.range[0], node.range[1] - node.range[0]);
  const md = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range });
  const names = loc.path.filter((s): s is string => typeof s === 'string');
  const dotted = names.join('.');
  const spec = buildSpec(parsed.value, uriToPath(doc.uri));

  if (loc.onKey) {
    if (names.length === 3 && names[1] === 'gates') {
      const d = describeCheckName(names[2]);
      return md(`**${names[2]}** (gate)\n\n${d ?? 'Not a metric this section computes.'}`);
    }
    const s = schemaAt(loc.path);
    if (!s?.description) return null;
    const extra = s.default !== undefined ? `\n\nDefault: \`${JSON.stringify(s.default)}\`` : '';
    return md(`**${dotted}**\n\n${s.description}${extra}`);
  }
  const value = String(node.value);
  if (dotted === 'evaluation.metrics' || dotted === 'fairness.metrics' || dotted === 'explain.metric') {
    const d = describeCheckName(value);
    return d ? md(`**${value}**\n\n${d}`) : null;
  }
  if (dotted === 'model.path' && spec.model?.path) {
    const sig = await files.signature(spec.model.path);
    if (!sig.ok) return md(`**${value}**\n\nCould not read the model: ${sig.error}`);
    const row = (t: { name: string; elemType: string; shape: (number | string | null)[] | null }) => `| \`${t.name}\` | ${t.elemType} | [${(t.shape ?? []).map((d) => d ?? '?').join(', ')}] |`;
    const labels = sig.value.classLabels ? `\n\nClass labels: ${sig.value.classLabels.map((l) => `\`${l}\``).join(', ')}` : '';
    return md(
      `**${value}**${sig.value.producer ? ` (${sig.value.producer})` : ''}\n\n| input | type | shape |\n|---|---|---|\n${sig.value.inputs.map(row).join('\n')}\n\n| output | type | shape |\n|---|---|---|\n${sig.value.outputs.map(row).join('\n')}${labels}`,
    );
  }
  if (COLUMN_PATHS.includes(dotted)) {
    const role = dotted === 'drift.columns' ? 'reference' : dotted === 'data.timestamp' && spec.data?.current ? 'current' : 'eval';
    const file = spec.data?.[role];
    if (!file) return null;
    const base = file.replace(/^.*[\\/]/, '');
    const preview = await files.preview(file);
    if (preview.ok) {
      const text = hoverText(value, base, preview.value);
      return text ? md(text) : null;
    }
    // Previews off (plumb.hover.maxRows: 0) or unreadable rows: the header still says whether it is a column.
    const header = await files.header(file);
    if (!header.ok || !header.value.columns.includes(value)) return null;
    return md(`**${value}**: column of \`${base}\`\n\n${preview.error}`);
  }
  const s = schemaAt(loc.path as JsonPath);
  return s?.description ? md(`**${dotted}**\n\n${s.description}`) : null;
}
