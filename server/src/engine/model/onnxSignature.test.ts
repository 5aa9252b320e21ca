import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlumbError } from '../errors';
import { parseModelSignature, readModelSignature } from './onnxSignature';
import { encodeModel, type ModelSpec } from './onnxWriter';
import { ProtoWriter } from './protobuf';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');
const fixture = (name: string): string => join(FIXTURES, name);

test('reads inputs, outputs, opsets, class labels and ZipMap of a skl2onnx-shaped classifier', async () => {
  const sig = await readModelSignature(fixture('binary-logreg-zipmap.onnx'));
  assert.deepEqual(sig.inputs, [{ name: 'float_input', elemType: 'float', shape: [null, 3], type: 'tensor(float)' }]);
  assert.deepEqual(sig.outputs, [
    { name: 'output_label', elemType: 'int64', shape: [null], type: 'tensor(int64)' },
    { name: 'output_probability', elemType: 'sequence', shape: null, type: 'seq(map(int64,tensor(float)))' },
  ]);
  assert.deepEqual(sig.opsets, [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 3 }]);
  assert.deepEqual(sig.opTypes, ['LinearClassifier', 'Cast', 'ZipMap']);
  assert.deepEqual(sig.nodeDomains, ['ai.onnx.ml', '']);
  assert.deepEqual(sig.classLabels, [0, 1]);
  assert.deepEqual(sig.zipmap, { input: 'probabilities', output: 'output_probability' });
  assert.equal(sig.irVersion, 8);
  assert.equal(sig.producer, 'plumb.onnxBuilder');
  assert.deepEqual(sig.externalData, []);
  // Plain JSON: survives a round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(sig)), sig);
});

test('string class labels and metadata_props', async () => {
  const sig = await readModelSignature(fixture('multiclass-strings.onnx'));
  assert.deepEqual(sig.classLabels, ['low', 'medium', 'high']);
  assert.deepEqual(sig.metadata, { target: 'risk_band', trained_by: 'plumb fixtures' });
  assert.deepEqual(sig.outputs[1].type, 'seq(map(string,tensor(float)))');
});

test('tree ensemble labels, per-feature inputs, string and int64 inputs, symbolic dims', async () => {
  assert.deepEqual((await readModelSignature(fixture('tree-binary.onnx'))).classLabels, [0, 1]);
  const per = await readModelSignature(fixture('per-feature.onnx'));
  assert.deepEqual(per.inputs.map((i) => [i.name, i.elemType, i.shape]), [['age', 'float', [null, 1]], ['income', 'float', [null, 1]], ['debt', 'float', [null, 1]]]);
  const cat = await readModelSignature(fixture('categorical-input.onnx'));
  assert.deepEqual(cat.inputs.map((i) => i.elemType), ['float', 'string']);
  assert.ok(cat.opTypes.includes('OneHotEncoder'));
  assert.equal((await readModelSignature(fixture('int64-input.onnx'))).inputs[0].elemType, 'int64');
  const score = await readModelSignature(fixture('score-n.onnx'));
  assert.deepEqual(score.inputs[0].shape, ['N', 2]);
  assert.deepEqual(score.outputs[0].shape, ['N']);
  assert.equal(score.classLabels, null);
  assert.equal(score.zipmap, null);
  // Initializers (W, B, flat_shape) are not inputs.
  assert.deepEqual(score.inputs.map((i) => i.name), ['input']);
});

test('reports external data references with location, offset and length', async () => {
  const sig = await readModelSignature(fixture('external-data.onnx'));
  assert.deepEqual(sig.externalData, [{ tensor: 'W', location: 'external-data.bin', offset: 0, length: 8 }]);
});

test('external data inside a subgraph and a Constant attribute is found too', () => {
  const bytes = encodeModel({
    graph: {
      name: 'g',
      inputs: [{ name: 'c', type: { tensor: 'bool', shape: [] } }],
      outputs: [{ name: 'y', type: { tensor: 'float', shape: [1] } }],
      nodes: [
        { opType: 'Constant', inputs: [], outputs: ['k'], attributes: [{ name: 'value', t: { name: 'kt', elemType: 'float', dims: [1], external: { location: '../../etc/passwd' } } }] },
        { opType: 'Identity', inputs: ['k'], outputs: ['y'] },
      ],
    },
  });
  const sig = parseModelSignature(bytes, 'mem.onnx');
  assert.deepEqual(sig.externalData, [{ tensor: 'kt', location: '../../etc/passwd' }]);
  assert.deepEqual(sig.opTypes, ['Constant', 'Identity']);
});

test('old IR: initializers listed as graph inputs are not reported as inputs', () => {
  const spec: ModelSpec = {
    irVersion: 3,
    opsets: [{ domain: '', version: 9 }],
    graph: {
      name: 'old',
      inputs: [
        { name: 'X', type: { tensor: 'float', shape: [null, 2] } },
        { name: 'W', type: { tensor: 'float', shape: [2, 1] } },
      ],
      initializers: [{ name: 'W', elemType: 'float', dims: [2, 1], floats: [1, 2] }],
      nodes: [{ opType: 'MatMul', inputs: ['X', 'W'], outputs: ['Y'] }],
      outputs: [{ name: 'Y', type: { tensor: 'float', shape: [null, 1] } }],
    },
  };
  const sig = parseModelSignature(encodeModel(spec), 'old.onnx');
  assert.deepEqual(sig.inputs.map((i) => i.name), ['X']);
  assert.equal(sig.irVersion, 3);
});

test('a huge claimed dimension is just a number', () => {
  const bytes = encodeModel({
    graph: {
      name: 'g',
      inputs: [{ name: 'X', type: { tensor: 'float', shape: [10_000_000_000, 3] } }],
      outputs: [{ name: 'X', type: { tensor: 'float', shape: [10_000_000_000, 3] } }],
      nodes: [],
    },
  });
  assert.deepEqual(parseModelSignature(bytes, 'big.onnx').inputs[0].shape, [10_000_000_000, 3]);
});

test('reads a file larger than its read block the same as from memory, skipping weights', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-sig-'));
  const weights = new Float32Array(200_000).map((_, i) => i % 7);
  const bytes = encodeModel({
    metadata: { after: 'weights' },
    graph: {
      name: 'big',
      initializers: [{ name: 'W', elemType: 'float', dims: [200_000], raw: new Uint8Array(weights.buffer) }],
      inputs: [{ name: 'X', type: { tensor: 'float', shape: [200_000] } }],
      nodes: [{ opType: 'Add', inputs: ['X', 'W'], outputs: ['Y'] }],
      outputs: [{ name: 'Y', type: { tensor: 'float', shape: [200_000] } }],
    },
  });
  assert.ok(bytes.length > 800_000);
  const path = join(dir, 'big.onnx');
  try {
    writeFileSync(path, bytes);
    const fromFile = await readModelSignature(path);
    assert.deepEqual(fromFile, parseModelSignature(readFileSync(path), path));
    assert.deepEqual(fromFile.outputs.map((o) => o.name), ['Y']);
    assert.deepEqual(fromFile.metadata, { after: 'weights' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function assertUnreadable(fn: () => unknown, pattern: RegExp, code = 'onnx.unreadable'): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PlumbError, `expected PlumbError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    return true;
  });
}

test('not-an-ONNX-file inputs give onnx.unreadable naming the file and the problem', () => {
  assertUnreadable(() => parseModelSignature(new Uint8Array(0), 'empty.onnx'), /empty\.onnx .*empty/);
  assertUnreadable(() => parseModelSignature(new TextEncoder().encode('age,income\n1,2\n'), 'data.csv'), /data\.csv is not a readable ONNX model/);
  assertUnreadable(
    () => parseModelSignature(new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n'), 'lfs.onnx'),
    /Git LFS pointer.*git lfs pull/,
  );
  const good = readFileSync(fixture('binary-logreg.onnx'));
  assertUnreadable(() => parseModelSignature(good.subarray(0, good.length - 7), 'cut.onnx'), /cut\.onnx .*(past the end|truncated)/);
  // A valid protobuf that is not a model: no graph.
  assertUnreadable(() => parseModelSignature(new ProtoWriter().varint(1, 8).finish(), 'nograph.onnx'), /no graph/);
});

test('a length claiming 10 GB is rejected by bounds checks, not allocated', () => {
  // ir_version 8, then field 7 (graph) claiming 10 GB.
  const w = new ProtoWriter().varint(1, 8).finish();
  const header = [0x3a, ...varint(10 * 2 ** 30)];
  const bytes = Uint8Array.from([...w, ...header, 1, 2, 3]);
  assertUnreadable(() => parseModelSignature(bytes, 'liar.onnx'), /length 10737418240 runs past the end/);
});

test('missing files and folders give PlumbErrors', async () => {
  await assert.rejects(readModelSignature(fixture('nope.onnx')), (e: unknown) => e instanceof PlumbError && e.code === 'onnx.not-found' && /nope\.onnx/.test(e.message));
  const dir = mkdtempSync(join(tmpdir(), 'plumb-sig-'));
  try {
    mkdirSync(join(dir, 'm.onnx'));
    await assert.rejects(readModelSignature(join(dir, 'm.onnx')), (e: unknown) => e instanceof PlumbError && e.code === 'onnx.unreadable' && /folder/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function varint(v: number): number[] {
  const out: number[] = [];
  while (v >= 128) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

test('a classifier with 300,000 class labels is read without exhausting the stack', () => {
  const labels = Array.from({ length: 300_000 }, (_, i) => i * 3);
  const bytes = encodeModel({
    graph: {
      name: 'many',
      inputs: [{ name: 'X', type: { tensor: 'float', shape: [null, 1] } }],
      nodes: [{ opType: 'LinearClassifier', domain: 'ai.onnx.ml', inputs: ['X'], outputs: ['l', 'p'], attributes: [{ name: 'classlabels_ints', ints: labels }] }],
      outputs: [{ name: 'p', type: { tensor: 'float', shape: [null, 300_000] } }],
    },
  });
  const sig = parseModelSignature(bytes, 'many.onnx');
  assert.equal(sig.classLabels?.length, 300_000);
  assert.equal(sig.classLabels?.[299_999], 899_997);
});
