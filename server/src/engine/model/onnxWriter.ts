/**
 * Encodes an ONNX ModelProto from a plain description (graph nodes, value infos, initializers,
 * opsets, metadata). Used to build test and example models without Python, and by the ZipMap
 * rewrite to write value infos. It does not validate the graph: onnxruntime does that on load.
 */
import { ProtoWriter } from './protobuf';
import { AttrType, DATA_LOCATION_EXTERNAL, ELEM_TYPES, F, type TensorElemType } from './onnxTypes';

/** A dimension: a fixed size, a named symbolic size ('N'), or unknown (null). */
export type Dim = number | string | null;

export type TypeSpec =
  | { tensor: TensorElemType; shape?: Dim[] }
  | { sequence: TypeSpec }
  | { map: { key: TensorElemType; value: TypeSpec } };

export interface ValueInfoSpec {
  name: string;
  type: TypeSpec;
}

export interface TensorSpec {
  name: string;
  elemType: TensorElemType;
  dims: number[];
  floats?: ArrayLike<number>;
  doubles?: ArrayLike<number>;
  int64s?: ArrayLike<number>;
  strings?: string[];
  raw?: Uint8Array;
  /** Stored outside the model (TensorProto.data_location = EXTERNAL). */
  external?: { location: string; offset?: number; length?: number };
}

export type AttrSpec =
  | { name: string; f: number }
  | { name: string; i: number }
  | { name: string; s: string }
  | { name: string; floats: ArrayLike<number> }
  | { name: string; ints: ArrayLike<number> }
  | { name: string; strings: string[] }
  | { name: string; t: TensorSpec };

export interface NodeSpec {
  opType: string;
  domain?: string;
  name?: string;
  inputs: string[];
  outputs: string[];
  attributes?: AttrSpec[];
}

export interface GraphSpec {
  name: string;
  nodes: NodeSpec[];
  inputs: ValueInfoSpec[];
  outputs: ValueInfoSpec[];
  initializers?: TensorSpec[];
}

export interface ModelSpec {
  irVersion?: number;
  opsets?: { domain: string; version: number }[];
  producerName?: string;
  producerVersion?: string;
  docString?: string;
  metadata?: Record<string, string>;
  graph: GraphSpec;
}

export const DEFAULT_OPSETS = [
  { domain: '', version: 17 },
  { domain: 'ai.onnx.ml', version: 3 },
];

export function writeType(w: ProtoWriter, t: TypeSpec): void {
  if ('tensor' in t) {
    w.message(F.type.tensor, (tt) => {
      tt.varint(F.tensorType.elemType, ELEM_TYPES[t.tensor]);
      if (t.shape) {
        const shape = t.shape;
        tt.message(F.tensorType.shape, (s) => {
          for (const d of shape) {
            s.message(F.shape.dim, (dw) => {
              if (typeof d === 'number') dw.varint(F.dim.value, d);
              else if (typeof d === 'string') dw.string(F.dim.param, d);
            });
          }
        });
      }
    });
  } else if ('sequence' in t) {
    w.message(F.type.sequence, (s) => s.message(F.sequenceType.elemType, (e) => writeType(e, t.sequence)));
  } else {
    w.message(F.type.map, (m) => {
      m.varint(F.mapType.keyType, ELEM_TYPES[t.map.key]);
      m.message(F.mapType.valueType, (v) => writeType(v, t.map.value));
    });
  }
}

export function writeValueInfo(w: ProtoWriter, v: ValueInfoSpec): void {
  w.string(F.valueInfo.name, v.name);
  w.message(F.valueInfo.type, (t) => writeType(t, v.type));
}

export function writeTensor(w: ProtoWriter, t: TensorSpec): void {
  for (const d of t.dims) w.varint(F.tensor.dims, d);
  w.varint(F.tensor.dataType, ELEM_TYPES[t.elemType]);
  w.string(F.tensor.name, t.name);
  if (t.floats) w.packedFloats(F.tensor.floatData, t.floats);
  if (t.doubles) w.packedDoubles(F.tensor.doubleData, t.doubles);
  if (t.int64s) w.packedVarints(F.tensor.int64Data, t.int64s);
  if (t.strings) for (const s of t.strings) w.string(F.tensor.stringData, s);
  if (t.raw) w.bytes(F.tensor.rawData, t.raw);
  if (t.external) {
    const ext = t.external;
    const entries: [string, string][] = [['location', ext.location]];
    if (ext.offset !== undefined) entries.push(['offset', String(ext.offset)]);
    if (ext.length !== undefined) entries.push(['length', String(ext.length)]);
    for (const [key, value] of entries) {
      w.message(F.tensor.externalData, (e) => e.string(F.entry.key, key).string(F.entry.value, value));
    }
    w.varint(F.tensor.dataLocation, DATA_LOCATION_EXTERNAL);
  }
}

function writeAttribute(w: ProtoWriter, a: AttrSpec): void {
  w.string(F.attr.name, a.name);
  if ('f' in a) w.float32(F.attr.f, a.f).varint(F.attr.type, AttrType.Float);
  else if ('i' in a) w.varint(F.attr.i, a.i).varint(F.attr.type, AttrType.Int);
  else if ('s' in a) w.string(F.attr.s, a.s).varint(F.attr.type, AttrType.String);
  else if ('floats' in a) w.packedFloats(F.attr.floats, a.floats).varint(F.attr.type, AttrType.Floats);
  else if ('ints' in a) w.packedVarints(F.attr.ints, a.ints).varint(F.attr.type, AttrType.Ints);
  else if ('strings' in a) {
    for (const s of a.strings) w.string(F.attr.strings, s);
    w.varint(F.attr.type, AttrType.Strings);
  } else {
    const t = a.t;
    w.message(F.attr.t, (tw) => writeTensor(tw, t)).varint(F.attr.type, AttrType.Tensor);
  }
}

export function writeNode(w: ProtoWriter, n: NodeSpec): void {
  for (const i of n.inputs) w.string(F.node.input, i);
  for (const o of n.outputs) w.string(F.node.output, o);
  if (n.name) w.string(F.node.name, n.name);
  w.string(F.node.opType, n.opType);
  for (const a of n.attributes ?? []) w.message(F.node.attribute, (aw) => writeAttribute(aw, a));
  if (n.domain) w.string(F.node.domain, n.domain);
}

export function writeGraph(w: ProtoWriter, g: GraphSpec): void {
  for (const n of g.nodes) w.message(F.graph.node, (nw) => writeNode(nw, n));
  w.string(F.graph.name, g.name);
  for (const t of g.initializers ?? []) w.message(F.graph.initializer, (tw) => writeTensor(tw, t));
  for (const v of g.inputs) w.message(F.graph.input, (vw) => writeValueInfo(vw, v));
  for (const v of g.outputs) w.message(F.graph.output, (vw) => writeValueInfo(vw, v));
}

/** Serialises a model. Field order follows what the ONNX Python helper writes. */
export function encodeModel(m: ModelSpec): Uint8Array {
  const w = new ProtoWriter();
  w.varint(F.model.irVersion, m.irVersion ?? 8);
  w.string(F.model.producerName, m.producerName ?? 'plumb.onnxBuilder');
  w.string(F.model.producerVersion, m.producerVersion ?? '0.1.0');
  if (m.docString) w.string(F.model.docString, m.docString);
  w.message(F.model.graph, (gw) => writeGraph(gw, m.graph));
  for (const o of m.opsets ?? DEFAULT_OPSETS) {
    w.message(F.model.opsetImport, (ow) => {
      if (o.domain) ow.string(F.opset.domain, o.domain);
      ow.varint(F.opset.version, o.version);
    });
  }
  for (const [key, value] of Object.entries(m.metadata ?? {})) {
    w.message(F.model.metadataProps, (e) => e.string(F.entry.key, key).string(F.entry.value, value));
  }
  return w.finish();
}
