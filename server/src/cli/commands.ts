/** The CLI's commands beyond `check`; each lands with its engine part. */
import type { Io } from './io';
import { runCommand } from './runCommand';
import { explainCommand } from './explainCommand';
import { scanCommand } from './scanCommand';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}

export const COMMANDS: Command[] = [
  { name: 'run', usage: 'run SPEC [--only ...] [--format text|json]', summary: 'run the checks and gates', run: runCommand },
  { name: 'explain', usage: 'explain SPEC --row N [--format text|json]', summary: 'SHAP values for one row of the eval data', run: explainCommand },
  { name: 'scan', usage: 'scan PATH... [--format text|json|sarif]', summary: 'flag unsafe model artifacts (pickle, PyTorch, ONNX)', run: scanCommand },
];
