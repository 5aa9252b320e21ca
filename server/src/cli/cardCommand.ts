/**
 * `plumb card SPEC [--out MODEL_CARD.md] [--only sections]`: runs the spec's checks and writes a
 * model card (Mitchell et al. 2019) filled from the results; the parts only a person can write are
 * `> TODO(owner):` prompts. Exit 0 when the card is written (failed gates are in the card), 2 when
 * the checks cannot run.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { runChecks, ALL_SECTIONS, type Section } from '../engine/run/runChecks';
import { renderModelCard, TODO_PREFIX, type ModelFileFacts } from '../engine/report';
import { parseArgs } from './args';
import { guardedRun } from './guardedRun';
import { loadValidSpec } from './loadSpec';
import { writeReport } from './reports';
import { usageError, type Io } from './io';

export const CARD_USAGE = 'plumb card SPEC [--out MODEL_CARD.md] [--only evaluation,fairness,...]';

async function modelFacts(path: string | undefined): Promise<ModelFileFacts | undefined> {
  if (!path) return undefined;
  try {
    const bytes = await readFile(path);
    return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch {
    return undefined;
  }
}

export async function cardCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['out', 'only'], ['quiet']);
  if (typeof parsed === 'string') return usageError(io, `${parsed}\nusage: ${CARD_USAGE}`);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) return usageError(io, `plumb card takes one spec.\nusage: ${CARD_USAGE}`);
  const only = parsed.options.only?.split(',').map((s) => s.trim()).filter(Boolean) as Section[] | undefined;
  const bad = only?.find((s) => !ALL_SECTIONS.includes(s));
  if (bad) return usageError(io, `--only: unknown section \`${bad}\` (sections: ${ALL_SECTIONS.join(', ')})`);
  const loaded = await loadValidSpec(file, io);
  if (!loaded) return 2;
  const run = await guardedRun(io, parsed.flags.has('quiet'), (signal, onProgress) => runChecks(loaded.spec, { only, signal, onProgress }));
  if (!run.ok) return run.code;
  const card = renderModelCard(run.value, loaded.spec, { model: await modelFacts(loaded.spec.model?.path) });
  const prompts = card.split('\n').filter((l) => l.trimStart().startsWith(TODO_PREFIX)).length;
  if (parsed.options.out) {
    await writeReport(parsed.options.out, card);
    io.err(`plumb: wrote model card ${parsed.options.out}${prompts ? ` (${prompts} part(s) to fill in: search for "TODO(owner)")` : ''}`);
  } else io.out(card);
  return 0;
}
