/**
 * All pipeline diagnostics for one spec text: structure (stages only in pipelines, a pipeline has
 * stages), stage references and cycles, referenced model specs (they must exist and be model
 * specs), and the deploy block against what those specs compute. Referenced specs are read through
 * `PipelineFiles`, so the language server, the CLI and tests can each supply files.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { didYouMean, diag, type SpecDiagnostic } from '../spec/diagnostics';
import { keySpan, parseSpecText, valueSpan, type ParsedSpec } from '../spec/document';
import { buildSpec, type Spec } from '../spec/spec';
import { computedMetrics } from './computedMetrics';
import { parsePipeline } from './parsePipeline';
import type { Pipeline } from './types';
import { deployDiagnostics } from './validateDeploy';
import { stageDiagnostics } from './validateStages';

export interface PipelineFiles {
  exists(path: string): Promise<boolean>;
  /** The file's text, or undefined when it cannot be read. */
  readText(path: string): Promise<string | undefined>;
}

export interface StageSpec {
  stage: string;
  written: string;
  path: string;
  spec?: Spec;
  /** Why the spec could not be used (missing, not YAML, a pipeline...). */
  problem?: 'missing' | 'unreadable' | 'invalid' | 'pipeline';
}

/** The model specs the stages reference, read and built (not validated: `plumb check` them for that). */
export async function loadStageSpecs(p: Pipeline, files: PipelineFiles): Promise<StageSpec[]> {
  return Promise.all(
    p.stages
      .filter((s) => s.spec !== undefined && s.spec.trim() !== '')
      .map(async (s): Promise<StageSpec> => {
        const path = resolve(p.dir, s.spec!);
        const base = { stage: s.name, written: s.spec!, path };
        if (!(await files.exists(path))) return { ...base, problem: 'missing' };
        const text = await files.readText(path);
        if (text === undefined) return { ...base, problem: 'unreadable' };
        const parsed = parseSpecText(text);
        if (parsed.diagnostics.some((d) => d.severity === 'error') || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return { ...base, problem: 'invalid' };
        const spec = buildSpec(parsed.value, path);
        return spec.kind === 'pipeline' ? { ...base, spec, problem: 'pipeline' } : { ...base, spec };
      }),
  );
}

async function nearSibling(path: string): Promise<string | undefined> {
  try {
    return didYouMean(basename(path), await readdir(dirname(path)));
  } catch {
    return undefined;
  }
}

export async function pipelineDiagnostics(parsed: ParsedSpec, value: Record<string, unknown>, file: string, files: PipelineFiles): Promise<SpecDiagnostic[]> {
  const out: SpecDiagnostic[] = [];
  const isPipeline = value.kind === 'pipeline';
  if (!isPipeline) {
    for (const key of ['stages', 'deploy']) {
      if (value[key] !== undefined) out.push(diag('warning', 'pipeline.not-a-pipeline', `\`${key}\` only applies to \`kind: pipeline\`; this spec is a model spec, so Plumb ignores it. Move it to a pipeline file.`, keySpan(parsed, [key])));
    }
    return out;
  }
  const p = parsePipeline(value, file);
  if (!p.stages.length) out.push(diag('error', 'pipeline.no-stages', '`kind: pipeline` needs `stages`: the steps (data preparation, training, evaluation, deployment) and the files they need and make.', value.stages !== undefined ? keySpan(parsed, ['stages']) : keySpan(parsed, ['kind'])));
  out.push(...stageDiagnostics(parsed, p));
  const specs = await loadStageSpecs(p, files);
  for (const s of specs) {
    const span = valueSpan(parsed, ['stages', s.stage, 'spec']);
    if (s.problem === 'missing') {
      const near = await nearSibling(s.path);
      const fixed = near ? s.written.replace(/[^/\\]*$/, near) : undefined;
      out.push(diag('error', 'pipeline.missing-spec', `\`stages.${s.stage}.spec\`: ${s.written} does not exist (looked for ${s.path}).${fixed ? ` Did you mean \`${fixed}\`?` : ' The path is relative to this pipeline file.'}`, span,
        fixed ? [{ title: `Change to \`${fixed}\``, edits: [{ ...span, text: fixed }] }] : undefined));
    } else if (s.problem === 'pipeline') {
      out.push(diag('error', 'pipeline.bad-spec', `\`stages.${s.stage}.spec\`: ${s.written} is a pipeline; a stage's \`spec\` is a model spec whose checks gate it.`, span));
    } else if (s.problem) {
      out.push(diag('warning', 'pipeline.bad-spec', `\`stages.${s.stage}.spec\`: ${s.written} is not a readable spec (${s.problem === 'unreadable' ? 'cannot read it' : 'YAML errors'}), so its metrics are unknown; run \`plumb check ${s.written}\`.`, span));
    }
  }
  if (p.deploy && value.deploy && typeof value.deploy === 'object') {
    const usable = specs.filter((s) => s.spec && !s.problem);
    const computed = specs.some((s) => s.problem) ? undefined : [...new Set(usable.flatMap((s) => computedMetrics(s.spec!)))];
    out.push(...deployDiagnostics(parsed, p.deploy, value.deploy as Record<string, unknown>, { computed, specCount: specs.length }));
  }
  return out;
}
