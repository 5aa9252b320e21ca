/**
 * Scans a byte range holding one or more concatenated pickles (joblib and legacy torch.save write
 * several) and turns the globals they import into findings. It never unpickles anything.
 */
import { PICKLE_ADVICE } from './codes';
import { classifyGlobal } from './globalsPolicy';
import { opcodeName } from './pickleOps';
import { walkPickle, type GlobalCall, type GlobalRef, type PickleWalk } from './pickleVm';
import type { ResolvedScanOptions, ScanFinding } from './types';

export interface PickleContext {
  /** Archive entry the bytes come from. */
  entry?: string;
  /** Added to offsets so they point into the file (e.g. past a .npy header). */
  baseOffset?: number;
  /** What the bytes are, for messages ("this pickle", "the pickle in archive/data.pkl"). */
  label?: string;
}

/** torch.save's legacy format starts with a pickle of this number (torch/serialization.py MAGIC_NUMBER). */
const TORCH_LEGACY_MAGIC = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e];
/** Legacy torch files hold five pickles (magic, protocol, sys info, the object, storage keys) and then raw storages. */
const TORCH_LEGACY_PICKLES = 5;

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** Walks every pickle in `buf` in turn, stopping at the first that cannot be decoded. */
export function walkPickles(buf: Uint8Array): { walks: PickleWalk[]; trailing?: number } {
  const walks: PickleWalk[] = [];
  const legacyTorch = startsWith(buf, TORCH_LEGACY_MAGIC);
  let pos = 0;
  while (pos < buf.length) {
    const w = walkPickle(buf, pos);
    walks.push(w);
    if (w.error || w.end <= pos) break;
    pos = w.end;
    if (legacyTorch && walks.length >= TORCH_LEGACY_PICKLES) return { walks };
    if (pos < buf.length && !looksLikePickleStart(buf, pos, walks[0].protocol)) return { walks, trailing: pos };
  }
  return { walks };
}

/** Another pickle follows when the next bytes are PROTO n (or, in a protocol 0/1 file, any opcode). */
function looksLikePickleStart(buf: Uint8Array, pos: number, firstProtocol: number | undefined): boolean {
  if (buf[pos] === 0x80) return pos + 1 < buf.length && buf[pos + 1] <= 5;
  if (firstProtocol !== undefined && firstProtocol >= 2) return false;
  // Newlines and NUL padding after a text pickle are not a new pickle.
  return opcodeName(buf[pos]) !== undefined;
}

interface GlobalSummary {
  ref: GlobalRef;
  calls: GlobalCall[];
}

function summarise(walks: PickleWalk[]): GlobalSummary[] {
  const byKey = new Map<string, GlobalSummary>();
  const keyOf = (r: GlobalRef) => `${r.module}\n${r.name}\n${r.resolved}`;
  for (const w of walks) {
    for (const ref of w.imports) if (!byKey.has(keyOf(ref))) byKey.set(keyOf(ref), { ref, calls: [] });
    for (const c of w.calls) byKey.get(keyOf(c.ref))?.calls.push(c);
  }
  return [...byKey.values()];
}

function usage(s: GlobalSummary, base: number): string {
  const imported = `imported by ${s.ref.opcode} at byte ${s.ref.offset + base}`;
  const call = s.calls.find((c) => c.opcode !== 'BUILD') ?? s.calls[0];
  if (!call) return imported;
  const verb = call.opcode === 'BUILD' ? 'its __setstate__ run by BUILD' : `called by ${call.opcode}`;
  return `${imported}, ${verb} at byte ${call.offset + base}`;
}

/** Findings for the pickle stream(s) in `buf`. */
export function scanPickleBytes(buf: Uint8Array, opts: ResolvedScanOptions, ctx: PickleContext = {}): ScanFinding[] {
  const base = ctx.baseOffset ?? 0;
  const label = ctx.label ?? (ctx.entry ? `The pickle in ${ctx.entry}` : 'This pickle');
  const at = (offset: number) => ({ offset: offset + base, ...(ctx.entry ? { entry: ctx.entry } : {}) });
  const findings: ScanFinding[] = [];
  if (buf.length === 0) {
    return [{ severity: 'warning', code: 'scan.pickle.parse-error', message: `${label} is empty: there is no pickle to check.`, detail: at(0) }];
  }
  const { walks, trailing } = walkPickles(buf);
  const safe: string[] = [];

  for (const s of summarise(walks)) {
    const { ref } = s;
    const qualified = `${ref.module}.${ref.name}`;
    const detail = { module: ref.module, name: ref.name, opcode: ref.opcode, ...at(ref.offset) };
    if (!ref.resolved) {
      findings.push({
        severity: 'error',
        code: 'scan.pickle.unresolved-global',
        message: `${label} imports a global whose module or name is computed (${ref.module} / ${ref.name}), ${usage(s, base)}. ` +
          `A name that is not a plain string is a common way to hide a dangerous import. Do not load this file. ${PICKLE_ADVICE}`,
        detail,
      });
      continue;
    }
    if (ref.extension) {
      findings.push({
        severity: 'warning',
        code: 'scan.pickle.extension-global',
        message: `${label} imports a global through the copyreg extension registry (${ref.name}), ${usage(s, base)}; ` +
          `what it names depends on the loading process and cannot be checked from the file. ${PICKLE_ADVICE}`,
        detail,
      });
      continue;
    }
    const verdict = classifyGlobal(ref.module, ref.name, opts.allowGlobals);
    if (verdict.level === 'dangerous') {
      findings.push({
        severity: 'error',
        code: 'scan.pickle.dangerous-global',
        message: `${label} imports \`${qualified}\` (${usage(s, base)}): it ${verdict.reason}. Do not load this file. ${PICKLE_ADVICE}`,
        detail,
      });
    } else if (verdict.level === 'unknown') {
      findings.push({
        severity: 'warning',
        code: 'scan.pickle.unknown-global',
        message: `${label} imports \`${qualified}\` (${usage(s, base)}), which is not on the allow-list: loading it runs its code, ` +
          `and Plumb cannot tell whether that code is safe. Load it only if you trust its source, or allow it explicitly. ${PICKLE_ADVICE}`,
        detail,
      });
    } else if (!safe.includes(qualified)) safe.push(qualified);
  }

  if (safe.length > 0 && !findings.some((f) => f.severity !== 'information')) {
    findings.push({
      severity: 'information',
      code: 'scan.pickle.safe-globals',
      message: `${label} imports only allow-listed globals (${safe.join(', ')}). ${PICKLE_ADVICE}`,
      ...(ctx.entry ? { detail: { entry: ctx.entry } } : {}),
    });
  }

  const last = walks[walks.length - 1];
  const anomaly = walks.find((w) => w.anomaly)?.anomaly;
  if (last?.error) {
    findings.push({
      severity: 'warning',
      code: 'scan.pickle.parse-error',
      message: `${label} could not be fully parsed at byte ${last.error.offset + base} (${last.error.reason}); ` +
        `anything after that point was not checked. A loader may still run the code before it.`,
      detail: { opcode: opcodeName(buf[last.error.offset] ?? -1), ...at(last.error.offset) },
    });
  } else if (anomaly) {
    findings.push({
      severity: 'warning',
      code: 'scan.pickle.parse-error',
      message: `${label} is malformed at byte ${anomaly.offset + base} (${anomaly.reason}): Python stops loading there, ` +
        `after running everything before it. Well-formed pickles never do this; treat the file as crafted.`,
      detail: at(anomaly.offset),
    });
  }
  if (trailing !== undefined && walks.length > 0 && !startsWith(buf, TORCH_LEGACY_MAGIC)) {
    findings.push({
      severity: 'information',
      code: 'scan.pickle.trailing-data',
      message: `${label}: ${buf.length - trailing} bytes after the last pickle (from byte ${trailing + base}) do not start another pickle and were not scanned.`,
      detail: at(trailing),
    });
  }
  return findings;
}
