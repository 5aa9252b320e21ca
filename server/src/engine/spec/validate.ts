/**
 * Validates a spec's text: YAML syntax, then the JSON Schema, then the semantic checks no schema
 * can see (files, columns, the model's signature, metric names, gates). One implementation for the
 * language server and `plumb check`. Never throws: a failure inside a check becomes a diagnostic.
 */
import { parseSpecText, type ParsedSpec } from './document';
import { diag, type SpecDiagnostic } from './diagnostics';
import { validateSchema } from './schema';
import { buildSpec, type Spec } from './spec';
import type { FileInfo } from './fileInfo';
import type { CheckContext, SemanticCheck } from './semantic/context';
import { checkFiles } from './semantic/files';
import { checkColumns } from './semantic/columns';
import { checkModel } from './semantic/model';
import { checkMetrics } from './semantic/metrics';
import { checkSections } from './semantic/sections';
import { checkModelSafety } from './semantic/scan';
import { checkPipeline } from './semantic/pipeline';

export const SEMANTIC_CHECKS: SemanticCheck[] = [checkSections, checkFiles, checkModelSafety, checkColumns, checkModel, checkMetrics, checkPipeline];

export interface Validation {
  parsed: ParsedSpec;
  spec: Spec | undefined;
  diagnostics: SpecDiagnostic[];
}

export async function validateSpecText(text: string, file: string, files: FileInfo, checks: SemanticCheck[] = SEMANTIC_CHECKS): Promise<Validation> {
  return validateParsed(parseSpecText(text), file, files, checks);
}

/** Validation of an already parsed spec (the language server re-parses incrementally, see reparse.ts). */
export async function validateParsed(parsed: ParsedSpec, file: string, files: FileInfo, checks: SemanticCheck[] = SEMANTIC_CHECKS): Promise<Validation> {
  const diagnostics = [...parsed.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error') || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    if (!diagnostics.length) {
      diagnostics.push(diag('error', 'spec.not-a-mapping', 'A Plumb spec is a YAML mapping starting with `plumb: 1`.', { offset: 0, length: Math.max(1, Math.min(parsed.text.length, 80)) }));
    }
    return { parsed, spec: undefined, diagnostics };
  }
  diagnostics.push(...validateSchema(parsed));
  const spec = buildSpec(parsed.value, file);
  const ctx: CheckContext = { parsed, spec, value: parsed.value as Record<string, unknown>, files };
  const results = await Promise.all(
    checks.map((check) =>
      check(ctx).catch((e: unknown) => [diag('error', 'internal', `Plumb could not finish a check (${check.name}): ${(e as Error)?.message ?? String(e)}. Please report this.`, { offset: 0, length: 1 })]),
    ),
  );
  for (const r of results) diagnostics.push(...r);
  diagnostics.sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code));
  return { parsed, spec, diagnostics };
}
