import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodeModel } from '../model/onnxWriter';
import { SCAN_RULES } from './codes';
import { walkPickles } from './pickleScan';
import { scanBytes } from './scanner';
import { buildNpy, OS_SYSTEM_P0, torchZip, TORCH_STATE_DICT } from './testBuilders';
import type { ScanReport } from './types';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/scan');
const NAMES = ['m.pkl', 'm.joblib', 'm.pt', 'm.bin', 'm.npy', 'm.npz', 'm.onnx', 'm.dat'];

const SEEDS: Uint8Array[] = [
  OS_SYSTEM_P0,
  TORCH_STATE_DICT,
  torchZip(TORCH_STATE_DICT, { storages: [new Uint8Array(8)] }),
  torchZip(OS_SYSTEM_P0, { method: 8 }),
  buildNpy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", OS_SYSTEM_P0),
  encodeModel({
    graph: {
      name: 'g',
      nodes: [{ opType: 'Custom', domain: 'x.y', inputs: ['x', 'w'], outputs: ['y'] }],
      inputs: [{ name: 'x', type: { tensor: 'float', shape: [1] } }],
      outputs: [{ name: 'y', type: { tensor: 'float', shape: [1] } }],
      initializers: [{ name: 'w', elemType: 'float', dims: [1], external: { location: '../w.bin', offset: 0, length: 4 } }],
    },
  }),
  ...['lr.joblib', 'mixed.joblib', 'evil_p0.pkl', 'evil_p4.pkl', 'evil.npz', 'object.npy'].map((f) => new Uint8Array(readFileSync(join(FIXTURES, f)))),
];

/** Checks the report is well-formed: known codes, no internal errors. */
function assertSound(r: ScanReport): void {
  assert.ok(['pickle', 'pytorch-zip', 'numpy', 'onnx', 'unknown'].includes(r.format));
  for (const f of r.findings) {
    assert.ok(f.code in SCAN_RULES, `unknown code ${f.code}`);
    assert.notEqual(f.code, 'scan.internal-error', f.message);
    assert.ok(['error', 'warning', 'information'].includes(f.severity));
    assert.equal(typeof f.message, 'string');
  }
  assert.doesNotThrow(() => JSON.stringify(r));
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; data: Uint8Array }
  | { kind: 'delete'; at: number; n: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), data: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 16 }) }),
);

function mutate(seed: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Uint8Array.from(seed);
  for (const m of ms) {
    const at = m.at % (b.length + 1);
    if (m.kind === 'flip') {
      if (at < b.length) b[at] = m.value;
    } else if (m.kind === 'cut') b = b.subarray(0, at);
    else if (m.kind === 'insert') b = Uint8Array.from([...b.subarray(0, at), ...m.data, ...b.subarray(at)]);
    else b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + m.n)]);
  }
  return b;
}

test('random bytes never make scanBytes throw, whatever the extension', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), fc.constantFrom(...NAMES), (buf, name) => {
      assertSound(scanBytes(buf, name));
    }),
    { numRuns: 200, seed: 1 },
  );
});

test('random bytes behind real magic numbers (zip, npy, pickle PROTO) never throw', () => {
  const magics = [[0x50, 0x4b, 3, 4], [0x50, 0x4b, 5, 6], [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], [0x80, 4], [0x80, 2], [0x1f, 0x8b], [0x78, 0x9c]];
  fc.assert(
    fc.property(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 512 }), fc.constantFrom(...NAMES), (magic, rest, name) => {
      assertSound(scanBytes(Uint8Array.from([...magic, ...rest]), name));
    }),
    { numRuns: 200, seed: 2 },
  );
});

test('mutated valid pickles, zips, npy and ONNX files never throw', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS.keys()), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(...NAMES), (i, ms, name) => {
      assertSound(scanBytes(mutate(SEEDS[i], ms), name));
    }),
    { numRuns: 200, seed: 3 },
  );
});

test('the pickle walk is bounded by its input: it never reads past the end or reports more globals than bytes', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS.keys()), fc.array(mutation, { maxLength: 4 }), (i, ms) => {
      const buf = mutate(SEEDS[i], ms);
      const { walks } = walkPickles(buf);
      let last = 0;
      for (const w of walks) {
        assert.ok(w.start >= last && w.end <= buf.length && w.end >= w.start);
        assert.ok(w.imports.length <= w.end - w.start + 1);
        last = w.end;
      }
    }),
    { numRuns: 200, seed: 4 },
  );
});

test('mutations that keep a dangerous GLOBAL intact are still caught before the damage point', () => {
  // Cutting or corrupting bytes after the GLOBAL line never hides the import.
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
      const head = OS_SYSTEM_P0.subarray(0, 11);
      const tail = mutate(OS_SYSTEM_P0.subarray(11), ms);
      const r = scanBytes(Uint8Array.from([...head, ...tail]), 'm.pkl');
      assert.ok(r.findings.some((f) => f.code === 'scan.pickle.dangerous-global' && f.detail?.name === 'system'));
    }),
    { numRuns: 200, seed: 5 },
  );
});
