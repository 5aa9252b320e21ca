/**
 * Columns a spec names must be in the header of the data file they are read from. Headers are read
 * through FileInfo (first line only, cached by mtime), so this stays cheap on large files.
 */
import { didYouMean, diag, listNames, type SpecDiagnostic } from '../diagnostics';
import { formatPath, valueSpan, type JsonPath } from '../document';
import { get, userPath, type CheckContext } from './context';

interface ColumnRef {
  path: JsonPath;
  name: string;
}

function refsAt(ctx: CheckContext, path: JsonPath): ColumnRef[] {
  const v = get(ctx.value, path);
  if (typeof v === 'string') return [{ path, name: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => (typeof x === 'string' ? [{ path: [...path, i], name: x }] : []));
  return [];
}

/** Which columns are read from which data file. */
function columnRoles(ctx: CheckContext): { fileKey: JsonPath; refs: ColumnRef[] }[] {
  const evalRefs = [
    ...refsAt(ctx, ['model', 'features']),
    ...refsAt(ctx, ['data', 'target']),
    ...refsAt(ctx, ['data', 'prediction']),
    ...refsAt(ctx, ['fairness', 'sensitive']),
    ...refsAt(ctx, ['evaluation', 'slices']),
  ];
  const timestamp = refsAt(ctx, ['data', 'timestamp']);
  const drift = refsAt(ctx, ['drift', 'columns']);
  const hasCurrent = typeof get(ctx.value, ['data', 'current']) === 'string';
  const roles = [
    { fileKey: ['data', 'eval'], refs: hasCurrent ? evalRefs : [...evalRefs, ...timestamp] },
    { fileKey: ['data', 'reference'], refs: drift },
    { fileKey: ['data', 'current'], refs: [...drift, ...timestamp] },
  ];
  // Features feed the model on background rows too.
  roles.push({ fileKey: ['explain', 'background'], refs: refsAt(ctx, ['model', 'features']) });
  return roles;
}

export async function checkColumns(ctx: CheckContext): Promise<SpecDiagnostic[]> {
  const out: SpecDiagnostic[] = [];
  for (const { fileKey, refs } of columnRoles(ctx)) {
    const file = userPath(ctx, fileKey);
    if (!file || !(await ctx.files.exists(file.absolute))) continue;
    const header = await ctx.files.header(file.absolute);
    if (!header.ok) {
      out.push(diag('error', 'file.unreadable', `\`${formatPath(fileKey)}\`: ${file.written} could not be read: ${header.error}`, valueSpan(ctx.parsed, fileKey)));
      continue;
    }
    const columns = header.value.columns;
    const known = new Set(columns);
    for (const ref of refs) {
      if (known.has(ref.name)) continue;
      const span = valueSpan(ctx.parsed, ref.path);
      const near = didYouMean(ref.name, columns);
      out.push(
        diag(
          'error',
          'column.missing',
          `\`${formatPath(ref.path)}\`: column \`${ref.name}\` is not in ${file.written} (columns: ${listNames(columns)}).${near ? ` Did you mean \`${near}\`?` : ''}`,
          span,
          near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : undefined,
        ),
      );
    }
  }
  return out.concat(checkSensitiveFeatures(ctx), checkTargetNotFeature(ctx));
}

function checkSensitiveFeatures(ctx: CheckContext): SpecDiagnostic[] {
  const features = new Set(ctx.spec.model?.features ?? []);
  return refsAt(ctx, ['fairness', 'sensitive'])
    .filter((r) => features.has(r.name))
    .map((r) =>
      diag(
        'warning',
        'fairness.sensitive-is-feature',
        `\`${formatPath(r.path)}\`: \`${r.name}\` is also a model feature, so the model sees it directly. That may be intended (and then disparities are expected); if not, remove it from \`model.features\`.`,
        valueSpan(ctx.parsed, r.path),
      ),
    );
}

function checkTargetNotFeature(ctx: CheckContext): SpecDiagnostic[] {
  const target = ctx.spec.data?.target;
  if (!target) return [];
  return refsAt(ctx, ['model', 'features'])
    .filter((r) => r.name === target)
    .map((r) => diag('error', 'model.target-is-feature', `\`${formatPath(r.path)}\`: the target \`${target}\` is listed as a feature: the model would see the answer. Remove it from \`model.features\`.`, valueSpan(ctx.parsed, r.path)));
}
