/**
 * Report files written by `plumb run` (HTML, JUnit, SARIF, Markdown), each atomically (a temporary
 * sibling and a rename) and into folders created on demand. SARIF holds the spec's own diagnostics
 * (warnings and notes: a spec with errors does not run) and every failed gate, located at the
 * gate's key in the spec.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { RunResult } from '../engine/run/runChecks';
import type { Spec } from '../engine/spec/spec';
import { parseSpecText } from '../engine/spec/document';
import { CachedFileInfo } from '../engine/spec/fileInfo';
import { validateSpecText } from '../engine/spec/validate';
import { gateDiagnostics, renderHtmlReport, toJunitXml, toMarkdown } from '../engine/report';
import { writeFileAtomic } from '../engine/util/atomicWrite';
import { locateDiagnostics } from './positions';
import { toSarif } from './sarif';
import type { Io } from './io';

export const REPORT_OPTIONS: string[] = ['html', 'junit', 'sarif', 'markdown'];

/** The SARIF log of a run: spec diagnostics plus failed gates, located in the spec. */
export async function runSarif(result: Pick<RunResult, 'gates'>, loaded: { spec: Spec; text: string }): Promise<object> {
  const v = await validateSpecText(loaded.text, loaded.spec.file, new CachedFileInfo());
  const gates = gateDiagnostics(result.gates, v.parsed ?? parseSpecText(loaded.text));
  const all = [...v.diagnostics, ...gates].sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code));
  return toSarif(locateDiagnostics(loaded.spec.file, loaded.text, all));
}

export async function renderReport(kind: string, result: RunResult, loaded: { spec: Spec; text: string }): Promise<string> {
  switch (kind) {
    case 'html':
      return renderHtmlReport(result, { description: loaded.spec.description });
    case 'junit':
      return toJunitXml(result);
    case 'sarif':
      return JSON.stringify(await runSarif(result, loaded), null, 2) + '\n';
    case 'markdown':
      return toMarkdown(result);
    default:
      throw new Error(`unknown report kind ${kind}`);
  }
}

export async function writeReport(path: string, text: string): Promise<void> {
  const abs = resolve(path);
  await mkdir(dirname(abs), { recursive: true });
  await writeFileAtomic(abs, text);
}

export async function writeReports(result: RunResult, loaded: { spec: Spec; text: string }, options: Record<string, string>, io: Io): Promise<void> {
  for (const kind of REPORT_OPTIONS) {
    const path = options[kind];
    if (!path) continue;
    await writeReport(path, await renderReport(kind, result, loaded));
    io.err(`plumb: wrote ${kind} report ${relative(process.cwd(), resolve(path)) || path}`);
  }
}
