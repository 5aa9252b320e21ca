/** The metrics module's functions that per-group listed metrics use (one seam, easy to follow). */
import { computeMetric, computeMetrics, subsetInput } from '../metrics';
import type { MetricFunctions } from './listedMetrics';

export const metricFunctions: MetricFunctions = { computeMetric, computeMetrics, subsetInput };
