/**
 * Walks one pickle stream with a symbolic stack machine: it follows the stack, the marks and the
 * memo the way Python's Unpickler does, but pushes descriptions instead of objects and never calls
 * anything. That is what resolves STACK_GLOBAL operands exactly (however they were built: string
 * opcodes, memo gets, DUP) and names the callable behind each REDUCE, OBJ, NEWOBJ and BUILD.
 * It also steps over the raw array bytes joblib writes inside its pickles (see joblibArrays.ts).
 *
 * Cost is bounded by the input: every opcode consumes at least one byte, and each value pushed is
 * O(1) in size (tuples and dicts keep at most MAX_ITEMS references).
 */
import { decodeLong, PickleParseError, readOp, type PickleOp } from './pickleOps';
import { joblibArrayEnd } from './joblibArrays';

export interface GlobalRef {
  module: string;
  name: string;
  /** GLOBAL, STACK_GLOBAL, INST, EXT1/EXT2/EXT4. */
  opcode: string;
  offset: number;
  /** False when STACK_GLOBAL's operands were not both strings (the name is then a description). */
  resolved: boolean;
  /** An EXT opcode: a code in the copyreg extension registry, not a name. */
  extension?: boolean;
}

export interface GlobalCall {
  ref: GlobalRef;
  /** REDUCE, OBJ, INST, NEWOBJ, NEWOBJ_EX (a call) or BUILD (its __setstate__ runs). */
  opcode: string;
  offset: number;
}

export type Val =
  | { k: 'str'; s: string }
  | { k: 'int'; n: number }
  | { k: 'global'; ref: GlobalRef }
  | { k: 'obj'; callee?: GlobalRef; args?: Val }
  | { k: 'tuple'; items: Val[] }
  | { k: 'dict'; entries: [string, Val][] }
  | { k: 'none' }
  | { k: 'other'; what?: string };

export interface PickleWalk {
  start: number;
  /** Offset just past STOP, or where decoding failed. */
  end: number;
  protocol?: number;
  imports: GlobalRef[];
  calls: GlobalCall[];
  /** Decoding stopped here (truncated or unknown opcode): nothing after it was read. */
  error?: { reason: string; offset: number };
  /** The first structural anomaly (stack underflow, missing mark or memo): Python would fail there. */
  anomaly?: { reason: string; offset: number };
  /** The value STOP returned. */
  result?: Val;
}

const MAX_ITEMS = 64;
const OTHER: Val = { k: 'other' };
const NONE: Val = { k: 'none' };

export function walkPickle(buf: Uint8Array, start = 0, end = buf.length, depth = 0): PickleWalk {
  const vm = new SymbolicVm(buf, start, end, depth);
  return vm.run();
}

class SymbolicVm {
  private stack: Val[] = [];
  private marks: number[] = [];
  private memo = new Map<number, Val>();
  private seenImports = new Map<string, GlobalRef>();
  private seenCalls = new Map<GlobalRef, number>();
  private walk: PickleWalk;
  private pos: number;

  constructor(private buf: Uint8Array, start: number, private end: number, private depth: number) {
    this.pos = start;
    this.walk = { start, end: start, imports: [], calls: [] };
  }

  run(): PickleWalk {
    try {
      for (;;) {
        const op = readOp(this.buf, this.pos, this.end);
        this.pos = op.next;
        if (this.step(op)) break;
      }
    } catch (e) {
      if (!(e instanceof PickleParseError)) throw e;
      this.walk.error = { reason: e.reason, offset: e.offset };
    }
    this.walk.end = this.pos;
    return this.walk;
  }

  private anomaly(reason: string, offset: number): void {
    this.walk.anomaly ??= { reason, offset };
  }

  private push(v: Val): void {
    this.stack.push(v);
  }

  /** Python keeps the items above the latest MARK in their own list: ops cannot pop below it. */
  private frameBase(): number {
    return this.marks.length > 0 ? this.marks[this.marks.length - 1] : 0;
  }

  private pop(op: PickleOp): Val {
    if (this.stack.length <= this.frameBase()) {
      this.anomaly(`stack underflow in ${op.name}`, op.pos);
      return OTHER;
    }
    return this.stack.pop() as Val;
  }

  private top(op: PickleOp): Val {
    if (this.stack.length <= this.frameBase()) {
      this.anomaly(`empty stack in ${op.name}`, op.pos);
      return OTHER;
    }
    return this.stack[this.stack.length - 1];
  }

  private popMark(op: PickleOp): Val[] {
    const m = this.marks.pop();
    if (m === undefined) {
      this.anomaly(`${op.name} without a MARK`, op.pos);
      return this.stack.splice(0);
    }
    return this.stack.splice(Math.min(m, this.stack.length));
  }

  private memoGet(key: number, op: PickleOp): Val {
    const v = this.memo.get(key);
    if (v === undefined) {
      this.anomaly(`memo key ${key} is not defined (${op.name})`, op.pos);
      return OTHER;
    }
    return v;
  }

  /** Each distinct global is kept once (its first import), so memory stays small for crafted files. */
  private importGlobal(ref: GlobalRef): Val {
    const key = `${ref.module}\n${ref.name}\n${ref.resolved}\n${ref.extension ?? false}`;
    const seen = this.seenImports.get(key);
    if (seen) return { k: 'global', ref: seen };
    this.seenImports.set(key, ref);
    this.walk.imports.push(ref);
    return { k: 'global', ref };
  }

  /** Records the first call and the first BUILD of each global. */
  private recordCall(ref: GlobalRef, opcode: string, offset: number): void {
    const kind = opcode === 'BUILD' ? 1 : 0;
    const done = this.seenCalls.get(ref) ?? 0;
    if (done & (1 << kind)) return;
    this.seenCalls.set(ref, done | (1 << kind));
    this.walk.calls.push({ ref, opcode, offset });
  }

  private call(callee: Val, opcode: string, offset: number, args?: Val): Val {
    if (callee.k === 'global') {
      this.recordCall(callee.ref, opcode, offset);
      return { k: 'obj', callee: callee.ref, args };
    }
    return { k: 'obj', args };
  }

  /** A pickle embedded in this one (joblib object arrays); nesting is capped, as a crafted file could chain them. */
  private nested(at: number, op: PickleOp): PickleWalk {
    if (this.depth >= 4) throw new PickleParseError('pickles nested too deeply', op.pos);
    return walkPickle(this.buf, at, this.end, this.depth + 1);
  }

  private intArg(op: PickleOp): number {
    return op.arg.kind === 'int' ? op.arg.value : NaN;
  }

  /** Executes one opcode symbolically; returns true at STOP. */
  private step(op: PickleOp): boolean {
    const a = op.arg;
    switch (op.name) {
      case 'PROTO':
        this.walk.protocol ??= this.intArg(op);
        if (this.intArg(op) > 5) throw new PickleParseError(`unsupported pickle protocol ${this.intArg(op)}`, op.pos);
        return false;
      case 'FRAME':
        return false;
      case 'STOP':
        this.walk.result = this.pop(op);
        return true;
      case 'INT':
        // "00" and "01" are protocol 0's False and True.
        this.push(op.next - op.pos === 4 && this.buf[op.pos + 1] === 0x30 ? OTHER : { k: 'int', n: this.intArg(op) });
        return false;
      case 'BININT':
      case 'BININT1':
      case 'BININT2':
      case 'LONG':
        this.push({ k: 'int', n: this.intArg(op) });
        return false;
      case 'LONG1':
      case 'LONG4':
        this.push(a.kind === 'bytes' && a.end - a.start <= 6 ? { k: 'int', n: decodeLong(this.buf, a.start, a.end) } : OTHER);
        return false;
      case 'STRING':
      case 'BINSTRING':
      case 'SHORT_BINSTRING':
      case 'UNICODE':
      case 'SHORT_BINUNICODE':
      case 'BINUNICODE':
      case 'BINUNICODE8':
        this.push(a.kind === 'str' ? { k: 'str', s: a.value } : { k: 'other', what: 'a long string' });
        return false;
      case 'BINBYTES':
      case 'SHORT_BINBYTES':
      case 'BINBYTES8':
      case 'BYTEARRAY8':
        this.push({ k: 'other', what: 'bytes' });
        return false;
      case 'NEXT_BUFFER':
        this.push({ k: 'other', what: 'an out-of-band buffer' });
        return false;
      case 'READONLY_BUFFER':
        return false;
      case 'NONE':
        this.push(NONE);
        return false;
      case 'NEWTRUE':
      case 'NEWFALSE':
      case 'FLOAT':
      case 'BINFLOAT':
        this.push(OTHER);
        return false;
      case 'EMPTY_LIST':
      case 'EMPTY_SET':
        this.push({ k: 'other', what: 'a container' });
        return false;
      case 'EMPTY_TUPLE':
        this.push({ k: 'tuple', items: [] });
        return false;
      case 'EMPTY_DICT':
        this.push({ k: 'dict', entries: [] });
        return false;
      case 'APPEND':
        this.pop(op);
        this.top(op);
        return false;
      case 'APPENDS':
      case 'ADDITEMS':
        this.popMark(op);
        this.top(op);
        return false;
      case 'LIST':
      case 'FROZENSET':
        this.popMark(op);
        this.push({ k: 'other', what: 'a container' });
        return false;
      case 'TUPLE':
        this.push(tuple(this.popMark(op)));
        return false;
      case 'TUPLE1':
      case 'TUPLE2':
      case 'TUPLE3': {
        const n = op.name === 'TUPLE1' ? 1 : op.name === 'TUPLE2' ? 2 : 3;
        const items: Val[] = [];
        for (let i = 0; i < n; i++) items.unshift(this.pop(op));
        this.push(tuple(items));
        return false;
      }
      case 'DICT': {
        const items = this.popMark(op);
        const d: Val = { k: 'dict', entries: [] };
        for (let i = 0; i + 1 < items.length; i += 2) setItem(d, items[i], items[i + 1]);
        this.push(d);
        return false;
      }
      case 'SETITEM': {
        const v = this.pop(op);
        const k = this.pop(op);
        setItem(this.top(op), k, v);
        return false;
      }
      case 'SETITEMS': {
        const items = this.popMark(op);
        const d = this.top(op);
        for (let i = 0; i + 1 < items.length; i += 2) setItem(d, items[i], items[i + 1]);
        return false;
      }
      case 'POP':
        if (this.stack.length > this.frameBase()) this.stack.pop();
        else if (this.marks.length > 0) this.marks.pop();
        else this.anomaly('stack underflow in POP', op.pos);
        return false;
      case 'DUP':
        this.push(this.top(op));
        return false;
      case 'MARK':
        this.marks.push(this.stack.length);
        return false;
      case 'POP_MARK':
        this.popMark(op);
        return false;
      case 'GET':
      case 'BINGET':
      case 'LONG_BINGET':
        this.push(this.memoGet(this.intArg(op), op));
        return false;
      case 'PUT':
      case 'BINPUT':
      case 'LONG_BINPUT':
        this.memo.set(this.intArg(op), this.top(op));
        return false;
      case 'MEMOIZE':
        this.memo.set(this.memo.size, this.top(op));
        return false;
      case 'EXT1':
      case 'EXT2':
      case 'EXT4':
        this.push(this.importGlobal({ module: 'copyreg extension registry', name: `code ${this.intArg(op)}`, opcode: op.name, offset: op.pos, resolved: true, extension: true }));
        return false;
      case 'GLOBAL':
        if (a.kind === 'pair') this.push(this.importGlobal({ module: a.module, name: a.name, opcode: op.name, offset: op.pos, resolved: true }));
        return false;
      case 'STACK_GLOBAL': {
        const name = this.pop(op);
        const module = this.pop(op);
        const resolved = module.k === 'str' && name.k === 'str';
        this.push(this.importGlobal({
          module: module.k === 'str' ? module.s : `<${describe(module)}>`,
          name: name.k === 'str' ? name.s : `<${describe(name)}>`,
          opcode: op.name,
          offset: op.pos,
          resolved,
        }));
        return false;
      }
      case 'INST': {
        const args = tuple(this.popMark(op));
        if (a.kind === 'pair') {
          const g = this.importGlobal({ module: a.module, name: a.name, opcode: op.name, offset: op.pos, resolved: true });
          this.push(this.call(g, op.name, op.pos, args));
        }
        return false;
      }
      case 'OBJ': {
        const items = this.popMark(op);
        const cls = items.shift() ?? OTHER;
        if (items.length === 0 && cls === OTHER) this.anomaly('OBJ without a class', op.pos);
        this.push(this.call(cls, op.name, op.pos, tuple(items)));
        return false;
      }
      case 'REDUCE': {
        const args = this.pop(op);
        const fn = this.pop(op);
        this.push(this.call(fn, op.name, op.pos, args));
        return false;
      }
      case 'NEWOBJ': {
        const args = this.pop(op);
        const cls = this.pop(op);
        this.push(this.call(cls, op.name, op.pos, args));
        return false;
      }
      case 'NEWOBJ_EX': {
        this.pop(op);
        const args = this.pop(op);
        const cls = this.pop(op);
        this.push(this.call(cls, op.name, op.pos, args));
        return false;
      }
      case 'BUILD': {
        const state = this.pop(op);
        const target = this.top(op);
        if (target.k === 'obj' && target.callee) {
          this.recordCall(target.callee, op.name, op.pos);
          const after = joblibArrayEnd(this.buf, this.pos, this.end, target, state, this.walk, (at) => this.nested(at, op));
          if (after !== undefined) this.pos = after;
        }
        return false;
      }
      case 'PERSID':
        this.push({ k: 'other', what: 'a persistent id' });
        return false;
      case 'BINPERSID':
        this.pop(op);
        this.push({ k: 'other', what: 'a persistent id' });
        return false;
      default:
        throw new PickleParseError(`opcode ${op.name} is not handled`, op.pos);
    }
  }
}

function tuple(items: Val[]): Val {
  return { k: 'tuple', items: items.slice(0, MAX_ITEMS) };
}

function setItem(d: Val, k: Val, v: Val): void {
  if (d.k === 'dict' && k.k === 'str' && d.entries.length < MAX_ITEMS) d.entries.push([k.s, v]);
}

function describe(v: Val): string {
  switch (v.k) {
    case 'global':
      return `the global ${v.ref.module}.${v.ref.name}`;
    case 'obj':
      return v.callee ? `the result of calling ${v.callee.module}.${v.callee.name}` : 'a computed object';
    case 'other':
      return v.what ?? 'a non-string value';
    case 'int':
      return 'an integer';
    case 'none':
      return 'None';
    case 'tuple':
      return 'a tuple';
    case 'dict':
      return 'a dict';
    case 'str':
      return `'${v.s}'`;
  }
}
