/**
 * A corpus of hostile inputs, each generated here (never committed): every one ends in a clear
 * error or a result, never a crash, a hang or unbounded memory.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTable, readHeader } from '../../server/src/engine/data';
import { readModelSignature } from '../../server/src/engine/model';
import { validateSpecText } from '../../server/src/engine/spec/validate';
import { CachedFileInfo } from '../../server/src/engine/spec/fileInfo';
import { PlumbError } from '../../server/src/engine/errors';
import { ProtoWriter } from '../../server/src/engine/model/protobuf';

const dir = mkdtempSync(join(tmpdir(), 'plumb-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function rejectsClearly(p: Promise<unknown>, pattern: RegExp): Promise<PlumbError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof PlumbError, `expected a PlumbError, got ${String(e)}`);
    assert.match(e.describe(), pattern);
    return e;
  }
  assert.fail('expected an error');
}

test('a 1 GB single-line CSV fails fast with the row-size limit, in bounded memory', async () => {
  const file = join(dir, 'one-line.csv');
  const fd = openSync(file, 'w');
  writeSync(fd, 'a,b\n1,');
  ftruncateSync(fd, 1024 ** 3); // a sparse 1 GB file: the second row never ends
  closeSync(fd);
  const rss = process.memoryUsage().rss;
  const e = await rejectsClearly(loadTable(file), /one-line\.csv/);
  assert.equal(e.place.line, 2);
  assert.ok(process.memoryUsage().rss - rss < 512 * 1024 ** 2, 'memory stays bounded (well under the file size)');
});

test('a CSV with 100,000 columns loads or fails clearly; its header reads', async () => {
  const file = join(dir, 'wide.csv');
  const names = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
  writeFileSync(file, `${names.join(',')}\n${names.map((_, i) => i % 10).join(',')}\n`);
  const header = await readHeader(file);
  assert.equal(header.columns.length, 100_000);
  const t = await loadTable(file, { columns: ['c5', 'c99999'] });
  assert.equal(t.rowCount, 1);
  assert.deepEqual(t.columns.map((c) => c.name), ['c5', 'c99999']);
});

test('a truncated ONNX file and one claiming huge dimensions', async () => {
  const model = new ProtoWriter()
    .varint(1, 8)
    .message(7, (g) =>
      g.string(2, 'g').message(11, (vi) =>
        vi.string(1, 'x').message(2, (t) => t.message(1, (tt) => tt.varint(1, 1).message(2, (sh) => sh.message(1, (d) => d.varint(1, 2 ** 50)).message(1, (d) => d.varint(1, 2 ** 50))))),
      ),
    )
    .finish();
  const huge = join(dir, 'huge.onnx');
  writeFileSync(huge, model);
  const sig = await readModelSignature(huge);
  assert.deepEqual(sig.inputs[0].shape, [2 ** 50, 2 ** 50]);
  const truncated = join(dir, 'truncated.onnx');
  writeFileSync(truncated, model.subarray(0, model.length - 7));
  await rejectsClearly(readModelSignature(truncated), /truncated\.onnx/);
});

test('YAML bombs and deep nesting in a spec end in diagnostics', async () => {
  const files = new CachedFileInfo();
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const bomb = await validateSpecText(laughs.join('\n'), join(dir, 'bomb.plumb.yaml'), files);
  assert.ok(bomb.diagnostics.some((d) => d.code === 'yaml.aliases'));
  const deep = await validateSpecText(`plumb: 1\nname: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, join(dir, 'deep.plumb.yaml'), files);
  assert.ok(deep.diagnostics.length > 0);
  const nestedMaps = await validateSpecText(`plumb: 1\ncard:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} 1\n`, join(dir, 'nested.plumb.yaml'), files);
  assert.ok(Array.isArray(nestedMaps.diagnostics));
});

test('a spec pointing at hostile files gets diagnostics, not exceptions', async () => {
  writeFileSync(join(dir, 'not-a-model.onnx'), 'name,age\nalice,3\n');
  writeFileSync(join(dir, 'binary.csv'), Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01, 0x02, 0x0a, 0x00]));
  const text = `plumb: 1\nmodel:\n  path: not-a-model.onnx\n  task: binary-classification\n  features: [age]\ndata:\n  eval: binary.csv\n  target: name\nevaluation:\n  metrics: [accuracy]\n`;
  const v = await validateSpecText(text, join(dir, 'h.plumb.yaml'), new CachedFileInfo());
  const codes = v.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('model.unreadable') || codes.some((c) => c.startsWith('scan.')), codes.join());
});
