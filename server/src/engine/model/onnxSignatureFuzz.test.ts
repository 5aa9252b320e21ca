import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PlumbError } from '../errors';
import { parseModelSignature } from './onnxSignature';
import { stripZipMap } from './zipmap';
import { ProtobufError } from './protobuf';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');
const models = readdirSync(FIXTURES).filter((f) => f.endsWith('.onnx')).map((f) => new Uint8Array(readFileSync(join(FIXTURES, f))));

test('corrupted models give a signature or a PlumbError, never another exception', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: models.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      fc.option(fc.nat()),
      (which, edits, cut) => {
        const bytes = models[which].slice();
        for (const [at, v] of edits) bytes[at % bytes.length] = v;
        const input = cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
        try {
          const sig = parseModelSignature(input, 'fuzz.onnx');
          assert.ok(Array.isArray(sig.inputs));
        } catch (e) {
          if (!(e instanceof PlumbError)) throw e;
          assert.equal(e.code, 'onnx.unreadable');
        }
        // The rewrite either works, declines, or raises ProtobufError on bytes it cannot parse.
        try {
          stripZipMap(input);
        } catch (e) {
          if (!(e instanceof ProtobufError)) throw e;
        }
      },
    ),
    { numRuns: 500, seed: 42 },
  );
});
