/**
 * `plumb plan PIPELINE [--format text|json]`: validates a `kind: pipeline` spec and prints the stage
 * order and what would run (never runs a command). Exit 0 with a plan, 1 when the pipeline has
 * errors (they are printed, located), 2 when it cannot be read or is not a pipeline.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parsePipeline, planPipeline, formatPlanText } from '../engine/pipeline';
import { CachedFileInfo } from '../engine/spec/fileInfo';
import { validateSpecText } from '../engine/spec/validate';
import { parseArgs } from './args';
import { formatText } from './check';
import { locateDiagnostics } from './positions';
import { usageError, type Io } from './io';

export const PLAN_USAGE = 'plumb plan PIPELINE [--format text|json]';

export async function planCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['format']);
  if (typeof parsed === 'string') return usageError(io, `${parsed}\nusage: ${PLAN_USAGE}`);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) return usageError(io, `plumb plan takes one pipeline file.\nusage: ${PLAN_USAGE}`);
  const format = parsed.options.format ?? 'text';
  if (!['text', 'json'].includes(format)) return usageError(io, `--format must be text or json, not \`${format}\``);
  const abs = resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    io.err(`plumb: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 2;
  }
  const v = await validateSpecText(text, abs, new CachedFileInfo());
  if (!v.spec || v.spec.kind !== 'pipeline') {
    if (v.diagnostics.length) io.err(formatText(locateDiagnostics(abs, text, v.diagnostics), 1));
    io.err(`plumb: ${file} is not a pipeline (\`kind: pipeline\`); \`plumb run\` runs model specs.`);
    return 2;
  }
  const located = locateDiagnostics(abs, text, v.diagnostics);
  const errors = located.filter((d) => d.severity === 'error');
  const plan = await planPipeline(parsePipeline(v.parsed.value, abs));
  if (format === 'json') io.out(JSON.stringify({ ...plan, diagnostics: located }, null, 2));
  else {
    if (located.length) io.err(formatText(located, 1));
    io.out(formatPlanText(plan));
  }
  return errors.length ? 1 : 0;
}
