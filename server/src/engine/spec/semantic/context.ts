import { resolve } from 'node:path';
import type { ParsedSpec, JsonPath } from '../document';
import type { SpecDiagnostic } from '../diagnostics';
import type { FileInfo } from '../fileInfo';
import type { Spec } from '../spec';

/** What every semantic check sees. Each check is one small function behind this interface. */
export interface CheckContext {
  parsed: ParsedSpec;
  spec: Spec;
  /** The spec's plain value (an object: the schema has been checked). */
  value: Record<string, unknown>;
  files: FileInfo;
}

export type SemanticCheck = (ctx: CheckContext) => Promise<SpecDiagnostic[]>;

export function get(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Path as the user wrote it (relative to the spec) and resolved against the spec's folder. */
export function userPath(ctx: CheckContext, path: JsonPath): { written: string; absolute: string } | undefined {
  const v = get(ctx.value, path);
  if (typeof v !== 'string' || !v) return undefined;
  return { written: v, absolute: resolve(ctx.spec.dir, v) };
}
