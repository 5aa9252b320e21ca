/**
 * The spec's JSON Schema (schemas/plumb.schema.json): validation through ajv, with errors mapped to
 * the YAML node at fault, and lookups of the sub-schema at a path for completion and hover.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schemaJson from '../../../../schemas/plumb.schema.json';
import { didYouMean, diag, listNames, type Fix, type SpecDiagnostic } from './diagnostics';
import { formatPath, keySpan, nodeAt, valueSpan, type JsonPath, type ParsedSpec } from './document';
import { isMap } from 'yaml';

export interface SchemaNode {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  $ref?: string;
  defaultSnippets?: { label?: string; body: unknown }[];
  minimum?: number;
  maximum?: number;
}

export const SPEC_SCHEMA = schemaJson as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

let validator: ValidateFunction | undefined;
function getValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(SPEC_SCHEMA);
  return validator;
}

/** Resolves `$ref`s (local `#/definitions/x` only) and merges the referring node's own keywords. */
export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; n?.$ref && i < 10; i++) {
    const name = n.$ref.replace('#/definitions/', '');
    const { $ref: _ignored, ...own } = n;
    n = { ...SPEC_SCHEMA.definitions[name], ...own };
  }
  return n;
}

/** The schema describing the value at `path`, or undefined when the path is not in the schema. */
export function schemaAt(path: JsonPath): SchemaNode | undefined {
  let node = resolve(SPEC_SCHEMA);
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = resolve(node.items);
    else if (node.properties?.[seg]) node = resolve(node.properties[seg]);
    else if (typeof node.additionalProperties === 'object') node = resolve(node.additionalProperties);
    else return undefined;
  }
  return node;
}

function pathOf(pointer: string): JsonPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function validateSchema(parsed: ParsedSpec): SpecDiagnostic[] {
  const validate = getValidator();
  if (validate(parsed.value)) return [];
  const out: SpecDiagnostic[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const d = toDiagnostic(parsed, e);
    if (!d) continue;
    const key = `${d.offset}:${d.code}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function describeType(t: string | string[] | undefined): string {
  const types = Array.isArray(t) ? t : t ? [t] : [];
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false' };
  return types.map((x) => words[x] ?? x).join(' or ');
}

function toDiagnostic(parsed: ParsedSpec, e: ErrorObject): SpecDiagnostic | undefined {
  const path = pathOf(e.instancePath);
  const where = formatPath(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const keyPath = [...path, key];
      const span = keySpan(parsed, keyPath);
      const allowed = Object.keys(resolve(e.parentSchema as SchemaNode)?.properties ?? {});
      const near = didYouMean(key, allowed);
      const fixes: Fix[] = near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : [];
      const hint = near ? ` Did you mean \`${near}\`?` : ` Allowed keys: ${listNames(allowed)}.`;
      return diag('error', 'schema.unknown-key', `\`${formatPath(keyPath)}\`: unknown key \`${key}\`.${hint}`, span, fixes);
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const span = path.length ? keySpan(parsed, path) : { offset: 0, length: Math.max(1, parsed.text.indexOf('\n') < 0 ? parsed.text.length : parsed.text.indexOf('\n')) };
      return diag('error', 'schema.missing-key', `\`${where}\`: missing required key \`${missing}\`.`, span, [insertKeyFix(parsed, path, missing)]);
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const span = valueSpan(parsed, path);
      const near = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      const fixes: Fix[] = near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : [];
      const hint = near ? ` Did you mean \`${near}\`?` : '';
      return diag('error', 'schema.bad-value', `\`${where}\`: \`${String(e.data)}\` is not allowed; use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.${hint}`, span, fixes);
    }
    case 'const': {
      const want = (e.params as { allowedValue: unknown }).allowedValue;
      const span = valueSpan(parsed, path);
      return diag('error', 'schema.bad-value', `\`${where}\` must be \`${String(want)}\`.`, span, [{ title: `Change to \`${String(want)}\``, edits: [{ ...span, text: String(want) }] }]);
    }
    case 'type':
      return diag('error', 'schema.wrong-type', `\`${where}\` must be ${describeType((e.params as { type: string | string[] }).type)}.`, valueSpan(parsed, path));
    case 'minItems':
      return diag('error', 'schema.too-few', `\`${where}\` needs at least ${(e.params as { limit: number }).limit} item(s).`, valueSpan(parsed, path));
    case 'uniqueItems':
      return diag('warning', 'schema.duplicate-item', `\`${where}\` lists the same item twice (items ${(e.params as { j: number; i: number }).j} and ${(e.params as { i: number }).i}).`, valueSpan(parsed, path));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return diag('error', 'schema.out-of-range', `\`${where}\` ${e.message ?? 'is out of range'}.`, valueSpan(parsed, path));
    case 'minLength':
      return diag('error', 'schema.empty', `\`${where}\` must not be empty.`, valueSpan(parsed, path));
    default:
      return diag('error', 'schema.invalid', `\`${where}\` ${e.message ?? 'is invalid'}.`, valueSpan(parsed, path));
  }
}

/** A quick fix that inserts `key: <placeholder>` into the mapping at `path`. */
export function insertKeyFix(parsed: ParsedSpec, path: JsonPath, key: string): Fix {
  const node = nodeAt(parsed.doc, path);
  const sub = schemaAt([...path, key]);
  const placeholder = placeholderFor(sub);
  const text = parsed.text;
  if (isMap(node) && node.items.length && (node.items[0].key as { range?: number[] })?.range) {
    const firstKey = (node.items[0].key as { range: number[] }).range[0];
    const lineStart = text.lastIndexOf('\n', firstKey - 1) + 1;
    const indent = text.slice(lineStart, firstKey);
    if (/^[ \t]*$/.test(indent)) {
      return { title: `Add \`${key}\``, edits: [{ offset: lineStart, length: 0, text: `${indent}${key}: ${placeholder}\n` }] };
    }
  }
  if (path.length === 0) return { title: `Add \`${key}\``, edits: [{ offset: 0, length: 0, text: `${key}: ${placeholder}\n` }] };
  // An empty section (`fairness:` with nothing under it): add an indented line after the key.
  const keyRange = keySpan(parsed, path);
  const lineEnd = text.indexOf('\n', keyRange.offset);
  const at = lineEnd < 0 ? text.length : lineEnd;
  const lineStart = text.lastIndexOf('\n', keyRange.offset - 1) + 1;
  const indent = text.slice(lineStart, keyRange.offset).replace(/[^ \t]/g, ' ');
  return { title: `Add \`${key}\``, edits: [{ offset: at, length: 0, text: `\n${indent}  ${key}: ${placeholder}` }] };
}

function placeholderFor(s: SchemaNode | undefined): string {
  if (!s) return '';
  if (s.const !== undefined) return String(s.const);
  if (s.enum?.length) return String(s.enum[0]);
  if (s.examples?.length) {
    const ex = s.examples[0];
    return Array.isArray(ex) ? `[${ex.join(', ')}]` : String(ex);
  }
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  return t === 'array' ? '[]' : t === 'object' ? '{}' : '';
}
