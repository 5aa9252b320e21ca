/** `plumb scan PATH... [--format text|json|sarif]`: flag unsafe model artifacts without loading them. */
import { formatScanSarif, formatScanText, scanExitCode, scanPaths } from '../engine/scan';
import { parseArgs } from './args';
import { usageError, type Io } from './io';

export const SCAN_USAGE = 'plumb scan PATH... [--format text|json|sarif] [--allow module.name,...]';

export async function scanCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['format', 'allow']);
  if (typeof parsed === 'string') return usageError(io, `${parsed}\nusage: ${SCAN_USAGE}`);
  if (!parsed.positionals.length) return usageError(io, `plumb scan needs files or folders.\nusage: ${SCAN_USAGE}`);
  const format = parsed.options.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) return usageError(io, `--format must be text, json or sarif, not \`${format}\``);
  const allowGlobals = parsed.options.allow?.split(',').map((s) => s.trim()).filter(Boolean);
  const reports = await scanPaths(parsed.positionals, { allowGlobals });
  if (format === 'json') io.out(JSON.stringify({ reports }, null, 2));
  else if (format === 'sarif') io.out(formatScanSarif(reports));
  else io.out(formatScanText(reports));
  return scanExitCode(reports);
}
