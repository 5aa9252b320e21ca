/**
 * `plumb compare SPEC [--challenger MODEL.onnx|OTHER.plumb.yaml]`: champion vs challenger on the
 * spec's eval data. Exit 0 when every `compare.gates` holds, 1 when one fails, 2 when it cannot run.
 */
import { resolve } from 'node:path';
import { runCompare, formatCompareText, compareMarkdown, type CompareResult } from '../engine/compare';
import { toJunitXml } from '../engine/report';
import { parseArgs } from './args';
import { guardedRun } from './guardedRun';
import { loadValidSpec } from './loadSpec';
import { runSarif, writeReport } from './reports';
import { usageError, type Io } from './io';

export const COMPARE_USAGE = 'plumb compare SPEC [--challenger MODEL.onnx|SPEC] [--format text|json] [--out FILE] [--markdown F] [--junit F] [--sarif F]';

export async function compareCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['challenger', 'format', 'out', 'markdown', 'junit', 'sarif'], ['quiet']);
  if (typeof parsed === 'string') return usageError(io, `${parsed}\nusage: ${COMPARE_USAGE}`);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) return usageError(io, `plumb compare takes one spec.\nusage: ${COMPARE_USAGE}`);
  const format = parsed.options.format ?? 'text';
  if (!['text', 'json'].includes(format)) return usageError(io, `--format must be text or json, not \`${format}\``);
  const loaded = await loadValidSpec(file, io);
  if (!loaded) return 2;
  const challenger = parsed.options.challenger ? resolve(parsed.options.challenger) : loaded.spec.compare?.challenger;
  if (!challenger) return usageError(io, `no challenger: pass --challenger MODEL.onnx (or another spec), or set \`compare.challenger\` in ${file}.\nusage: ${COMPARE_USAGE}`);
  const run = await guardedRun(io, parsed.flags.has('quiet'), (signal, onProgress) => runCompare(loaded.spec, challenger, { signal, onProgress }));
  if (!run.ok) return run.code;
  const r: CompareResult = run.value;
  const text = format === 'json' ? JSON.stringify(r, null, 2) : formatCompareText(r);
  if (parsed.options.out) await writeReport(parsed.options.out, text + '\n');
  else io.out(text);
  if (parsed.options.markdown) await writeReport(parsed.options.markdown, compareMarkdown(r));
  if (parsed.options.junit) await writeReport(parsed.options.junit, toJunitXml({ spec: r.spec, name: r.name, sections: [], gates: r.gates, passed: r.passed, seconds: r.seconds }));
  if (parsed.options.sarif) await writeReport(parsed.options.sarif, JSON.stringify(await runSarif(r, loaded), null, 2) + '\n');
  return r.passed ? 0 : 1;
}
