/** The CLI's commands beyond `check`; each lands with its engine part. */
import type { Io } from './io';
import { runCommand } from './runCommand';
import { explainCommand } from './explainCommand';
import { scanCommand } from './scanCommand';
import { cardCommand, CARD_USAGE } from './cardCommand';
import { compareCommand, COMPARE_USAGE } from './compareCommand';
import { planCommand, PLAN_USAGE } from './planCommand';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}

export const COMMANDS: Command[] = [
  { name: 'run', usage: 'run SPEC [--only ...] [--format text|json]', summary: 'run the checks and gates', run: runCommand },
  { name: 'explain', usage: 'explain SPEC --row N [--format text|json]', summary: 'SHAP values for one row of the eval data', run: explainCommand },
  { name: 'card', usage: CARD_USAGE.replace(/^plumb /, ''), summary: 'write a model card filled from the results', run: cardCommand },
  { name: 'compare', usage: COMPARE_USAGE.replace(/^plumb /, ''), summary: 'champion vs challenger on the same eval data', run: compareCommand },
  { name: 'plan', usage: PLAN_USAGE.replace(/^plumb /, ''), summary: "a pipeline's stage order and what would run (runs nothing)", run: planCommand },
  { name: 'scan', usage: 'scan PATH... [--format text|json|sarif]', summary: 'flag unsafe model artifacts (pickle, PyTorch, ONNX)', run: scanCommand },
];
