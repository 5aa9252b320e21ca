/** Reads and validates a spec for a command that runs it; errors come back as text and exit code 2. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CachedFileInfo } from '../engine/spec/fileInfo';
import { validateSpecText } from '../engine/spec/validate';
import type { Spec } from '../engine/spec/spec';
import { locateDiagnostics } from './positions';
import { formatText } from './check';
import type { Io } from './io';

export async function loadValidSpec(file: string, io: Io): Promise<{ spec: Spec; text: string } | undefined> {
  const abs = resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    io.err(`plumb: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return undefined;
  }
  const v = await validateSpecText(text, abs, new CachedFileInfo());
  const errors = v.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !v.spec) {
    io.err(formatText(locateDiagnostics(abs, text, errors), 1));
    io.err(`plumb: ${file} has errors; fix them (plumb check ${file}) and run again.`);
    return undefined;
  }
  return { spec: v.spec, text };
}
