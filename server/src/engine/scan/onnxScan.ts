/**
 * ONNX models cannot run Python, but they can point outside themselves: a tensor's external data
 * location is a path the runtime opens (an absolute path or `../` reads any file the user can),
 * and a node in an unknown operator domain needs a native custom-op library. This walks
 * ModelProto -> GraphProto (and subgraphs, and local functions) with ProtoReader, reading only the
 * fields that matter here, and reports what it finds; it never loads the model.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, posix, relative, isAbsolute } from 'node:path';
import { F } from '../model/onnxTypes';
import { int64FromVarint, ProtobufError, ProtoReader, WireType, type Field } from '../model/protobuf';
import { formatBytes, type ResolvedScanOptions, type ScanFinding } from './types';

/** Domains onnxruntime implements itself. Anything else needs a registered custom-op library. */
export const STANDARD_DOMAINS = [
  '', 'ai.onnx', 'ai.onnx.ml', 'ai.onnx.training', 'ai.onnx.preview.training',
  'com.microsoft', 'com.microsoft.nchwc', 'com.microsoft.experimental', 'com.ms.internal.nhwc',
];

/** Bytes per element by TensorProto.DataType (4-bit types count half a byte; strings are unsized). */
const ELEM_BYTES: Record<number, number> = {
  1: 4, 2: 1, 3: 1, 4: 2, 5: 2, 6: 4, 7: 8, 9: 1, 10: 2, 11: 8, 12: 4, 13: 8, 14: 8, 15: 16, 16: 2,
  17: 1, 18: 1, 19: 1, 20: 1, 21: 0.5, 22: 0.5, 23: 0.5, 24: 1,
};

const TYPE_NAMES: Record<number, string> = {
  1: 'float', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
  10: 'float16', 11: 'double', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128', 16: 'bfloat16',
};

const MAX_DEPTH = 32;
const FUNCTION = { node: 7, domain: 10, name: 1 };
const ATTR_SPARSE = { tensor: 22, tensors: 23 };
const SPARSE_VALUES = 1;
const SPARSE_INDICES = 2;

interface TensorInfo {
  name: string;
  dims: number[];
  dataType: number;
  external: boolean;
  entries: Record<string, string>;
}

interface Walk {
  tensors: TensorInfo[];
  nodes: { domain: string; opType: string; name: string }[];
  functions: Set<string>;
  hasGraph: boolean;
}

function need(f: Field, wt: WireType, what: string): void {
  if (f.wireType !== wt) throw new ProtobufError(`${what} (field ${f.number}) has wire type ${f.wireType}, expected ${wt}`, f.start);
}

function readTensor(r: ProtoReader, w: Walk): void {
  const t: TensorInfo = { name: '', dims: [], dataType: 0, external: false, entries: {} };
  while (!r.done()) {
    const f = r.next();
    if (f.number === F.tensor.dims) {
      if (f.wireType === WireType.LengthDelimited) t.dims.push(...r.packedVarints(f).map(int64FromVarint));
      else (need(f, WireType.Varint, 'TensorProto.dims'), t.dims.push(int64FromVarint(f.varint)));
    } else if (f.number === F.tensor.dataType) {
      need(f, WireType.Varint, 'TensorProto.data_type');
      t.dataType = f.varint;
    } else if (f.number === F.tensor.name) {
      need(f, WireType.LengthDelimited, 'TensorProto.name');
      t.name = r.string(f);
    } else if (f.number === F.tensor.dataLocation) {
      need(f, WireType.Varint, 'TensorProto.data_location');
      t.external = f.varint === 1;
    } else if (f.number === F.tensor.externalData) {
      need(f, WireType.LengthDelimited, 'TensorProto.external_data');
      const e = r.sub(f);
      let key = '';
      let value = '';
      while (!e.done()) {
        const ef = e.next();
        if (ef.number === F.entry.key) (need(ef, WireType.LengthDelimited, 'StringStringEntryProto.key'), (key = e.string(ef)));
        else if (ef.number === F.entry.value) (need(ef, WireType.LengthDelimited, 'StringStringEntryProto.value'), (value = e.string(ef)));
      }
      t.entries[key] = value;
    }
  }
  w.tensors.push(t);
}

function readSparse(r: ProtoReader, w: Walk): void {
  while (!r.done()) {
    const f = r.next();
    if (f.number === SPARSE_VALUES || f.number === SPARSE_INDICES) (need(f, WireType.LengthDelimited, 'SparseTensorProto'), readTensor(r.sub(f), w));
  }
}

function readAttribute(r: ProtoReader, w: Walk, depth: number): void {
  while (!r.done()) {
    const f = r.next();
    switch (f.number) {
      case F.attr.t:
      case F.attr.tensors:
        need(f, WireType.LengthDelimited, 'AttributeProto.t');
        readTensor(r.sub(f), w);
        break;
      case F.attr.g:
      case F.attr.graphs:
        need(f, WireType.LengthDelimited, 'AttributeProto.g');
        readGraph(r.sub(f), w, depth + 1);
        break;
      case ATTR_SPARSE.tensor:
      case ATTR_SPARSE.tensors:
        need(f, WireType.LengthDelimited, 'AttributeProto.sparse_tensor');
        readSparse(r.sub(f), w);
        break;
    }
  }
}

function readNode(r: ProtoReader, w: Walk, depth: number): void {
  const node = { domain: '', opType: '', name: '' };
  while (!r.done()) {
    const f = r.next();
    if (f.number === F.node.opType) (need(f, WireType.LengthDelimited, 'NodeProto.op_type'), (node.opType = r.string(f)));
    else if (f.number === F.node.domain) (need(f, WireType.LengthDelimited, 'NodeProto.domain'), (node.domain = r.string(f)));
    else if (f.number === F.node.name) (need(f, WireType.LengthDelimited, 'NodeProto.name'), (node.name = r.string(f)));
    else if (f.number === F.node.attribute) (need(f, WireType.LengthDelimited, 'NodeProto.attribute'), readAttribute(r.sub(f), w, depth));
  }
  w.nodes.push(node);
}

function readGraph(r: ProtoReader, w: Walk, depth: number): void {
  if (depth > MAX_DEPTH) throw new ProtobufError(`subgraphs nested deeper than ${MAX_DEPTH}`, r.pos);
  while (!r.done()) {
    const f = r.next();
    if (f.number === F.graph.node) (need(f, WireType.LengthDelimited, 'GraphProto.node'), readNode(r.sub(f), w, depth));
    else if (f.number === F.graph.initializer) (need(f, WireType.LengthDelimited, 'GraphProto.initializer'), readTensor(r.sub(f), w));
    else if (f.number === F.graph.sparseInitializer) (need(f, WireType.LengthDelimited, 'GraphProto.sparse_initializer'), readSparse(r.sub(f), w));
  }
}

function readFunction(r: ProtoReader, w: Walk): void {
  let name = '';
  let domain = '';
  while (!r.done()) {
    const f = r.next();
    if (f.number === FUNCTION.name) (need(f, WireType.LengthDelimited, 'FunctionProto.name'), (name = r.string(f)));
    else if (f.number === FUNCTION.domain) (need(f, WireType.LengthDelimited, 'FunctionProto.domain'), (domain = r.string(f)));
    else if (f.number === FUNCTION.node) (need(f, WireType.LengthDelimited, 'FunctionProto.node'), readNode(r.sub(f), w, 1));
  }
  w.functions.add(`${domain}\n${name}`);
}

function walkModel(buf: Uint8Array): Walk {
  const w: Walk = { tensors: [], nodes: [], functions: new Set(), hasGraph: false };
  const r = new ProtoReader(buf);
  while (!r.done()) {
    const f = r.next();
    if (f.number === F.model.graph) {
      need(f, WireType.LengthDelimited, 'ModelProto.graph');
      w.hasGraph = true;
      readGraph(r.sub(f), w, 0);
    } else if (f.number === F.model.functions) {
      need(f, WireType.LengthDelimited, 'ModelProto.functions');
      readFunction(r.sub(f), w);
    } else if (f.number === F.model.irVersion) need(f, WireType.Varint, 'ModelProto.ir_version');
  }
  return w;
}

export interface OnnxContext {
  /** Folder of the model file: external data paths are resolved against it. Absent for in-memory bytes. */
  modelDir?: string;
}

/** Findings for an ONNX model held in `buf`. */
export function scanOnnxBytes(buf: Uint8Array, opts: ResolvedScanOptions, ctx: OnnxContext = {}): ScanFinding[] {
  let w: Walk;
  try {
    w = walkModel(buf);
  } catch (e) {
    if (!(e instanceof ProtobufError)) throw e;
    return [{ severity: 'error', code: 'scan.onnx.parse-error', message: `Not a valid ONNX model: ${e.message}. onnxruntime will refuse it; re-export the model.`, detail: { offset: e.offset } }];
  }
  if (!w.hasGraph) {
    return [{ severity: 'error', code: 'scan.onnx.parse-error', message: 'Not a valid ONNX model: the file has no graph (ModelProto field 7). Re-export the model, or check that this is the right file.' }];
  }
  const findings: ScanFinding[] = [];
  for (const t of w.tensors) {
    const elem = ELEM_BYTES[t.dataType];
    const claimed = elem === undefined ? 0 : t.dims.reduce((p, d) => p * Math.max(0, d), 1) * elem;
    if (claimed > opts.maxTensorBytes) {
      findings.push({
        severity: 'warning',
        code: 'scan.onnx.large-tensor',
        message: `Tensor \`${t.name}\` claims ${formatBytes(claimed)} (dims [${t.dims.join(', ')}] of ${TYPE_NAMES[t.dataType] ?? `type ${t.dataType}`}), ` +
          `over the limit of ${formatBytes(opts.maxTensorBytes)}: loading it may exhaust memory.`,
        detail: { tensor: t.name },
      });
    }
    if (t.external) findings.push(...checkExternal(t, ctx));
  }
  findings.push(...checkDomains(w, opts));
  return dedupe(findings);
}

function checkExternal(t: TensorInfo, ctx: OnnxContext): ScanFinding[] {
  const location = t.entries.location ?? '';
  const detail = { tensor: t.name, location };
  if (location === '') {
    return [{ severity: 'error', code: 'scan.onnx.external-data-invalid', message: `Tensor \`${t.name}\` stores its data externally but names no location.`, detail }];
  }
  for (const key of ['offset', 'length'] as const) {
    const v = t.entries[key];
    if (v !== undefined && !/^\d+$/.test(v)) {
      return [{ severity: 'error', code: 'scan.onnx.external-data-invalid', message: `Tensor \`${t.name}\`: external data ${key} \`${v}\` is not a non-negative integer.`, detail }];
    }
  }
  if (/^([a-zA-Z]:|[\\/])/.test(location)) {
    return [{
      severity: 'error',
      code: 'scan.onnx.external-data-absolute',
      message: `Tensor \`${t.name}\` reads its data from the absolute path \`${location}\`: loading the model opens that file, wherever it is. ` +
        'External data must sit beside the model; re-save it with a relative location.',
      detail,
    }];
  }
  const normal = posix.normalize(location.replace(/\\/g, '/'));
  if (normal === '..' || normal.startsWith('../')) {
    return [{
      severity: 'error',
      code: 'scan.onnx.external-data-traversal',
      message: `Tensor \`${t.name}\` reads its data from \`${location}\`, outside the model's folder: loading the model opens that file. ` +
        'External data must sit beside the model; re-save it with a relative location.',
      detail,
    }];
  }
  if (ctx.modelDir === undefined) return [];
  const full = join(ctx.modelDir, normal);
  if (!existsSync(full)) {
    return [{ severity: 'error', code: 'scan.onnx.external-data-missing', message: `Tensor \`${t.name}\` reads its data from \`${location}\`, which does not exist next to the model (${full}). Copy the data file with the model.`, detail }];
  }
  const inside = relative(realpathSync(ctx.modelDir), realpathSync(full));
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return [{ severity: 'error', code: 'scan.onnx.external-data-traversal', message: `Tensor \`${t.name}\` reads its data from \`${location}\`, a link that leads outside the model's folder.`, detail }];
  }
  const size = statSync(full).size;
  const offset = Number(t.entries.offset ?? 0);
  const length = t.entries.length !== undefined ? Number(t.entries.length) : undefined;
  if (offset > size || (length !== undefined && offset + length > size)) {
    return [{
      severity: 'error',
      code: 'scan.onnx.external-data-invalid',
      message: `Tensor \`${t.name}\` reads bytes ${offset}..${length !== undefined ? offset + length : 'end'} of \`${location}\`, which has only ${size} bytes.`,
      detail,
    }];
  }
  return [];
}

function checkDomains(w: Walk, opts: ResolvedScanOptions): ScanFinding[] {
  const known = new Set([...STANDARD_DOMAINS, ...opts.knownDomains]);
  const out: ScanFinding[] = [];
  for (const n of w.nodes) {
    if (known.has(n.domain) || w.functions.has(`${n.domain}\n${n.opType}`)) continue;
    out.push({
      severity: 'warning',
      code: 'scan.onnx.custom-domain',
      message: `Node${n.name ? ` \`${n.name}\`` : ''} uses operator \`${n.opType}\` from the custom domain \`${n.domain}\`: onnxruntime runs it only with a ` +
        'custom-op library registered, and that library is native code with full access to your machine. Load such libraries only from sources you trust.',
      detail: { domain: n.domain, opType: n.opType },
    });
  }
  return out;
}

/** One finding per code and subject (a shared external file, a custom op used by many nodes). */
function dedupe(findings: ScanFinding[]): ScanFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const d = f.detail ?? {};
    const key = f.code === 'scan.onnx.custom-domain' ? `${f.code}\n${d.domain}\n${d.opType}` : f.code.startsWith('scan.onnx.external-data') ? `${f.code}\n${d.location}` : `${f.code}\n${d.tensor}\n${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
