/**
 * Metric names and gates: every metric must be known for the task, every gate must parse and
 * must be on something its section computes.
 */
import { METRIC_CATALOG } from '../../metrics/catalog';
import { compareGateNames, DRIFT_METRICS, evaluationMetricNames, fairnessGateNames, monitoringGateNames } from '../checkNames';
import { didYouMean, diag, listNames, type Fix, type SpecDiagnostic } from '../diagnostics';
import { keySpan, nodeAt, valueSpan, type JsonPath } from '../document';
import { parseGate } from '../gates';
import { get, type CheckContext } from './context';
import { isSeq } from 'yaml';

export async function checkMetrics(ctx: CheckContext): Promise<SpecDiagnostic[]> {
  const task = ctx.spec.model?.task;
  const out: SpecDiagnostic[] = [];
  const evalNames = task ? evaluationMetricNames(task) : Object.keys(METRIC_CATALOG);
  const taskText = task ?? 'any task';

  const checkList = (path: JsonPath) => {
    const list = get(ctx.value, path);
    if (!Array.isArray(list)) return;
    list.forEach((name, i) => {
      if (typeof name !== 'string' || evalNames.includes(name)) return;
      const span = valueSpan(ctx.parsed, [...path, i]);
      const near = didYouMean(name, evalNames);
      const otherTask = METRIC_CATALOG[name] ? ` \`${name}\` is not defined for ${taskText}.` : '';
      out.push(
        diag('error', 'metric.unknown', `\`${path.join('.')}[${i}]\`: unknown metric \`${name}\`.${otherTask}${near ? ` Did you mean \`${near}\`?` : ` Metrics for ${taskText}: ${listNames(evalNames, 30)}.`}`, span,
          near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : undefined),
      );
    });
  };
  checkList(['evaluation', 'metrics']);
  checkList(['fairness', 'metrics']);
  const explainMetric = get(ctx.value, ['explain', 'metric']);
  if (typeof explainMetric === 'string' && !evalNames.includes(explainMetric)) {
    const span = valueSpan(ctx.parsed, ['explain', 'metric']);
    const near = didYouMean(explainMetric, evalNames);
    out.push(diag('error', 'metric.unknown', `\`explain.metric\`: unknown metric \`${explainMetric}\` for ${taskText}.${near ? ` Did you mean \`${near}\`?` : ''}`, span,
      near ? [{ title: `Change to \`${near}\``, edits: [{ ...span, text: near }] }] : undefined));
  }

  const listedEval = ctx.spec.evaluation?.metricsListed ? ctx.spec.evaluation.metrics : undefined;
  const fairListed = [...(ctx.spec.fairness?.metrics ?? []), ...(listedEval ?? [])];
  checkGates(ctx, ['evaluation', 'gates'], evalNames, out, listedEval);
  checkGates(ctx, ['fairness', 'gates'], fairnessGateNames(task, fairListed), out);
  checkGates(ctx, ['drift', 'gates'], Object.keys(DRIFT_METRICS), out);
  checkGates(ctx, ['monitoring', 'gates'], monitoringGateNames(task), out);
  checkGates(ctx, ['compare', 'gates'], compareGateNames(task), out);
  return out;
}

function checkGates(ctx: CheckContext, path: JsonPath, known: string[], out: SpecDiagnostic[], computed?: string[]): void {
  const gates = get(ctx.value, path);
  if (!gates || typeof gates !== 'object' || Array.isArray(gates)) return;
  const section = String(path[0]);
  for (const [metric, condition] of Object.entries(gates as Record<string, unknown>)) {
    const parsed = parseGate(condition);
    if (!parsed.ok) {
      out.push(diag('error', 'gate.malformed', `\`${section}.gates.${metric}\`: ${parsed.message}.`, valueSpan(ctx.parsed, [...path, metric])));
    }
    const kspan = keySpan(ctx.parsed, [...path, metric]);
    if (!known.includes(metric)) {
      const near = didYouMean(metric, known);
      out.push(
        diag('error', 'gate.unknown-metric', `\`${section}.gates\`: \`${metric}\` is not computed by the ${section} section.${near ? ` Did you mean \`${near}\`?` : ` It can gate: ${listNames(known, 20)}.`}`, kspan,
          near ? [{ title: `Change to \`${near}\``, edits: [{ ...kspan, text: near }] }] : undefined),
      );
    } else if (computed && !computed.includes(metric)) {
      out.push(diag('error', 'gate.not-computed', `\`${section}.gates.${metric}\`: \`${metric}\` is gated but not in \`${section}.metrics\`, so nothing computes it. Add it to \`${section}.metrics\`.`, kspan,
        [addToListFix(ctx, [section, 'metrics'], metric)].filter((f): f is Fix => !!f)));
    }
  }
}

/** Appends `item` to the flow or block sequence at `path`. */
function addToListFix(ctx: CheckContext, path: JsonPath, item: string): Fix | undefined {
  const node = nodeAt(ctx.parsed.doc, path);
  if (!isSeq(node) || !node.range) return undefined;
  const text = ctx.parsed.text;
  const last = node.items[node.items.length - 1] as { range?: number[] } | undefined;
  if (node.flow) {
    const close = text.lastIndexOf(']', node.range[1]);
    if (close < 0) return undefined;
    return { title: `Add \`${item}\` to \`${path.join('.')}\``, edits: [{ offset: last?.range ? last.range[1] : close, length: 0, text: last ? `, ${item}` : item }] };
  }
  if (!last?.range) return undefined;
  const lineStart = text.lastIndexOf('\n', last.range[0] - 1) + 1;
  const prefix = text.slice(lineStart, last.range[0]);
  const lineEnd = text.indexOf('\n', last.range[1]);
  const at = lineEnd < 0 ? text.length : lineEnd;
  return { title: `Add \`${item}\` to \`${path.join('.')}\``, edits: [{ offset: at, length: 0, text: `\n${prefix}${item}` }] };
}
