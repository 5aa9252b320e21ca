/**
 * skl2onnx ends classifiers in ZipMap, whose output (a sequence of maps) onnxruntime-node cannot
 * return. stripZipMap rewrites the model in memory: the ZipMap node goes, and its input, the
 * [N, C] float probability tensor, becomes a graph output in its place. Every other byte of the
 * model (weights included) is copied unchanged.
 */
import { ProtoReader, ProtoWriter, WireType, type Field } from './protobuf';
import { F } from './onnxTypes';
import { writeValueInfo } from './onnxWriter';

interface Span {
  field: Field;
  /** Start of the tag, so [from, field.end) is the whole field. */
  from: number;
}

function spans(r: ProtoReader): Span[] {
  const out: Span[] = [];
  while (!r.done()) {
    const from = r.pos;
    out.push({ field: r.next(), from });
  }
  return out;
}

function strings(r: ProtoReader, f: Field, number: number): string[] {
  const sub = r.sub(f);
  const out: string[] = [];
  while (!sub.done()) {
    const g = sub.next();
    if (g.number === number && g.wireType === WireType.LengthDelimited) out.push(sub.string(g));
  }
  return out;
}

interface ZipNode {
  input: string;
  output: string;
  classes: number;
}

function readZipMap(r: ProtoReader, f: Field): ZipNode | null {
  const n = r.sub(f);
  let opType = '';
  let domain = '';
  const inputs: string[] = [];
  const outputs: string[] = [];
  let classes = 0;
  while (!n.done()) {
    const g = n.next();
    if (g.wireType !== WireType.LengthDelimited) continue;
    if (g.number === F.node.opType) opType = n.string(g);
    else if (g.number === F.node.domain) domain = n.string(g);
    else if (g.number === F.node.input) inputs.push(n.string(g));
    else if (g.number === F.node.output) outputs.push(n.string(g));
    else if (g.number === F.node.attribute) {
      const a = n.sub(g);
      let name = '';
      let count = 0;
      while (!a.done()) {
        const h = a.next();
        if (h.number === F.attr.name && h.wireType === WireType.LengthDelimited) name = a.string(h);
        else if (h.number === F.attr.ints) count += h.wireType === WireType.LengthDelimited ? a.packedVarints(h).length : 1;
        else if (h.number === F.attr.strings) count += 1;
      }
      if (name === 'classlabels_int64s' || name === 'classlabels_strings') classes = count;
    }
  }
  if (opType !== 'ZipMap' || domain !== 'ai.onnx.ml' || inputs.length !== 1 || outputs.length !== 1) return null;
  return { input: inputs[0], output: outputs[0], classes };
}

function header(number: number, length: number): Uint8Array {
  const out: number[] = [];
  for (let v = number * 8 + WireType.LengthDelimited; ; v = Math.floor(v / 128)) {
    if (v < 128) {
      out.push(v);
      break;
    }
    out.push((v % 128) | 0x80);
  }
  for (let v = length; ; v = Math.floor(v / 128)) {
    if (v < 128) {
      out.push(v);
      break;
    }
    out.push((v % 128) | 0x80);
  }
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function rewriteGraph(buf: Uint8Array, graph: Field): Uint8Array | null {
  const r = new ProtoReader(buf, graph.start, graph.end);
  const fields = spans(r);
  const outputNames = new Set<string>();
  const consumed = new Map<string, number>();
  for (const { field } of fields) {
    if (field.wireType !== WireType.LengthDelimited) continue;
    if (field.number === F.graph.output) outputNames.add(strings(r, field, F.valueInfo.name)[0] ?? '');
    if (field.number === F.graph.node) {
      for (const i of strings(r, field, F.node.input)) consumed.set(i, (consumed.get(i) ?? 0) + 1);
    }
  }
  const removed = new Map<Field, ZipNode>();
  for (const { field } of fields) {
    if (field.number !== F.graph.node || field.wireType !== WireType.LengthDelimited) continue;
    const z = readZipMap(r, field);
    if (z && outputNames.has(z.output) && !consumed.has(z.output)) removed.set(field, z);
  }
  if (removed.size === 0) return null;
  const byOutput = new Map([...removed.values()].map((z) => [z.output, z]));
  const parts: Uint8Array[] = [];
  for (const { field, from } of fields) {
    if (removed.has(field)) continue;
    const isLd = field.wireType === WireType.LengthDelimited;
    const name = isLd && (field.number === F.graph.output || field.number === F.graph.valueInfo) ? strings(r, field, F.valueInfo.name)[0] : undefined;
    const z = name !== undefined ? byOutput.get(name) : undefined;
    if (z && field.number === F.graph.valueInfo) continue;
    if (z) {
      if (outputNames.has(z.input)) continue; // the probabilities are already an output
      const w = new ProtoWriter().message(F.graph.output, (v) =>
        writeValueInfo(v, { name: z.input, type: { tensor: 'float', shape: [null, z.classes > 0 ? z.classes : null] } }),
      );
      parts.push(w.finish());
      continue;
    }
    parts.push(buf.subarray(from, field.end));
  }
  return concat(parts);
}

/**
 * The model with every ZipMap that produces a graph output removed and its probability tensor
 * output instead; null when there is no such ZipMap (nothing to do). Throws ProtobufError on
 * malformed bytes (read the signature first to get a PlumbError).
 */
export function stripZipMap(bytes: Uint8Array): Uint8Array | null {
  const r = new ProtoReader(bytes);
  const fields = spans(r);
  const graph = fields.find((s) => s.field.number === F.model.graph && s.field.wireType === WireType.LengthDelimited);
  if (!graph) return null;
  const newGraph = rewriteGraph(bytes, graph.field);
  if (!newGraph) return null;
  const parts: Uint8Array[] = [];
  for (const s of fields) {
    if (s === graph) parts.push(header(F.model.graph, newGraph.length), newGraph);
    else parts.push(bytes.subarray(s.from, s.field.end));
  }
  return concat(parts);
}
