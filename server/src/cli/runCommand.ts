/** `plumb run SPEC [--only ...] [--format text|json] [--out FILE]`: run a spec's checks and gates. */
import { PlumbError, CancelledError } from '../engine/errors';
import { runChecks, ALL_SECTIONS, type RunResult, type Section } from '../engine/run/runChecks';
import { writeFileAtomic } from '../engine/util/atomicWrite';
import { parseArgs } from './args';
import { loadValidSpec } from './loadSpec';
import { formatRunText } from './formatRun';
import { usageError, type Io } from './io';
import { progressReporter } from './progress';
import { writeReports, REPORT_OPTIONS } from './reports';

export const RUN_USAGE = 'plumb run SPEC [--only evaluation,fairness,drift,monitoring,explain] [--format text|json] [--out FILE] [--html F] [--junit F] [--sarif F] [--markdown F]';

export async function runCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['only', 'format', 'out', ...REPORT_OPTIONS], ['quiet']);
  if (typeof parsed === 'string') return usageError(io, `${parsed}\nusage: ${RUN_USAGE}`);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) return usageError(io, `plumb run takes one spec.\nusage: ${RUN_USAGE}`);
  const only = parsed.options.only?.split(',').map((s) => s.trim()).filter(Boolean) as Section[] | undefined;
  const badSection = only?.find((s) => !ALL_SECTIONS.includes(s));
  if (badSection) return usageError(io, `--only: unknown section \`${badSection}\` (sections: ${ALL_SECTIONS.join(', ')})`);
  const format = parsed.options.format ?? 'text';
  if (!['text', 'json'].includes(format)) return usageError(io, `--format must be text or json, not \`${format}\``);

  const loaded = await loadValidSpec(file, io);
  if (!loaded) return 2;
  if (loaded.spec.kind === 'pipeline') return usageError(io, `${file} is a pipeline: \`plumb plan ${file}\` shows its stages, and \`plumb run\` runs the model specs its stages name.`);
  const signal = { cancelled: false };
  const onSigint = () => {
    if (signal.cancelled) process.exit(130);
    signal.cancelled = true;
    io.err('plumb: cancelling (press Ctrl+C again to quit at once)');
  };
  process.on('SIGINT', onSigint);
  const progress = parsed.flags.has('quiet') ? undefined : progressReporter();
  let result: RunResult;
  try {
    result = await runChecks(loaded.spec, { only, signal, onProgress: progress?.update });
  } catch (e) {
    progress?.done();
    if (e instanceof CancelledError) {
      io.err('plumb: cancelled.');
      return 130;
    }
    if (e instanceof PlumbError) {
      io.err(`plumb: ${e.describe()}`);
      return 2;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
  progress?.done();
  const text = format === 'json' ? JSON.stringify(result, null, 2) : formatRunText(result);
  if (parsed.options.out) await writeFileAtomic(parsed.options.out, text + '\n');
  else io.out(text);
  await writeReports(result, loaded, parsed.options, io);
  return result.passed ? 0 : 1;
}
