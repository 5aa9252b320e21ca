/** Runs a long engine call with Ctrl+C cancellation, a progress line, and PlumbErrors as exit code 2. */
import { CancelledError, PlumbError, type CancelSignal } from '../engine/errors';
import type { Io } from './io';
import { progressReporter } from './progress';

export type Guarded<T> = { ok: true; value: T } | { ok: false; code: number };

export async function guardedRun<T>(io: Io, quiet: boolean, work: (signal: CancelSignal, onProgress?: (m: string, f?: number) => void) => Promise<T>): Promise<Guarded<T>> {
  const signal = { cancelled: false };
  const onSigint = () => {
    if (signal.cancelled) process.exit(130);
    signal.cancelled = true;
    io.err('plumb: cancelling (press Ctrl+C again to quit at once)');
  };
  process.on('SIGINT', onSigint);
  const progress = quiet ? undefined : progressReporter();
  try {
    return { ok: true, value: await work(signal, progress?.update) };
  } catch (e) {
    if (e instanceof CancelledError) {
      io.err('plumb: cancelled.');
      return { ok: false, code: 130 };
    }
    if (e instanceof PlumbError) {
      io.err(`plumb: ${e.describe()}`);
      return { ok: false, code: 2 };
    }
    throw e;
  } finally {
    progress?.done();
    process.off('SIGINT', onSigint);
  }
}
