/**
 * Decodes an ONNX TypeProto (as found in graph inputs and outputs) into Plumb's TensorInfo: the
 * element type, the shape (sizes, symbolic names or unknown), and the full type as text.
 */
import { F, elemTypeName, type ElemType } from './onnxTypes';
import { int64FromVarint, ProtobufError, type ProtoReader, WireType } from './protobuf';

const MAX_DEPTH = 32;

export interface TensorInfo {
  name: string;
  elemType: ElemType;
  /** Dimensions: a size, a symbolic name, or null when unknown; null when the shape is not declared. */
  shape: (number | string | null)[] | null;
  /** The full type as text, e.g. `tensor(float)` or `seq(map(int64,tensor(float)))`. */
  type: string;
}

export function describeType(r: ProtoReader, depth = 0): { elemType: ElemType; shape: TensorInfo['shape']; type: string } {
  if (depth > MAX_DEPTH) throw new ProtobufError('type nested too deeply', r.pos);
  let out: { elemType: ElemType; shape: TensorInfo['shape']; type: string } = { elemType: 'unknown', shape: null, type: 'unknown' };
  while (!r.done()) {
    const f = r.next();
    if ((f.number === F.type.tensor || f.number === F.type.sparseTensor) && f.wireType === WireType.LengthDelimited) {
      const t = r.sub(f);
      let elem: ElemType = 'unknown';
      let shape: TensorInfo['shape'] = null;
      while (!t.done()) {
        const g = t.next();
        if (g.number === F.tensorType.elemType && g.wireType === WireType.Varint) elem = elemTypeName(g.varint);
        else if (g.number === F.tensorType.shape && g.wireType === WireType.LengthDelimited) shape = readShape(t.sub(g));
      }
      const kind = f.number === F.type.tensor ? 'tensor' : 'sparse_tensor';
      out = { elemType: f.number === F.type.tensor ? elem : 'unknown', shape, type: `${kind}(${elem})` };
    } else if (f.number === F.type.sequence && f.wireType === WireType.LengthDelimited) {
      const s = r.sub(f);
      let inner = 'unknown';
      while (!s.done()) {
        const g = s.next();
        if (g.number === F.sequenceType.elemType && g.wireType === WireType.LengthDelimited) inner = describeType(s.sub(g), depth + 1).type;
      }
      out = { elemType: 'sequence', shape: null, type: `seq(${inner})` };
    } else if (f.number === F.type.map && f.wireType === WireType.LengthDelimited) {
      const m = r.sub(f);
      let key = 'unknown';
      let value = 'unknown';
      while (!m.done()) {
        const g = m.next();
        if (g.number === F.mapType.keyType && g.wireType === WireType.Varint) key = elemTypeName(g.varint);
        else if (g.number === F.mapType.valueType && g.wireType === WireType.LengthDelimited) value = describeType(m.sub(g), depth + 1).type;
      }
      out = { elemType: 'map', shape: null, type: `map(${key},${value})` };
    } else if (f.number === F.type.optional && f.wireType === WireType.LengthDelimited) {
      const o = r.sub(f);
      let inner = 'unknown';
      while (!o.done()) {
        const g = o.next();
        if (g.number === 1 && g.wireType === WireType.LengthDelimited) inner = describeType(o.sub(g), depth + 1).type;
      }
      out = { elemType: 'unknown', shape: null, type: `optional(${inner})` };
    }
  }
  return out;
}

function readShape(r: ProtoReader): (number | string | null)[] {
  const dims: (number | string | null)[] = [];
  while (!r.done()) {
    const f = r.next();
    if (f.number !== F.shape.dim || f.wireType !== WireType.LengthDelimited) continue;
    const d = r.sub(f);
    let dim: number | string | null = null;
    while (!d.done()) {
      const g = d.next();
      if (g.number === F.dim.value && g.wireType === WireType.Varint) dim = int64FromVarint(g.varint);
      else if (g.number === F.dim.param && g.wireType === WireType.LengthDelimited) dim = d.string(g) || null;
    }
    dims.push(dim);
  }
  return dims;
}
