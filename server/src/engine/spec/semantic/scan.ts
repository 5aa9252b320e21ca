/**
 * The model file named by the spec goes through the artifact scanner before anything loads it:
 * its findings appear on `model.path` (and `compare.challenger`), so an unsafe artifact is flagged
 * as the user types, not when a check runs.
 */
import { diag, type SpecDiagnostic } from '../diagnostics';
import { valueSpan, type JsonPath } from '../document';
import { userPath, type CheckContext } from './context';

const MODEL_KEYS: JsonPath[] = [
  ['model', 'path'],
  ['compare', 'challenger'],
];

export async function checkModelSafety(ctx: CheckContext): Promise<SpecDiagnostic[]> {
  const out: SpecDiagnostic[] = [];
  for (const key of MODEL_KEYS) {
    const file = userPath(ctx, key);
    if (!file || /\.ya?ml$/i.test(file.written) || !(await ctx.files.exists(file.absolute))) continue;
    const report = await ctx.files.scan(file.absolute);
    if (!report.ok) continue;
    for (const f of report.value.findings) {
      // A model that does not parse is reported once, by the model check (model.unreadable).
      if (f.severity === 'information' || f.code === 'scan.onnx.parse-error') continue;
      out.push(diag(f.severity, f.code, `\`${key.join('.')}\`: ${file.written}: ${f.message}`, valueSpan(ctx.parsed, key)));
    }
  }
  return out;
}
