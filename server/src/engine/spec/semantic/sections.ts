/** Each check section needs certain data and model keys; say which one is missing, on the section's key. */
import { diag, type SpecDiagnostic } from '../diagnostics';
import { keySpan, valueSpan } from '../document';
import { parseWindow } from '../spec';
import { get, type CheckContext } from './context';

interface Need {
  section: string;
  keys: [string, string][];
  why: string;
}

const NEEDS: Need[] = [
  { section: 'evaluation', keys: [['data', 'eval'], ['data', 'target']], why: 'evaluation compares predictions on `data.eval` with `data.target`' },
  { section: 'fairness', keys: [['data', 'eval']], why: 'fairness groups the rows of `data.eval`' },
  { section: 'drift', keys: [['data', 'reference'], ['data', 'current']], why: 'drift compares `data.current` with `data.reference`' },
  { section: 'monitoring', keys: [['data', 'reference'], ['data', 'current']], why: 'monitoring follows `data.current` against `data.reference` over time' },
  { section: 'explain', keys: [['model', 'path'], ['data', 'eval']], why: 'explanations run the model on `data.eval`' },
  { section: 'compare', keys: [['model', 'path'], ['data', 'eval'], ['data', 'target']], why: 'compare runs both models on `data.eval`' },
];

export async function checkSections(ctx: CheckContext): Promise<SpecDiagnostic[]> {
  const out: SpecDiagnostic[] = [];
  const v = ctx.value;
  for (const need of NEEDS) {
    if (v[need.section] === undefined) continue;
    for (const key of need.keys) {
      if (get(v, key) !== undefined) continue;
      out.push(diag('error', 'section.needs-key', `\`${need.section}\` needs \`${key.join('.')}\`: ${need.why}.`, keySpan(ctx.parsed, [need.section])));
    }
  }
  const predictive = ['evaluation', 'compare'].some((s) => v[s] !== undefined) || (v.fairness !== undefined && get(v, ['data', 'target']) !== undefined);
  if (predictive && get(v, ['model', 'path']) === undefined && get(v, ['data', 'prediction']) === undefined) {
    const section = ['evaluation', 'compare', 'fairness'].find((s) => v[s] !== undefined)!;
    out.push(diag('error', 'section.needs-predictions', `\`${section}\` needs predictions: set \`model.path\` to an ONNX model, or \`data.prediction\` to a column of scores or labels.`, keySpan(ctx.parsed, [section])));
  }
  const needsModelSection = get(v, ['model', 'path']) !== undefined || get(v, ['data', 'prediction']) !== undefined;
  if (needsModelSection && get(v, ['model', 'path']) !== undefined && !(ctx.spec.model?.features.length)) {
    out.push(diag('error', 'section.needs-key', '`model` needs `features`: the data columns fed to the model, in input order.', keySpan(ctx.parsed, ['model'])));
  }
  const window = get(v, ['monitoring', 'window']);
  if (window !== undefined && (typeof window === 'string' || typeof window === 'number') && !parseWindow(window)) {
    out.push(diag('error', 'monitoring.bad-window', `\`monitoring.window\`: \`${window}\` is not a window; use a duration such as \`7d\`, \`12h\`, \`2w\` or a row count such as \`5000\`.`, valueSpan(ctx.parsed, ['monitoring', 'window'])));
  }
  if (typeof window === 'string' && parseWindow(window)?.kind === 'duration' && get(v, ['data', 'timestamp']) === undefined && v.monitoring !== undefined) {
    out.push(diag('error', 'section.needs-key', '`monitoring.window` is a duration, so `data.timestamp` must name the time column (or use a row count such as `5000`).', valueSpan(ctx.parsed, ['monitoring', 'window'])));
  }
  return out;
}
