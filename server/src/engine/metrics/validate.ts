/**
 * Checks a MetricInput's shape once before any metric reads it: equal lengths, 0/1 binary labels,
 * class indices in range. A bad input is a bug upstream (the run assembles these arrays), so it
 * throws a PlumbError naming the array and the first offending row rather than returning a number.
 */
import { PlumbError } from '../errors';
import type { MetricInput } from './types';

export function rowCount(input: MetricInput): number {
  return input.y.length;
}

export function validateInput(input: MetricInput): void {
  const n = input.y.length;
  const fail = (what: string): never => {
    throw new PlumbError('metrics.bad-input', `metric input (${input.kind}, ${n} rows): ${what}. This is a bug in how the predictions were assembled; please report it.`);
  };
  if (input.pred.length !== n) fail(`\`pred\` has ${input.pred.length} values for ${n} labels`);
  switch (input.kind) {
    case 'binary': {
      if (input.score && input.score.length !== n) fail(`\`score\` has ${input.score.length} values for ${n} labels`);
      for (let i = 0; i < n; i++) {
        if (input.y[i] > 1) fail(`\`y\` row ${i + 1} is ${input.y[i]}; binary labels must be 0 or 1`);
        if (input.pred[i] > 1) fail(`\`pred\` row ${i + 1} is ${input.pred[i]}; binary predictions must be 0 or 1`);
      }
      return;
    }
    case 'multiclass': {
      const k = input.classes;
      if (!Number.isInteger(k) || k < 2) fail(`\`classes\` is ${k}; it must be an integer of at least 2`);
      if (input.proba && input.proba.length !== n * k) fail(`\`proba\` has ${input.proba.length} values; expected rows x classes = ${n * k}`);
      for (let i = 0; i < n; i++) {
        const a = input.y[i];
        const b = input.pred[i];
        if (a < 0 || a >= k) fail(`\`y\` row ${i + 1} is class ${a}; class indices must be in 0..${k - 1}`);
        if (b < 0 || b >= k) fail(`\`pred\` row ${i + 1} is class ${b}; class indices must be in 0..${k - 1}`);
      }
      return;
    }
    case 'regression':
      return;
    default: {
      const never: never = input;
      fail(`unknown kind ${(never as { kind: string }).kind}`);
    }
  }
}
