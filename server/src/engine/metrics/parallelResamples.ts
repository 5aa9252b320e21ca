/**
 * Binary bootstrap resamples on two threads. Every resample is fixed by its seed (drawSeeds), so
 * which thread draws and walks it changes nothing: the numbers are the same bits either way. The
 * calling thread and one helper thread take resample numbers from a shared counter until none are
 * left, so a slow or busy helper just does fewer; the caller then waits for the ones the helper is
 * still walking, and walks any itself that the helper hasn't finished in good time (a helper that
 * died or never started costs time, never a result). The helper's program is the walk's functions
 * as source text run with `eval: true`, like the CSV parser's second thread (data/csvWorker.ts).
 *
 * The wait is synchronous (Atomics.wait), so bootstrapIntervals stays a plain function.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { throwIfCancelled, type CancelSignal } from '../errors';
import { binaryResampleWalk, walkSlots, type BinaryResampleLayout } from './binaryResample';
import { countsFromSeed, fillCounts } from './resample';

/** Rows x resamples from which a helper thread pays for its start (~50 ms) several times over. */
export const PARALLEL_MIN_WORK = 50_000_000;

export interface ResampleRunOptions {
  /** true: always start the helper; false: never; undefined: when the work is large enough. */
  parallel?: boolean;
  signal?: CancelSignal;
  /**
   * For tests: the helper's program instead of the real one; the least wait for it (ms, default
   * 2000); start only once the helper has taken its first resample (control[2]); count what it walked.
   */
  helperProgram?: string;
  minWaitMs?: number;
  helperFirst?: boolean;
  report?: { helperWalked: number };
}

interface HelperData {
  layout: BinaryResampleLayout;
  seeds: Int32Array;
  out: Float64Array;
  /** [0]: next resample to take; [1]: the helper has stopped taking; [2]: it has taken its first. */
  control: Int32Array;
  /** Per resample: 0 not finished, 1 finished by the helper. */
  done: Int32Array;
  resamples: number;
  slots: number;
}

/**
 * The helper thread's program. It gets the functions it calls as arguments (names of imports are
 * rewritten by bundlers and loaders, the functions' own names are not).
 */
function helperMain(wt: typeof import('node:worker_threads'), counts: typeof countsFromSeed, walk: typeof binaryResampleWalk): void {
  const d = wt.workerData as HelperData;
  const w = new Uint8Array(d.layout.n);
  try {
    for (let first = true; ; first = false) {
      const b = Atomics.add(d.control, 0, 1);
      if (first) {
        Atomics.store(d.control, 2, 1);
        Atomics.notify(d.control, 2);
      }
      if (b >= d.resamples) break;
      walk(d.layout, counts(d.seeds, 4 * b, w), d.out, b * d.slots);
      Atomics.store(d.done, b, 1);
      Atomics.notify(d.done, b);
    }
  } finally {
    Atomics.store(d.control, 1, 1);
  }
}

const HELPER_FUNCTIONS: ReadonlyArray<(...args: never[]) => unknown> = [fillCounts, countsFromSeed, binaryResampleWalk];

let source: string | undefined;
let started = 0;

/** How many helper threads this process has started (for tests). */
export function resampleHelpersStarted(): number {
  return started;
}

function helperSource(): string {
  // `__name` is the helper some TypeScript loaders (tsx) wrap named functions in.
  source ??= [
    '"use strict";',
    'var __name = function (f) { return f; };',
    ...HELPER_FUNCTIONS.map((f) => f.toString()),
    `(${helperMain.toString()})(require("node:worker_threads"), ${countsFromSeed.name}, ${binaryResampleWalk.name});`,
  ].join('\n');
  return source;
}

/**
 * The walks (walkSlots(layout) numbers each, resample b at b * walkSlots(layout)) of the resamples whose seeds
 * are `seeds` (4 words each, see drawSeeds).
 */
export function walkResamples(layout: BinaryResampleLayout, seeds: Int32Array, options: ResampleRunOptions = {}): Float64Array {
  const resamples = seeds.length / 4;
  const slots = walkSlots(layout);
  const out = new Float64Array(new SharedArrayBuffer(resamples * slots * 8));
  const control = new Int32Array(new SharedArrayBuffer(12));
  const done = new Int32Array(new SharedArrayBuffer(resamples * 4));
  const useHelper = options.parallel ?? (layout.n * resamples >= PARALLEL_MIN_WORK && availableParallelism() > 1);
  let helper: Worker | undefined;
  if (useHelper && resamples > 1) {
    try {
      const data: HelperData = { layout, seeds, out, control, done, resamples, slots };
      helper = new Worker(options.helperProgram ?? helperSource(), { eval: true, workerData: data });
      helper.on('error', () => undefined); // a failed helper takes no resample or leaves it unfinished
      helper.unref();
      started++;
    } catch {
      helper = undefined;
    }
  }
  if (helper && options.helperFirst) Atomics.wait(control, 2, 0, 10_000);
  const w = new Uint8Array(layout.n);
  const mine = new Uint8Array(resamples);
  let walked = 0;
  const t0 = performance.now();
  try {
    for (;;) {
      throwIfCancelled(options.signal);
      const b = Atomics.add(control, 0, 1);
      if (b >= resamples) break;
      binaryResampleWalk(layout, countsFromSeed(seeds, 4 * b, w), out, b * slots);
      mine[b] = 1;
      walked++;
    }
    if (helper) {
      // Wait for the helper's last resamples: as long as ~10 resamples take here, at least 2 s.
      const perResample = (performance.now() - t0) / Math.max(1, walked);
      const deadline = performance.now() + Math.max(options.minWaitMs ?? 2000, 10 * perResample);
      for (let b = 0; b < resamples; b++) {
        if (mine[b]) continue;
        while (Atomics.load(done, b) === 0) {
          throwIfCancelled(options.signal);
          const left = deadline - performance.now();
          if (left <= 0 || Atomics.load(control, 1) === 1) break;
          Atomics.wait(done, b, 0, Math.min(left, 50));
        }
        if (Atomics.load(done, b) === 0) {
          // The helper stopped or is too slow: walk it here (the same seed gives the same numbers).
          binaryResampleWalk(layout, countsFromSeed(seeds, 4 * b, w), out, b * slots);
        }
      }
    }
  } finally {
    if (helper) {
      Atomics.store(control, 0, resamples); // no more to take
      void helper.terminate();
    }
  }
  if (options.report) options.report.helperWalked = done.reduce((a, v) => a + v, 0);
  return out;
}
