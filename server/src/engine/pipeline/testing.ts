/** Test helpers: pipeline diagnostics on inline YAML with in-memory referenced specs. */
import { parseSpecText } from '../spec/document';
import type { SpecDiagnostic } from '../spec/diagnostics';
import { pipelineDiagnostics, type PipelineFiles } from './validatePipeline';

export const DIR = '/ws';
export const FILE = `${DIR}/release.plumb.yaml`;

/** A model spec computing evaluation metrics, fairness disparities and drift. */
export const MODEL_SPEC = `plumb: 1
model: { path: m.onnx, task: binary-classification, features: [a] }
data: { eval: e.csv, target: y, reference: r.csv, current: c.csv }
evaluation: { metrics: [accuracy, recall, roc_auc] }
fairness: { sensitive: [sex] }
drift: {}
`;

export function memoryFiles(files: Record<string, string>): PipelineFiles {
  return { exists: async (p) => p in files, readText: async (p) => files[p] };
}

export async function diagnose(text: string, files: Record<string, string> = { [`${DIR}/model.plumb.yaml`]: MODEL_SPEC }): Promise<SpecDiagnostic[]> {
  const parsed = parseSpecText(text);
  if (parsed.diagnostics.length) throw new Error(`test YAML does not parse: ${parsed.diagnostics[0].message}`);
  return pipelineDiagnostics(parsed, parsed.value as Record<string, unknown>, FILE, memoryFiles(files));
}
