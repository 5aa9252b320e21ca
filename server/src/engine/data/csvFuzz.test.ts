// Property tests: any table of strings written as CSV (quoting when needed, any delimiter, any line
// ending) reads back exactly, whatever the chunk size and thread count; any double written by
// String() reads back as the same double; random bytes give a table or a PlumbError, never a crash.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanupTempFiles, plain, tempFile } from './testing';
import { loadTable } from './loadTable';
import type { ColumnType } from './table';

after(cleanupTempFiles);

const cellChars = fc.constantFrom('a', 'b', 'Z', '0', '7', ' ', '"', ',', ';', '\t', '|', '\n', '\r', 'é', '東', '🙂', '.', '-');
const cell = fc.string({ unit: cellChars, minLength: 1, maxLength: 6 });

function quote(value: string, delimiter: string): string {
  return /["\n\r]/.test(value) || value.includes(delimiter) || value.startsWith(' ') ? `"${value.replace(/"/g, '""')}"` : value;
}

test('tables of strings round-trip through CSV with any delimiter, line ending and chunk size', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }).chain((width) =>
        fc.record({
          names: fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'y'), minLength: 1, maxLength: 3 }), { minLength: width, maxLength: width }),
          rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
          delimiter: fc.constantFrom(',', ';', '\t', '|'),
          eol: fc.constantFrom('\n', '\r\n'),
          finalEol: fc.boolean(),
          chunkBytes: fc.integer({ min: 1, max: 40 }),
          threads: fc.constantFrom(1 as const, 2 as const),
        }),
      ),
      async ({ names, rows, delimiter, eol, finalEol, chunkBytes, threads }) => {
        const lines = [names.join(delimiter), ...rows.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter))];
        const path = tempFile(lines.join(eol) + (finalEol ? eol : ''));
        const types: Record<string, ColumnType> = Object.fromEntries(names.map((n) => [n, 'categorical']));
        const t = await loadTable(path, { delimiter, types, naValues: [], chunkBytes, threads, parallelMinBytes: 0 });
        const got = plain(t);
        assert.equal(t.rowCount, rows.length);
        names.forEach((n, j) => assert.deepEqual(got[n].values, rows.map((r) => r[j])));
      },
    ),
    { numRuns: 150, seed: 7 },
  );
});

test('doubles written by String() read back as the same doubles', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 2, max: 64 }), async (values, chunkBytes) => {
      const path = tempFile(`x\n${values.map((v) => String(v).replace('Infinity', 'inf')).join('\n')}\n`);
      const t = await loadTable(path, { chunkBytes });
      const x = t.columns[0];
      assert.ok(x.type === 'numeric');
      values.forEach((v, i) => assert.ok(Object.is(x.values[i], v), `${v} read as ${x.values[i]}`));
    }),
    { numRuns: 60, seed: 11 },
  );
});

test('random bytes give a table or a PlumbError', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(...[34, 44, 10, 13, 59, 48, 49, 46, 101, 45, 32, 0xef, 0xbb, 0xbf]).chain((b) => fc.array(fc.constant(b), { maxLength: 5 })),
      fc.integer({ min: 1, max: 50 }),
      async (bytes, extra, chunkBytes) => {
        const path = tempFile(Buffer.concat([Buffer.from(extra), Buffer.from(bytes), Buffer.from(extra)]));
        try {
          const t = await loadTable(path, { chunkBytes, maxRowBytes: 200 });
          for (const c of t.columns) assert.equal(c.type === 'categorical' ? c.codes.length : c.values.length, t.rowCount);
        } catch (e) {
          assert.equal((e as Error).name, 'PlumbError', String(e));
        }
      },
    ),
    { numRuns: 300, seed: 3 },
  );
});
