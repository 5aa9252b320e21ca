/**
 * Writes bootstrapPinned.json: bootstrapIntervals on the inputs of ../bootstrapPinnedCases.ts. The
 * committed file was produced by the pre-optimisation implementation (see the test for the commit),
 * so bootstrap.pinned.test.ts checks later implementations give exactly the same intervals.
 * Run: node --import tsx server/src/engine/metrics/expected/pinBootstrap.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapIntervals } from '../bootstrap';
import { pinnedCases } from '../bootstrapPinnedCases';

const cases = pinnedCases().map((c) => ({ name: c.name, intervals: bootstrapIntervals(c.names, c.input, c.options) }));
writeFileSync(join(__dirname, 'bootstrapPinned.json'), JSON.stringify({ cases }, null, 1) + '\n');
