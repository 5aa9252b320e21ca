/** Pipelines (`kind: pipeline`): stages, their references and cycles, model specs, the deploy block (engine/pipeline). */
import { readFile } from 'node:fs/promises';
import { pipelineDiagnostics } from '../../pipeline/validatePipeline';
import type { SpecDiagnostic } from '../diagnostics';
import type { CheckContext } from './context';

export async function checkPipeline(ctx: CheckContext): Promise<SpecDiagnostic[]> {
  return pipelineDiagnostics(ctx.parsed, ctx.value, ctx.spec.file, {
    exists: (p) => ctx.files.exists(p),
    readText: (p) => readFile(p, 'utf8').catch(() => undefined),
  });
}
