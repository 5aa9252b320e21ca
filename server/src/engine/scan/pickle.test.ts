import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanBytes } from './scanner';
import { walkPickles } from './pickleScan';
import { bytes, OS_SYSTEM_P0, P, TORCH_STATE_DICT } from './testBuilders';
import type { ScanReport } from './types';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/scan');

function codes(r: ScanReport): string[] {
  return r.findings.map((f) => f.code);
}

function dangerous(r: ScanReport): string[] {
  return r.findings.filter((f) => f.code === 'scan.pickle.dangerous-global').map((f) => `${f.detail?.module}.${f.detail?.name}`);
}

/** Every global the walk imports, as module.name, over all pickles in the bytes. */
function importedGlobals(buf: Uint8Array): string[] {
  const names = walkPickles(buf).walks.flatMap((w) => w.imports.map((g) => `${g.module}.${g.name}`));
  return [...new Set(names)].sort();
}

test('protocol 0 GLOBAL os.system + REDUCE is an error naming the call', () => {
  const r = scanBytes(OS_SYSTEM_P0, 'model.pkl');
  assert.equal(r.format, 'pickle');
  assert.deepEqual(dangerous(r), ['os.system']);
  const f = r.findings[0];
  assert.equal(f.severity, 'error');
  assert.equal(f.detail?.opcode, 'GLOBAL');
  assert.equal(f.detail?.offset, 0);
  assert.match(f.message, /called by REDUCE at byte 27/);
  assert.match(f.message, /ONNX/);
  assert.match(f.message, /safetensors/);
});

test('protocol 2 GLOBAL of posix.system and nt.system are errors', () => {
  for (const module of ['posix', 'nt']) {
    const r = scanBytes(bytes(P.proto(2), P.global(module, 'system'), P.shortBinstring('id'), P.tuple1, P.reduce, P.stop), 'm.pkl');
    assert.deepEqual(dangerous(r), [`${module}.system`]);
  }
});

test('protocol 4 STACK_GLOBAL resolves module and name from SHORT_BINUNICODE + MEMOIZE', () => {
  const pkl = bytes(P.proto(4), P.frame(40), P.shortUnicode('subprocess'), P.memoize, P.shortUnicode('check_output'), P.memoize,
    P.stackGlobal, P.memoize, P.shortUnicode('id'), P.memoize, P.tuple1, P.memoize, P.reduce, P.memoize, P.stop);
  const r = scanBytes(pkl, 'm.pkl');
  assert.deepEqual(dangerous(r), ['subprocess.check_output']);
  assert.equal(r.findings[0].detail?.opcode, 'STACK_GLOBAL');
  assert.equal(r.findings[0].detail?.offset, 39);
});

test('STACK_GLOBAL operands fetched from the memo (BINGET), or with values popped in between, still resolve', () => {
  // Strings stored, popped, then fetched back from the memo.
  const pkl = bytes(P.proto(4), P.shortUnicode('builtins'), P.binput(7), P.shortUnicode('eval'), P.binput(8), 0x30, 0x30,
    P.binint1(1), 0x30, P.binget(7), P.binget(8), P.stackGlobal, P.shortUnicode('1+1'), P.tuple1, P.reduce, P.stop);
  assert.deepEqual(dangerous(scanBytes(pkl, 'm.pkl')), ['builtins.eval']);
  // A decoy pushed and popped between the operands; DUP of the module string.
  const decoy = bytes(P.proto(4), P.shortUnicode('posix'), P.shortUnicode('decoy'), 0x30, P.shortUnicode('system'), P.stackGlobal, P.stop);
  assert.deepEqual(dangerous(scanBytes(decoy, 'm.pkl')), ['posix.system']);
  const dup = bytes(P.proto(4), P.shortUnicode('sys'), '2', 0x30, P.shortUnicode('exit'), P.stackGlobal, P.stop);
  assert.deepEqual(dangerous(scanBytes(dup, 'm.pkl')), ['sys.exit']);
});

test('STACK_GLOBAL with a computed operand is an unresolved-global error', () => {
  // module = getattr-free but computed: the result of calling collections.OrderedDict()
  const pkl = bytes(P.proto(4), P.global('collections', 'OrderedDict'), P.emptyTuple, P.reduce, P.shortUnicode('system'), P.stackGlobal, P.stop);
  const r = scanBytes(pkl, 'm.pkl');
  const f = r.findings.find((x) => x.code === 'scan.pickle.unresolved-global');
  assert.ok(f, JSON.stringify(r.findings));
  assert.equal(f.severity, 'error');
  assert.match(f.message, /result of calling collections\.OrderedDict/);
});

test('INST imports and calls in one opcode', () => {
  const pkl = bytes(P.mark, P.string('echo hi'), P.inst('os', 'popen'), P.stop);
  const r = scanBytes(pkl, 'm.pickle');
  assert.deepEqual(dangerous(r), ['os.popen']);
  assert.match(r.findings[0].message, /imported by INST at byte 12, called by INST at byte 12/);
});

test('builtins and __builtin__ eval/exec/getattr/__import__ are errors; OBJ and NEWOBJ targets are reported', () => {
  for (const [module, name] of [['builtins', 'eval'], ['__builtin__', 'exec'], ['builtins', 'getattr'], ['builtins', '__import__'], ['runpy', '_run_code'], ['webbrowser', 'open'], ['socket', 'create_connection'], ['pickle', 'loads'], ['torch', 'load']]) {
    const viaObj = bytes(P.mark, P.global(module, name), P.string('x'), P.obj, P.stop);
    assert.deepEqual(dangerous(scanBytes(viaObj, 'a.pkl')), [`${module}.${name}`], `${module}.${name}`);
    assert.match(scanBytes(viaObj, 'a.pkl').findings[0].message, /called by OBJ/);
  }
  const viaNewobj = bytes(P.proto(2), P.global('shutil', 'rmtree'), P.emptyTuple, P.newobj, P.stop);
  assert.match(scanBytes(viaNewobj, 'a.pkl').findings[0].message, /called by NEWOBJ/);
});

test('a torch state dict (rebuild tensor, storage, OrderedDict) has no warning or error', () => {
  const r = scanBytes(TORCH_STATE_DICT, 'legacy.pkl');
  assert.deepEqual(codes(r), ['scan.pickle.safe-globals']);
  assert.equal(r.findings[0].severity, 'information');
  assert.match(r.findings[0].message, /torch\._utils\._rebuild_tensor_v2/);
  assert.match(r.findings[0].message, /torch\.FloatStorage/);
});

test('plain dicts, lists and numbers import nothing and give no findings', () => {
  const pkl = bytes(P.proto(2), P.emptyDict, P.binput(0), P.mark, P.shortBinstring('a'), P.binint1(1), P.shortBinstring('b'),
    P.emptyList, P.binint(-5), P.append, 'G', [0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18], P.setitems, P.stop);
  const r = scanBytes(pkl, 'data.pkl');
  assert.deepEqual(r.findings, []);
});

test('unknown globals (sklearn) warn, and allowGlobals trusts them without overriding the dangerous list', () => {
  const pkl = bytes(P.proto(2), P.global('sklearn.linear_model._logistic', 'LogisticRegression'), P.emptyTuple, P.newobj,
    P.global('os', 'system'), P.stop);
  const plain = scanBytes(pkl, 'm.joblib');
  assert.deepEqual(codes(plain).sort(), ['scan.pickle.dangerous-global', 'scan.pickle.unknown-global']);
  const allowed = scanBytes(pkl, 'm.joblib', { allowGlobals: ['sklearn.*', 'os.*'] });
  assert.deepEqual(codes(allowed), ['scan.pickle.dangerous-global']);
});

test('EXT1 (copyreg extension registry) is a warning', () => {
  const r = scanBytes(bytes(P.proto(2), P.ext1(42), P.emptyTuple, P.reduce, P.stop), 'm.pkl');
  assert.deepEqual(codes(r), ['scan.pickle.extension-global']);
});

test('a truncated stream is a parse-error warning at the byte where it stops, keeping what came before', () => {
  const full = bytes(P.proto(4), P.shortUnicode('os'), P.shortUnicode('system'), P.stackGlobal, P.binUnicode('echo hi'), P.tuple1, P.reduce, P.stop);
  const cut = full.subarray(0, 20); // inside the BINUNICODE argument
  const r = scanBytes(cut, 'm.pkl');
  assert.deepEqual(dangerous(r), ['os.system']);
  const f = r.findings.find((x) => x.code === 'scan.pickle.parse-error');
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /could not be fully parsed at byte 15 \(BINUNICODE argument is truncated\)/);
  assert.equal(f.detail?.offset, 15);
  assert.equal(f.detail?.opcode, 'BINUNICODE');
  const noStop = scanBytes(full.subarray(0, full.length - 1), 'm.pkl');
  assert.match(noStop.findings.find((x) => x.code === 'scan.pickle.parse-error')?.message ?? '', /without a STOP opcode/);
});

test('an unknown opcode and an empty file are parse-error warnings', () => {
  const r = scanBytes(bytes(P.proto(2), 0xff, P.stop), 'm.pkl');
  assert.match(r.findings[0].message, /could not be fully parsed at byte 2 \(unknown opcode 0xff\)/);
  assert.equal(scanBytes(new Uint8Array(0), 'm.pkl').findings[0].code, 'scan.pickle.parse-error');
});

test('stack underflow is reported as malformed (Python stops there)', () => {
  const r = scanBytes(bytes(P.proto(2), P.reduce, P.stop), 'm.pkl');
  const f = r.findings.find((x) => x.code === 'scan.pickle.parse-error');
  assert.match(f?.message ?? '', /malformed at byte 2 \(stack underflow in REDUCE\)/);
});

test('concatenated pickles are scanned in turn (joblib, legacy torch)', () => {
  const benign = bytes(P.proto(2), P.emptyDict, P.stop);
  const evil = bytes(P.proto(4), P.shortUnicode('os'), P.shortUnicode('system'), P.stackGlobal, P.stop);
  const r = scanBytes(bytes(benign, benign, evil), 'm.pkl');
  assert.deepEqual(dangerous(r), ['os.system']);
  assert.equal(r.findings[0].detail?.offset, 2 * benign.length + 2 + 4 + 8);
});

test('legacy torch.save files: five pickles then raw storage bytes, which are not parsed as pickles', () => {
  const magic = bytes(P.proto(2), 0x8a, 10, [0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19], P.stop);
  const small = bytes(P.proto(2), P.binint1(1), P.stop);
  const keys = bytes(P.proto(2), P.mark, P.shortBinstring('0'), 'l', P.stop);
  const storage = bytes(4, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x02, 0xff, 0xfe, 1, 2, 3, 4); // would be a broken pickle
  const r = scanBytes(bytes(magic, small, small, TORCH_STATE_DICT, keys, storage), 'old.pt');
  assert.deepEqual(codes(r), ['scan.pickle.safe-globals']);
  // Without the magic number, trailing bytes that do not start a pickle are reported, not parsed.
  const r2 = scanBytes(bytes(TORCH_STATE_DICT, 0x00, 0x01, 0x02), 'x.pkl');
  assert.deepEqual(codes(r2), ['scan.pickle.safe-globals', 'scan.pickle.trailing-data']);
});

// Expected globals come from test/fixtures/scan/generate.py: the real Python, joblib and NumPy
// unpicklers record every find_class call while loading each fixture (with dangerous callables stubbed).
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, string[]>;

test('globals match what the real unpicklers import, for pickle protocols 0-5 and concatenated pickles', () => {
  for (const name of ['evil_p0.pkl', 'evil_p1.pkl', 'evil_p2.pkl', 'evil_p3.pkl', 'evil_p4.pkl', 'evil_p5.pkl', 'multi.pkl']) {
    const buf = readFileSync(join(FIXTURES, name));
    assert.deepEqual(importedGlobals(buf), expected[name], name);
    const r = scanBytes(buf, name);
    assert.deepEqual(dangerous(r), ['posix.system'], name);
    assert.ok(!codes(r).includes('scan.pickle.parse-error'), name);
  }
});

test('joblib files: arrays written inside the pickle are stepped over, and every global is found', () => {
  for (const name of ['lr.joblib', 'rf.joblib', 'mixed.joblib', 'evil.joblib']) {
    const buf = readFileSync(join(FIXTURES, name));
    assert.deepEqual(importedGlobals(buf), expected[name], name);
    const r = scanBytes(buf, name);
    assert.ok(!codes(r).some((c) => c.startsWith('scan.pickle.parse') || c === 'scan.pickle.trailing-data'), `${name}: ${codes(r)}`);
  }
  assert.deepEqual(dangerous(scanBytes(readFileSync(join(FIXTURES, 'evil.joblib')), 'evil.joblib')), ['posix.system']);
  const lr = scanBytes(readFileSync(join(FIXTURES, 'lr.joblib')), 'lr.joblib');
  assert.deepEqual(codes(lr), ['scan.pickle.unknown-global']);
  assert.equal(lr.findings[0].detail?.name, 'LogisticRegression');
  assert.deepEqual(codes(scanBytes(readFileSync(join(FIXTURES, 'mixed.joblib')), 'mixed.joblib')), ['scan.pickle.safe-globals']);
});

test('files over maxFileBytes are scanned only up to the limit, with a warning saying so', () => {
  const pkl = bytes(P.proto(2), P.emptyDict, P.stop, P.proto(2), P.global('os', 'system'), P.stop);
  const r = scanBytes(pkl, 'm.pkl', { maxFileBytes: 4 });
  assert.ok(codes(r).includes('scan.pickle.truncated-read'));
  assert.ok(!codes(r).includes('scan.pickle.dangerous-global'), 'the GLOBAL lies past the limit');
  assert.deepEqual(dangerous(scanBytes(pkl, 'm.pkl')), ['os.system']);
});

test('a global repeated many times is reported once, at its first import', () => {
  const one = bytes(P.global('os', 'system'), '0');
  const r = scanBytes(bytes(P.proto(2), Array.from({ length: 500 }, () => one), P.none, P.stop), 'm.pkl');
  assert.deepEqual(dangerous(r), ['os.system']);
  assert.equal(r.findings[0].detail?.offset, 2);
});
