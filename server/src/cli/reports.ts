/** Report files written by `plumb run` (HTML, JUnit, SARIF, Markdown): filled in by the reports work. */
import type { RunResult } from '../engine/run/runChecks';
import type { Spec } from '../engine/spec/spec';
import type { Io } from './io';

export const REPORT_OPTIONS: string[] = [];

export async function writeReports(_result: RunResult, _loaded: { spec: Spec; text: string }, _options: Record<string, string>, _io: Io): Promise<void> {}
