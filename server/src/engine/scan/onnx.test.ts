import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeModel, writeGraph, type GraphSpec, type ModelSpec, type TensorSpec } from '../model/onnxWriter';
import { F } from '../model/onnxTypes';
import { ProtoWriter } from '../model/protobuf';
import { scanBytes, scanFile } from './scanner';
import type { ScanReport } from './types';

const codes = (r: ScanReport) => r.findings.map((f) => f.code);

function model(initializers: TensorSpec[], extra: Partial<GraphSpec> = {}, opsets?: ModelSpec['opsets']): Uint8Array {
  return encodeModel({
    opsets,
    graph: {
      name: 'g',
      nodes: [{ opType: 'Add', inputs: ['x', initializers[0]?.name ?? 'x'], outputs: ['y'] }],
      inputs: [{ name: 'x', type: { tensor: 'float', shape: [1, 2] } }],
      outputs: [{ name: 'y', type: { tensor: 'float', shape: [1, 2] } }],
      initializers,
      ...extra,
    },
  });
}

const external = (location: string, more: { offset?: number; length?: number } = {}): TensorSpec => ({
  name: 'w', elemType: 'float', dims: [1, 2], external: { location, ...more },
});

function writeModel(bytes: Uint8Array, files: Record<string, Uint8Array> = {}): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-onnx-'));
  const path = join(dir, 'model.onnx');
  writeFileSync(path, bytes);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return { dir, path };
}

test('a clean model with external data beside it has no findings', async () => {
  const { path } = writeModel(model([external('weights.bin', { offset: 0, length: 8 })]), { 'weights.bin': new Uint8Array(8) });
  const r = await scanFile(path);
  assert.equal(r.format, 'onnx');
  assert.deepEqual(r.findings, []);
});

test('external data that climbs out of the model folder is an error', async () => {
  for (const location of ['../../etc/passwd', 'sub/../../secret.bin', '..\\..\\windows\\win.ini']) {
    const r = scanBytes(model([external(location)]), 'm.onnx');
    assert.deepEqual(codes(r), ['scan.onnx.external-data-traversal'], location);
    assert.equal(r.findings[0].severity, 'error');
    assert.equal(r.findings[0].detail?.location, location);
    assert.equal(r.findings[0].detail?.tensor, 'w');
  }
});

test('absolute external data paths are errors (POSIX, Windows drive, UNC)', () => {
  for (const location of ['/etc/passwd', 'C:\\Windows\\System32\\config\\SAM', '\\\\server\\share\\w.bin']) {
    assert.deepEqual(codes(scanBytes(model([external(location)]), 'm.onnx')), ['scan.onnx.external-data-absolute'], location);
  }
});

test('missing external files, ranges past the end, and links out of the folder are errors', async () => {
  const missing = writeModel(model([external('weights.bin')]));
  const r = await scanFile(missing.path);
  assert.deepEqual(codes(r), ['scan.onnx.external-data-missing']);
  assert.match(r.findings[0].message, /weights\.bin/);

  const short = writeModel(model([external('w.bin', { offset: 4, length: 8 })]), { 'w.bin': new Uint8Array(8) });
  assert.deepEqual(codes(await scanFile(short.path)), ['scan.onnx.external-data-invalid']);

  const outside = mkdtempSync(join(tmpdir(), 'plumb-outside-'));
  writeFileSync(join(outside, 'secret.bin'), new Uint8Array(8));
  const linked = writeModel(model([external('link.bin')]));
  symlinkSync(join(outside, 'secret.bin'), join(linked.dir, 'link.bin'));
  assert.deepEqual(codes(await scanFile(linked.path)), ['scan.onnx.external-data-traversal']);

  const bad = scanBytes(model([{ name: 'w', elemType: 'float', dims: [2], external: { location: '' } }]), 'm.onnx');
  assert.deepEqual(codes(bad), ['scan.onnx.external-data-invalid']);
});

test('many tensors sharing one bad location give one finding', () => {
  const r = scanBytes(model([external('../x.bin'), { ...external('../x.bin'), name: 'w2' }]), 'm.onnx');
  assert.deepEqual(codes(r), ['scan.onnx.external-data-traversal']);
});

test('custom operator domains warn, naming domain and op; standard and extra-known domains do not', () => {
  const nodes = [
    { opType: 'Relu', inputs: ['x'], outputs: ['a'] },
    { opType: 'FusedGemm', domain: 'com.microsoft', inputs: ['a'], outputs: ['b'] },
    { opType: 'Decrypt', domain: 'com.example.crypto', inputs: ['b'], outputs: ['y'] },
    { opType: 'Decrypt', domain: 'com.example.crypto', inputs: ['b'], outputs: ['z'] },
  ];
  const bytes = model([], { nodes });
  const r = scanBytes(bytes, 'm.onnx');
  assert.deepEqual(codes(r), ['scan.onnx.custom-domain']);
  assert.equal(r.findings[0].detail?.domain, 'com.example.crypto');
  assert.equal(r.findings[0].detail?.opType, 'Decrypt');
  assert.match(r.findings[0].message, /Decrypt.*com\.example\.crypto/);
  assert.deepEqual(scanBytes(bytes, 'm.onnx', { knownDomains: ['com.example.crypto'] }).findings, []);
});

test('subgraphs (If branches) are walked for domains and external data', () => {
  const inner: GraphSpec = {
    name: 'then',
    nodes: [{ opType: 'Evil', domain: 'org.evil', inputs: [], outputs: ['t'] }],
    inputs: [],
    outputs: [{ name: 't', type: { tensor: 'float', shape: [1] } }],
    initializers: [external('/etc/shadow')],
  };
  const w = new ProtoWriter();
  w.varint(F.model.irVersion, 8);
  w.message(F.model.graph, (g) => {
    g.message(F.graph.node, (n) => {
      n.string(F.node.input, 'cond').string(F.node.output, 'y').string(F.node.opType, 'If');
      n.message(F.node.attribute, (a) => a.string(F.attr.name, 'then_branch').message(F.attr.g, (gw) => writeGraph(gw, inner)).varint(F.attr.type, 5));
    });
    g.string(F.graph.name, 'outer');
  });
  w.message(F.model.opsetImport, (o) => o.varint(F.opset.version, 17));
  const r = scanBytes(w.finish(), 'if.onnx');
  assert.deepEqual(codes(r).sort(), ['scan.onnx.custom-domain', 'scan.onnx.external-data-absolute']);
});

test('a tensor whose dims claim more than the limit warns with its size', () => {
  const huge: TensorSpec = { name: 'emb', elemType: 'float', dims: [100000, 100000], raw: new Uint8Array(4) };
  const r = scanBytes(model([huge]), 'm.onnx');
  assert.deepEqual(codes(r), ['scan.onnx.large-tensor']);
  assert.match(r.findings[0].message, /`emb` claims 37\.3 GiB \(dims \[100000, 100000\] of float\)/);
  assert.deepEqual(scanBytes(model([{ ...huge, dims: [1000, 1000] }]), 'm.onnx', { maxTensorBytes: 4_000_000 }).findings, []);
  assert.deepEqual(codes(scanBytes(model([{ ...huge, dims: [1000, 1001] }]), 'm.onnx', { maxTensorBytes: 4_000_000 })), ['scan.onnx.large-tensor']);
});

test('a model over maxFileBytes gets a size warning and is still checked', () => {
  const r = scanBytes(model([external('/etc/passwd')]), 'm.onnx', { maxFileBytes: 16 });
  assert.deepEqual(codes(r), ['scan.file.large', 'scan.onnx.external-data-absolute']);
});

test('a file that is not ONNX but named .onnx is a parse error, never a crash', async () => {
  for (const content of ['hello world, not a model', '{"format": "json"}', '']) {
    const r = scanBytes(new TextEncoder().encode(content), 'fake.onnx');
    assert.equal(r.format, 'onnx');
    assert.deepEqual(codes(r), ['scan.onnx.parse-error'], content);
    assert.equal(r.findings[0].severity, 'error');
  }
  const truncated = model([external('w.bin')]).subarray(0, 40);
  assert.deepEqual(codes(scanBytes(truncated, 'cut.onnx')), ['scan.onnx.parse-error']);
  const dir = mkdtempSync(join(tmpdir(), 'plumb-onnx-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'x.onnx'), 'not onnx');
  assert.deepEqual(codes(await scanFile(join(dir, 'sub', 'x.onnx'))), ['scan.onnx.parse-error']);
});
