/**
 * Reads what Plumb needs to know about an ONNX model without loading its weights: inputs and
 * outputs with types and shapes, opsets, node op types and domains, metadata, producer, classifier
 * class labels, a trailing ZipMap, and tensors whose data lives in external files. Initializer and
 * attribute tensor payloads are stepped over by length; every length is bounds-checked, so a
 * corrupt or hostile file gives a PlumbError (`onnx.unreadable`), never a crash or a huge allocation.
 */
import { PlumbError } from '../errors';
import { FileSource, memorySource, readPayload, readString, walkFields, type ByteSource, type SourceField } from './byteSource';
import { DATA_LOCATION_EXTERNAL, F } from './onnxTypes';
import { describeType, type TensorInfo } from './onnxValueType';
import { int64FromVarint, ProtobufError, WireType } from './protobuf';

export type { TensorInfo } from './onnxValueType';

export interface ExternalDataRef {
  tensor: string;
  location: string;
  offset?: number;
  length?: number;
}

export interface ModelSignature {
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  opsets: { domain: string; version: number }[];
  /** Distinct node domains ('' is the default ONNX domain), subgraphs included. */
  nodeDomains: string[];
  /** Distinct op types in order of first appearance, subgraphs included. */
  opTypes: string[];
  /** Class labels of the first classifier node (or ZipMap), in the model's column order. */
  classLabels: (number | string)[] | null;
  /** A ZipMap node producing a graph output. */
  zipmap: { input: string; output: string } | null;
  metadata: Record<string, string>;
  producer: string;
  producerVersion: string;
  externalData: ExternalDataRef[];
  irVersion: number;
}

const NAME_LIMIT = 1 << 20;
const SMALL_LIMIT = 16 << 20;
const MAX_DEPTH = 32;
const LABEL_ATTRS = new Set(['classlabels_ints', 'classlabels_int64s', 'classlabels_strings']);
const CLASSIFIERS = new Set(['LinearClassifier', 'TreeEnsembleClassifier', 'SVMClassifier', 'TreeEnsemble']);

interface State {
  src: ByteSource;
  opTypes: string[];
  domains: string[];
  externalData: ExternalDataRef[];
  classifierLabels: (number | string)[] | null;
  zipmapLabels: (number | string)[] | null;
}

function pushUnique(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

function readValueInfo(st: State, f: SourceField): TensorInfo {
  const r = readPayload(st.src, f, SMALL_LIMIT, 'a graph input or output');
  let name = '';
  let t: Omit<TensorInfo, 'name'> = { elemType: 'unknown', shape: null, type: 'unknown' };
  while (!r.done()) {
    const g = r.next();
    if (g.number === F.valueInfo.name && g.wireType === WireType.LengthDelimited) name = r.string(g);
    else if (g.number === F.valueInfo.type && g.wireType === WireType.LengthDelimited) t = describeType(r.sub(g));
  }
  return { name, ...t };
}

function readTensor(st: State, f: SourceField): string {
  let name = '';
  let external = false;
  const entries: Record<string, string> = {};
  for (const g of walkFields(st.src, f.start, f.end)) {
    if (g.number === F.tensor.name && g.wireType === WireType.LengthDelimited) name = readString(st.src, g, NAME_LIMIT, 'a tensor name');
    else if (g.number === F.tensor.dataLocation && g.wireType === WireType.Varint) external = g.varint === DATA_LOCATION_EXTERNAL;
    else if (g.number === F.tensor.externalData && g.wireType === WireType.LengthDelimited) {
      const [k, v] = readEntry(st, g);
      entries[k] = v;
      external = true;
    }
  }
  if (external) {
    const ref: ExternalDataRef = { tensor: name, location: entries.location ?? '' };
    for (const key of ['offset', 'length'] as const) {
      if (entries[key] !== undefined && /^\d+$/.test(entries[key])) ref[key] = Number(entries[key]);
    }
    st.externalData.push(ref);
  }
  return name;
}

function readEntry(st: State, f: SourceField): [string, string] {
  const r = readPayload(st.src, f, SMALL_LIMIT, 'a key-value entry');
  let key = '';
  let value = '';
  while (!r.done()) {
    const g = r.next();
    if (g.number === F.entry.key && g.wireType === WireType.LengthDelimited) key = r.string(g);
    else if (g.number === F.entry.value && g.wireType === WireType.LengthDelimited) value = r.string(g);
  }
  return [key, value];
}

function readLabels(st: State, f: SourceField): (number | string)[] {
  const r = readPayload(st.src, f, SMALL_LIMIT, 'a class-label attribute');
  const ints: number[] = [];
  const strings: string[] = [];
  while (!r.done()) {
    const g = r.next();
    if (g.number === F.attr.ints && g.wireType === WireType.LengthDelimited) for (const v of r.packedVarints(g)) ints.push(int64FromVarint(v));
    else if (g.number === F.attr.ints && g.wireType === WireType.Varint) ints.push(int64FromVarint(g.varint));
    else if (g.number === F.attr.strings && g.wireType === WireType.LengthDelimited) strings.push(r.string(g));
  }
  return strings.length ? strings : ints;
}

function readAttribute(st: State, f: SourceField, depth: number): { name: string; labels?: (number | string)[] } {
  let name = '';
  const later: SourceField[] = [];
  for (const g of walkFields(st.src, f.start, f.end)) {
    if (g.number === F.attr.name && g.wireType === WireType.LengthDelimited) name = readString(st.src, g, NAME_LIMIT, 'an attribute name');
    else if (g.wireType === WireType.LengthDelimited && (g.number === F.attr.t || g.number === F.attr.tensors)) readTensor(st, g);
    else if (g.wireType === WireType.LengthDelimited && (g.number === F.attr.g || g.number === F.attr.graphs)) readGraph(st, g, depth + 1);
    else if (g.number === F.attr.ints || g.number === F.attr.strings) later.push(g);
  }
  return LABEL_ATTRS.has(name) && later.length ? { name, labels: readLabels(st, f) } : { name };
}

interface NodeInfo {
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  labels: (number | string)[] | null;
}

function readNode(st: State, f: SourceField, depth: number): NodeInfo {
  const node: NodeInfo = { opType: '', domain: '', inputs: [], outputs: [], labels: null };
  for (const g of walkFields(st.src, f.start, f.end)) {
    if (g.wireType !== WireType.LengthDelimited) continue;
    if (g.number === F.node.opType) node.opType = readString(st.src, g, NAME_LIMIT, 'an op type');
    else if (g.number === F.node.domain) node.domain = readString(st.src, g, NAME_LIMIT, 'a node domain');
    else if (g.number === F.node.input) node.inputs.push(readString(st.src, g, NAME_LIMIT, 'a node input'));
    else if (g.number === F.node.output) node.outputs.push(readString(st.src, g, NAME_LIMIT, 'a node output'));
    else if (g.number === F.node.attribute) {
      const a = readAttribute(st, g, depth);
      if (a.labels) node.labels = a.labels;
    }
  }
  const domain = node.domain === 'ai.onnx' ? '' : node.domain;
  pushUnique(st.opTypes, node.opType);
  pushUnique(st.domains, domain);
  if (node.labels && CLASSIFIERS.has(node.opType) && domain === 'ai.onnx.ml' && !st.classifierLabels) st.classifierLabels = node.labels;
  if (node.labels && node.opType === 'ZipMap' && !st.zipmapLabels) st.zipmapLabels = node.labels;
  return node;
}

interface GraphInfo {
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  nodes: NodeInfo[];
}

function readGraph(st: State, f: SourceField, depth: number): GraphInfo {
  if (depth > MAX_DEPTH) throw new ProtobufError('subgraphs nested too deeply', f.start);
  const g: GraphInfo = { inputs: [], outputs: [], nodes: [] };
  const initializers = new Set<string>();
  for (const h of walkFields(st.src, f.start, f.end)) {
    if (h.wireType !== WireType.LengthDelimited) continue;
    if (h.number === F.graph.node) g.nodes.push(readNode(st, h, depth));
    else if (h.number === F.graph.initializer) initializers.add(readTensor(st, h));
    else if (h.number === F.graph.sparseInitializer) {
      for (const s of walkFields(st.src, h.start, h.end)) {
        if (s.wireType !== WireType.LengthDelimited) continue;
        if (s.number === F.sparseTensor.values) initializers.add(readTensor(st, s));
        else if (s.number === F.sparseTensor.indices) readTensor(st, s);
      }
    } else if (h.number === F.graph.input) g.inputs.push(readValueInfo(st, h));
    else if (h.number === F.graph.output) g.outputs.push(readValueInfo(st, h));
  }
  // Before IR 4 every initializer was also listed as a graph input; those are weights, not inputs.
  g.inputs = g.inputs.filter((i) => !initializers.has(i.name));
  return g;
}

function parse(src: ByteSource): ModelSignature {
  const st: State = { src, opTypes: [], domains: [], externalData: [], classifierLabels: null, zipmapLabels: null };
  const sig: ModelSignature = {
    inputs: [], outputs: [], opsets: [], nodeDomains: st.domains, opTypes: st.opTypes, classLabels: null,
    zipmap: null, metadata: {}, producer: '', producerVersion: '', externalData: st.externalData, irVersion: 0,
  };
  let graph: GraphInfo | null = null;
  for (const f of walkFields(src, 0, src.size)) {
    if (f.number === F.model.irVersion && f.wireType === WireType.Varint) sig.irVersion = int64FromVarint(f.varint);
    else if (f.wireType !== WireType.LengthDelimited) continue;
    else if (f.number === F.model.producerName) sig.producer = readString(src, f, NAME_LIMIT, 'the producer name');
    else if (f.number === F.model.producerVersion) sig.producerVersion = readString(src, f, NAME_LIMIT, 'the producer version');
    else if (f.number === F.model.graph) graph = readGraph(st, f, 0);
    else if (f.number === F.model.opsetImport) {
      const r = readPayload(src, f, SMALL_LIMIT, 'an opset import');
      const o = { domain: '', version: 0 };
      while (!r.done()) {
        const g = r.next();
        if (g.number === F.opset.domain && g.wireType === WireType.LengthDelimited) o.domain = r.string(g);
        else if (g.number === F.opset.version && g.wireType === WireType.Varint) o.version = int64FromVarint(g.varint);
      }
      if (o.domain === 'ai.onnx') o.domain = '';
      sig.opsets.push(o);
    } else if (f.number === F.model.metadataProps) {
      const [k, v] = readEntry(st, f);
      Object.defineProperty(sig.metadata, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  if (!graph) throw new ProtobufError('no graph: this is not an ONNX model', 0);
  if (sig.irVersion <= 0) throw new ProtobufError('no ir_version: this is not an ONNX model', 0);
  sig.inputs = graph.inputs;
  sig.outputs = graph.outputs;
  sig.classLabels = st.classifierLabels ?? st.zipmapLabels;
  const outputNames = new Set(graph.outputs.map((o) => o.name));
  const zip = graph.nodes.find((n) => n.opType === 'ZipMap' && n.outputs.some((o) => outputNames.has(o)));
  if (zip && zip.inputs.length > 0 && zip.outputs.length > 0) sig.zipmap = { input: zip.inputs[0], output: zip.outputs[0] };
  return sig;
}

function unreadable(file: string, what: string): PlumbError {
  return new PlumbError('onnx.unreadable', `${file} is not a readable ONNX model: ${what}. Export the model again (e.g. with skl2onnx or torch.onnx.export) and check the path.`, { file });
}

function wrap(file: string, src: ByteSource): ModelSignature {
  if (src.size === 0) throw unreadable(file, 'the file is empty');
  const head = new TextDecoder().decode(src.bytes(0, Math.min(src.size, 64)));
  if (head.startsWith('version https://git-lfs')) {
    throw new PlumbError('onnx.unreadable', `${file} is a Git LFS pointer, not the model itself: run \`git lfs pull\` to fetch it.`, { file });
  }
  try {
    return parse(src);
  } catch (e) {
    if (e instanceof ProtobufError) throw unreadable(file, e.message);
    throw e;
  }
}

/** The signature of a model held in memory. `file` names it in messages. */
export function parseModelSignature(bytes: Uint8Array, file: string): ModelSignature {
  return wrap(file, memorySource(bytes));
}

/** The signature of a model file, reading only the parts it needs. */
export async function readModelSignature(path: string): Promise<ModelSignature> {
  let src: FileSource;
  try {
    src = new FileSource(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const code = err.code === 'ENOENT' ? 'onnx.not-found' : 'onnx.unreadable';
    const what = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a folder' : err.message;
    throw new PlumbError(code, `cannot open the model ${path}: ${what}.`, { file: path });
  }
  try {
    return wrap(path, src);
  } finally {
    src.close();
  }
}
