/**
 * The metrics module's functions, behind one seam while that module is being written.
 * TODO(fairness): re-export computeMetric / subsetInput from '../metrics' once it exists.
 */
import { PlumbError } from '../errors';
import type { MetricFunctions } from './listedMetrics';

export const metricFunctions: MetricFunctions = {
  computeMetric(name) {
    throw new PlumbError('fairness.metric-unavailable', `Per-group \`${name}\` needs the metrics module, which is not available yet.`);
  },
  subsetInput(input) {
    return input;
  },
};
