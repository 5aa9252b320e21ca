/**
 * Property-based tests: random and mutated spec text and CSV bytes always end in a result or a
 * PlumbError (for data) / diagnostics (for specs), never an uncaught exception. Bounded runs.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateSpecText } from '../../server/src/engine/spec/validate';
import { CachedFileInfo } from '../../server/src/engine/spec/fileInfo';
import { cursorContext } from '../../server/src/engine/spec/cursor';
import { loadTable } from '../../server/src/engine/data';
import { PlumbError } from '../../server/src/engine/errors';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE_SPEC = join(ROOT, 'examples/credit-risk/credit-risk.plumb.yaml');
const SPEC = readFileSync(EXAMPLE_SPEC, 'utf8');
const files = new CachedFileInfo();
const dir = mkdtempSync(join(tmpdir(), 'plumb-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Mutations a typist or a corrupted file makes: deletions, insertions, swaps. */
const mutated = (base: string) =>
  fc.array(fc.record({ at: fc.nat(base.length), del: fc.nat(12), ins: fc.string({ maxLength: 8, unit: fc.constantFrom(...':-[]{}, \n\t#&*!|>"\'abc01') }) }), { maxLength: 6 }).map((edits) => {
    let s = base;
    for (const e of edits) {
      const at = Math.min(e.at, s.length);
      s = s.slice(0, at) + e.ins + s.slice(at + e.del);
    }
    return s;
  });

test('mutated specs always validate to diagnostics (the example, on real files)', async () => {
  await fc.assert(
    fc.asyncProperty(mutated(SPEC), async (text) => {
      const v = await validateSpecText(text, EXAMPLE_SPEC, files);
      assert.ok(Array.isArray(v.diagnostics));
      for (const d of v.diagnostics) {
        assert.ok(d.offset >= 0 && d.offset + d.length <= text.length + 1, `range inside the text: ${JSON.stringify(d)}`);
        assert.ok(d.message.length > 0 && d.code.length > 0);
      }
    }),
    { numRuns: 150, seed: 42 },
  );
});

test('random text as a spec never throws', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
      const v = await validateSpecText(text, join(dir, 'x.plumb.yaml'), files);
      assert.ok(Array.isArray(v.diagnostics));
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('the completion context never throws, anywhere in a mutated spec', () => {
  fc.assert(
    fc.property(mutated(SPEC), fc.nat(), (text, at) => {
      const c = cursorContext(text, at % (text.length + 1));
      assert.ok(c.kind === 'key' || c.kind === 'value');
    }),
    { numRuns: 300, seed: 3 },
  );
});

test('random and mutated CSV bytes load or fail with a PlumbError naming the file', async () => {
  const base = readFileSync(join(ROOT, 'examples/credit-risk/data/background.csv')).subarray(0, 3000);
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc.array(fc.record({ at: fc.nat(base.length), v: fc.integer({ min: 0, max: 255 }) }), { maxLength: 10 }).map((edits) => {
      const b = Uint8Array.from(base);
      for (const e of edits) b[Math.min(e.at, b.length - 1)] = e.v;
      return b;
    }),
    fc.string({ maxLength: 300, unit: fc.constantFrom('a', '1', ',', ';', '"', '\n', '\r', ' ', '\t', 'é', '-', '.', 'e') }).map((s) => new TextEncoder().encode(s)),
  );
  let n = 0;
  await fc.assert(
    fc.asyncProperty(bytes, async (b) => {
      const file = join(dir, `f${n++}.csv`);
      writeFileSync(file, b);
      try {
        const t = await loadTable(file);
        for (const c of t.columns) {
          const len = c.type === 'categorical' ? c.codes.length : c.values.length;
          assert.equal(len, t.rowCount, 'every column has one value per row');
        }
      } catch (e) {
        assert.ok(e instanceof PlumbError, `not a PlumbError: ${(e as Error)?.stack}`);
        assert.ok(e.describe().includes(file), e.describe());
      }
    }),
    { numRuns: 200, seed: 11 },
  );
});
