/**
 * The spec's model section against the ONNX file's signature: input and output names, the
 * feature count against the input's shape, per-feature inputs matched by name.
 */
import { didYouMean, diag, listNames, type SpecDiagnostic } from '../diagnostics';
import { keySpan, valueSpan } from '../document';
import { userPath, type CheckContext } from './context';

export async function checkModel(ctx: CheckContext): Promise<SpecDiagnostic[]> {
  const model = ctx.spec.model;
  const file = userPath(ctx, ['model', 'path']);
  if (!model || !file || !(await ctx.files.exists(file.absolute))) return [];
  const sig = await ctx.files.signature(file.absolute);
  if (!sig.ok) return [diag('error', 'model.unreadable', `\`model.path\`: ${sig.error}`, valueSpan(ctx.parsed, ['model', 'path']))];
  const out: SpecDiagnostic[] = [];
  const inputs = sig.value.inputs;
  const outputs = sig.value.outputs;
  const inputNames = inputs.map((i) => i.name);
  const outputNames = outputs.map((o) => o.name);

  const nameCheck = (key: 'input' | 'output', names: string[]) => {
    const given = model[key];
    if (given === undefined || names.includes(given)) return;
    const span = valueSpan(ctx.parsed, ['model', key]);
    const near = didYouMean(given, names);
    out.push(
      diag('error', `model.unknown-${key}`, `\`model.${key}\`: ${file.written} has no ${key} \`${given}\` (${key}s: ${listNames(names)}).${near ? ` Did you mean \`${near}\`?` : ''}`, span,
        near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : undefined),
    );
  };
  nameCheck('input', inputNames);
  nameCheck('output', outputNames);

  const features = model.features;
  if (!features.length) return out;
  const chosen = model.input !== undefined ? inputs.find((i) => i.name === model.input) : inputs.length === 1 ? inputs[0] : undefined;
  if (chosen) {
    const width = chosen.shape && chosen.shape.length === 2 ? chosen.shape[1] : undefined;
    if (typeof width === 'number' && width > 0 && width !== features.length) {
      out.push(
        diag('error', 'model.feature-count', `\`model.features\` lists ${features.length} feature(s) but input \`${chosen.name}\` of ${file.written} takes ${width} (shape [${chosen.shape!.map((d) => d ?? '?').join(', ')}]).`,
          keySpan(ctx.parsed, ['model', 'features'])),
      );
    }
  } else if (inputs.length > 1 && model.input === undefined) {
    // One input per feature: every feature needs an input of that name, and every input a feature.
    const known = new Set(inputNames);
    features.forEach((f, i) => {
      if (known.has(f)) return;
      const span = valueSpan(ctx.parsed, ['model', 'features', i]);
      const near = didYouMean(f, inputNames);
      out.push(
        diag('error', 'model.unknown-input', `\`model.features[${i}]\`: ${file.written} takes one input per feature, and none is named \`${f}\` (inputs: ${listNames(inputNames)}).${near ? ` Did you mean \`${near}\`?` : ' Or set `model.input` to the input that takes all features.'}`, span,
          near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : undefined),
      );
    });
    const listed = new Set(features);
    const unfed = inputNames.filter((n) => !listed.has(n));
    if (unfed.length) {
      out.push(diag('error', 'model.unfed-input', `\`model.features\`: the model also needs input(s) ${unfed.map((n) => `\`${n}\``).join(', ')}; add them as features.`, keySpan(ctx.parsed, ['model', 'features'])));
    }
  }
  return out;
}
