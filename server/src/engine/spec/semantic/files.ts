/** Every file a spec names must exist; a near sibling name is offered as the fix. */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { didYouMean, diag, type SpecDiagnostic } from '../diagnostics';
import { formatPath, valueSpan, type JsonPath } from '../document';
import { userPath, type CheckContext } from './context';

export const FILE_KEYS: JsonPath[] = [
  ['model', 'path'],
  ['data', 'eval'],
  ['data', 'reference'],
  ['data', 'current'],
  ['explain', 'background'],
  ['compare', 'challenger'],
];

export async function checkFiles(ctx: CheckContext): Promise<SpecDiagnostic[]> {
  const out: SpecDiagnostic[] = [];
  await Promise.all(
    FILE_KEYS.map(async (key) => {
      const p = userPath(ctx, key);
      if (!p || (await ctx.files.exists(p.absolute))) return;
      const span = valueSpan(ctx.parsed, key);
      const near = await nearSibling(p.absolute);
      const rel = near ? relative(ctx.spec.dir, near) : undefined;
      out.push(
        diag(
          'error',
          'file.missing',
          `\`${formatPath(key)}\`: ${p.written} does not exist (looked for ${p.absolute}).${rel ? ` Did you mean \`${rel}\`?` : ' Check the path: it is relative to this spec file.'}`,
          span,
          rel ? [{ title: `Change to \`${rel}\``, edits: [{ ...span, text: rel }] }] : undefined,
        ),
      );
    }),
  );
  return out;
}

async function nearSibling(absolute: string): Promise<string | undefined> {
  try {
    const dir = dirname(absolute);
    const names = await readdir(dir);
    const near = didYouMean(basename(absolute), names);
    return near ? join(dir, near) : undefined;
  } catch {
    return undefined;
  }
}
