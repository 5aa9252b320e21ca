import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanBytes, scanFile } from './scanner';
import { buildNpy, buildZip, bytes, OS_SYSTEM_P0, P, torchZip, TORCH_STATE_DICT } from './testBuilders';
import type { ScanReport } from './types';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/scan');
const codes = (r: ScanReport) => r.findings.map((f) => f.code);

const EVIL_P2 = bytes(P.proto(2), P.global('os', 'system'), P.shortBinstring('id'), P.tuple1, P.reduce, P.stop);

test('a torch zip with a malicious archive/data.pkl is an error naming the entry (STORED and DEFLATE)', () => {
  for (const method of [0, 8] as const) {
    const r = scanBytes(torchZip(EVIL_P2, { method, storages: [new Uint8Array(16)] }), 'model.pt');
    assert.equal(r.format, 'pytorch-zip');
    const f = r.findings.find((x) => x.code === 'scan.pickle.dangerous-global');
    assert.ok(f, `method ${method}: ${codes(r)}`);
    assert.equal(f.detail?.entry, 'archive/data.pkl');
    assert.equal(f.detail?.offset, 2);
    assert.match(f.message, /The pickle in archive\/data\.pkl imports `os\.system`/);
  }
});

test('a benign torch zip (state dict of rebuilt tensors) has only an information finding', () => {
  const r = scanBytes(torchZip(TORCH_STATE_DICT, { storages: [new Uint8Array(16)] }), 'pytorch_model.bin');
  assert.equal(r.format, 'pytorch-zip');
  assert.deepEqual(codes(r), ['scan.pickle.safe-globals']);
});

test('zip64 end records (large torch checkpoints) are followed', () => {
  const zip = buildZip([{ name: 'm/data.pkl', data: EVIL_P2 }, { name: 'm/data/0', data: new Uint8Array(8) }], { zip64: true });
  const r = scanBytes(zip, 'big.pt');
  assert.deepEqual(codes(r), ['scan.pickle.dangerous-global']);
});

test('format is detected by magic bytes, not extension: a zip named .pkl, a pickle named .pt', () => {
  assert.equal(scanBytes(torchZip(EVIL_P2), 'looks-like.pkl').format, 'pytorch-zip');
  assert.equal(scanBytes(EVIL_P2, 'weights.pt').format, 'pickle');
  assert.equal(scanBytes(EVIL_P2, 'weights.onnx').format, 'pickle');
  assert.equal(scanBytes(EVIL_P2, 'pytorch_model.bin').format, 'pickle');
  assert.deepEqual(codes(scanBytes(bytes('hello'), 'notes.txt')), ['scan.format.unknown']);
});

test('a zip bomb posing as a .pt is an error, not an out-of-memory', () => {
  const zeros = new Uint8Array(4 * 1024 * 1024); // deflates to a few KiB
  const zip = buildZip([{ name: 'archive/data.pkl', data: zeros, method: 8 }]);
  assert.ok(zip.length < 64 * 1024);
  const r = scanBytes(zip, 'model.pt', { maxDecompressedBytes: 1024 * 1024 });
  const f = r.findings.find((x) => x.code === 'scan.zip.bomb');
  assert.ok(f, JSON.stringify(r.findings));
  assert.equal(f.severity, 'error');
  assert.equal(f.detail?.entry, 'archive/data.pkl');
  // Lying about the size in the headers does not help: the inflate itself is capped.
  const liar = buildZip([{ name: 'archive/data.pkl', data: zeros, method: 8, declaredSize: 10 }]);
  assert.ok(codes(scanBytes(liar, 'model.pt', { maxDecompressedBytes: 1024 * 1024 })).includes('scan.zip.bomb'));
});

test('the decompression budget is shared by all entries of a file', () => {
  const chunk = new Uint8Array(600 * 1024);
  const zip = buildZip([
    { name: 'a/data.pkl', data: bytes(P.proto(2), P.emptyDict, P.stop, chunk), method: 8 },
    { name: 'b/data.pkl', data: bytes(P.proto(2), P.emptyDict, P.stop, chunk), method: 8 },
  ]);
  const r = scanBytes(zip, 'two.pt', { maxDecompressedBytes: 1024 * 1024 });
  assert.equal(r.findings.filter((f) => f.code === 'scan.zip.bomb').length, 1);
  assert.equal(r.findings.find((f) => f.code === 'scan.zip.bomb')?.detail?.entry, 'b/data.pkl');
});

test('too many entries is an error; the first entries are still checked', () => {
  const entries = Array.from({ length: 12 }, (_, i) => ({ name: `x/data/${i}`, data: bytes(i) }));
  const zip = buildZip([{ name: 'x/data.pkl', data: EVIL_P2 }, ...entries]);
  const r = scanBytes(zip, 'many.pt', { maxZipEntries: 5 });
  assert.deepEqual(codes(r).sort(), ['scan.pickle.dangerous-global', 'scan.zip.too-many-entries']);
});

test('a truncated or corrupt zip is a malformed error, and a zip without data.pkl a warning', () => {
  const zip = torchZip(EVIL_P2);
  const r = scanBytes(zip.subarray(0, zip.length - 30), 'cut.pt');
  assert.deepEqual(codes(r), ['scan.zip.malformed']);
  const other = buildZip([{ name: 'readme.txt', data: bytes('hi') }]);
  assert.deepEqual(codes(scanBytes(other, 'odd.pt')), ['scan.pytorch.no-pickle']);
  const bad = buildZip([{ name: 'archive/data.pkl', data: bytes(1, 2, 3) }]);
  bad[8] = 12; // compression method 12 (bzip2) in the local header is ignored; patch the central directory's too
  const cd = bad.length - 22 - (46 + 'archive/data.pkl'.length);
  bad[cd + 10] = 12;
  const u = scanBytes(bad, 'bz.pt');
  assert.deepEqual(codes(u), ['scan.zip.unsupported-entry']);
});

test('an object .npy carries its pickle: the globals inside are checked', () => {
  const r = scanBytes(readFileSync(join(FIXTURES, 'object.npy')), 'object.npy');
  assert.equal(r.format, 'numpy');
  assert.deepEqual(codes(r), ['scan.numpy.object-array', 'scan.pickle.safe-globals']);
  const evil = buildNpy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", OS_SYSTEM_P0);
  const re = scanBytes(evil, 'evil.npy');
  const f = re.findings.find((x) => x.code === 'scan.pickle.dangerous-global');
  assert.equal(f?.detail?.offset, 128); // the pickle starts right after the 128-byte header
  assert.equal(f?.detail?.module, 'os');
});

test('numeric .npy files have no findings; a broken header is an error', () => {
  const ok = buildNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", new Uint8Array(16));
  assert.deepEqual(scanBytes(ok, 'a.npy').findings, []);
  const structured = buildNpy("{'descr': [('O', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }", new Uint8Array(12));
  assert.deepEqual(scanBytes(structured, 'fields.npy').findings, [], 'a field named O is not an object dtype');
  const objField = buildNpy("{'descr': [('a', '<f8'), ('b', '|O')], 'fortran_order': False, 'shape': (1,), }", OS_SYSTEM_P0);
  assert.ok(codes(scanBytes(objField, 'f.npy')).includes('scan.pickle.dangerous-global'));
  const broken = bytes(0x93, 'NUMPY', 1, 0, 200, 0, "{'descr'");
  assert.deepEqual(codes(scanBytes(broken, 'b.npy')), ['scan.numpy.malformed']);
});

test('npz files: object members are checked, numeric members are not inflated', () => {
  const evil = scanBytes(readFileSync(join(FIXTURES, 'evil.npz')), 'evil.npz');
  assert.equal(evil.format, 'numpy');
  const f = evil.findings.find((x) => x.code === 'scan.pickle.dangerous-global');
  assert.equal(f?.detail?.entry, 'objects.npy');
  assert.equal(`${f?.detail?.module}.${f?.detail?.name}`, 'posix.system');
  assert.deepEqual(scanBytes(readFileSync(join(FIXTURES, 'plain.npz')), 'plain.npz').findings, []);
  // A huge compressed numeric member is never inflated, so a tiny budget is enough.
  const big = buildZip([{ name: 'w.npy', data: buildNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (1048576,), }", new Uint8Array(4 * 1048576)), method: 8 }]);
  assert.deepEqual(scanBytes(big, 'w.npz', { maxDecompressedBytes: 64 * 1024 }).findings, []);
});

test('scanFile reads zips from disk without loading whole files, and reports unreadable paths', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plumb-scan-'));
  const p = join(dir, 'model.pth');
  writeFileSync(p, torchZip(EVIL_P2, { storages: [new Uint8Array(1 << 20)] }));
  const r = await scanFile(p);
  assert.equal(r.file, p);
  assert.deepEqual(codes(r), ['scan.pickle.dangerous-global']);
  const missing = await scanFile(join(dir, 'nope.pt'));
  assert.deepEqual(codes(missing), ['scan.file.unreadable']);
  assert.match(missing.findings[0].message, /nope\.pt/);
  assert.deepEqual(codes(await scanFile(dir)), ['scan.file.unreadable']);
});

test('compressed joblib files (zlib, gzip) are inflated under the cap and scanned', async () => {
  const { deflateSync, gzipSync } = await import('node:zlib');
  const z = scanBytes(deflateSync(EVIL_P2), 'm.joblib');
  assert.equal(z.format, 'pickle');
  assert.deepEqual(codes(z), ['scan.pickle.dangerous-global']);
  assert.deepEqual(codes(scanBytes(gzipSync(EVIL_P2), 'm.joblib')), ['scan.pickle.dangerous-global']);
  assert.deepEqual(codes(scanBytes(gzipSync(new Uint8Array(1 << 21)), 'm.joblib', { maxDecompressedBytes: 1 << 20 })), ['scan.zip.bomb']);
  assert.deepEqual(codes(scanBytes(bytes('BZh91AY&SY', 0, 0), 'm.joblib')), ['scan.pickle.compressed']);
});
