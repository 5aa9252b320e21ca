/** `plumb check SPEC... [--format text|json|sarif]`: the editor's diagnostics, in a terminal or CI. */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { CachedFileInfo } from '../engine/spec/fileInfo';
import { validateSpecText } from '../engine/spec/validate';
import { locateDiagnostics, type LocatedDiagnostic } from './positions';
import { toSarif } from './sarif';
import { usageError, type Io } from './io';

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { files, format } = parseCheckArgs(args);
  if (!files.length) return usageError(io, 'plumb check needs at least one spec file: plumb check SPEC... [--format text|json|sarif]');
  const info = new CachedFileInfo();
  const all: LocatedDiagnostic[] = [];
  let unreadable = false;
  for (const f of files) {
    const abs = resolve(f);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (e) {
      io.err(`plumb: cannot read ${f}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      unreadable = true;
      continue;
    }
    const v = await validateSpecText(text, abs, info);
    all.push(...locateDiagnostics(abs, text, v.diagnostics));
  }
  if (format === 'json') io.out(JSON.stringify({ diagnostics: all.map((d) => ({ ...d, file: relative(process.cwd(), d.file) })) }, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(all), null, 2));
  else io.out(formatText(all, files.length));
  if (unreadable) return 2;
  return all.some((d) => d.severity === 'error') ? 1 : 0;
}

function parseCheckArgs(args: string[]): { files: string[]; format: string } {
  const files: string[] = [];
  let format = 'text';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--format') format = args[++i] ?? 'text';
    else if (args[i].startsWith('--format=')) format = args[i].slice(9);
    else files.push(args[i]);
  }
  return { files, format };
}

export function formatText(diagnostics: LocatedDiagnostic[], specCount: number): string {
  const lines = diagnostics.map((d) => `${relative(process.cwd(), d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} [${d.code}] ${d.message}`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  lines.push(`${specCount} spec(s) checked: ${errors} error(s), ${warnings} warning(s).`);
  return lines.join('\n');
}
