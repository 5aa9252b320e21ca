/**
 * joblib writes numpy arrays *inside* its pickle stream: after the BUILD of a NumpyArrayWrapper
 * come the array's raw bytes (preceded, since joblib 1.2, by one padding-length byte and that many
 * padding bytes), or, for object arrays, a whole nested pickle (protocol 2). The pickle continues
 * after them. To keep walking the opcodes we compute the array's byte size from the wrapper's state
 * (shape and dtype), the way joblib's NumpyArrayWrapper.read_array reads it back.
 */
import { PickleParseError } from './pickleOps';
import type { PickleWalk, Val } from './pickleVm';

const WRAPPER_MODULES = new Set(['joblib.numpy_pickle', 'sklearn.externals.joblib.numpy_pickle']);

function isWrapper(target: Val): boolean {
  if (target.k !== 'obj' || !target.callee) return false;
  let cls = target.callee;
  // Protocols 0 and 1 build objects with copyreg._reconstructor(cls, object, None).
  if ((cls.module === 'copyreg' || cls.module === 'copy_reg') && cls.name === '_reconstructor') {
    const first = target.args?.k === 'tuple' ? target.args.items[0] : undefined;
    if (first?.k !== 'global') return false;
    cls = first.ref;
  }
  return WRAPPER_MODULES.has(cls.module) && cls.name === 'NumpyArrayWrapper';
}

function field(state: Val, key: string): Val | undefined {
  return state.k === 'dict' ? state.entries.find(([k]) => k === key)?.[1] : undefined;
}

/** Item size and object-ness of a pickled numpy.dtype('f8'...), from its REDUCE arguments. */
function dtypeInfo(dtype: Val | undefined): { itemsize: number; hasObject: boolean } | undefined {
  if (dtype?.k !== 'obj' || dtype.args?.k !== 'tuple') return undefined;
  const spec = dtype.args.items[0];
  if (spec?.k !== 'str') return undefined;
  const m = /^[<>|=]?([a-zA-Z?])(\d*)$/.exec(spec.s);
  if (!m) return undefined;
  const kind = m[1];
  if (kind === 'O') return { itemsize: 8, hasObject: true };
  const n = m[2] === '' ? (kind === '?' ? 1 : NaN) : Number(m[2]);
  if (!Number.isFinite(n)) return undefined;
  return { itemsize: kind === 'U' ? n * 4 : n, hasObject: false };
}

/**
 * When `target` (the object BUILD just set state on) is a joblib NumpyArrayWrapper, returns the
 * offset after the array data that follows; undefined when it is some other object.
 */
export function joblibArrayEnd(
  buf: Uint8Array,
  pos: number,
  end: number,
  target: Val,
  state: Val,
  walk: PickleWalk,
  walkNested: (start: number) => PickleWalk,
): number | undefined {
  if (!isWrapper(target)) return undefined;
  const dtype = dtypeInfo(field(state, 'dtype'));
  const shape = field(state, 'shape');
  if (!dtype || shape?.k !== 'tuple' || !shape.items.every((v) => v.k === 'int' && v.n >= 0)) {
    throw new PickleParseError('a joblib array follows whose shape or dtype could not be read', pos);
  }
  if (dtype.hasObject) {
    const nested = walkNested(pos);
    walk.imports.push(...nested.imports);
    walk.calls.push(...nested.calls);
    walk.anomaly ??= nested.anomaly;
    if (nested.error) throw new PickleParseError(`in the pickle of a joblib object array: ${nested.error.reason}`, nested.error.offset);
    return nested.end;
  }
  let at = pos;
  const align = field(state, 'numpy_array_alignment_bytes');
  if (align !== undefined && align.k !== 'none') {
    if (at >= end) throw new PickleParseError('joblib array padding is truncated', at);
    at += 1 + buf[at];
  }
  const count = shape.items.reduce((p, v) => p * (v.k === 'int' ? v.n : 0), 1);
  const bytes = count * dtype.itemsize;
  if (!(bytes <= end - at)) throw new PickleParseError(`joblib array data (${bytes} bytes) runs past the end of the file`, at);
  return at + bytes;
}
