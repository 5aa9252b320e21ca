/**
 * A small validator for the messages between the extension and its webviews: each schema checks an
 * `unknown` value and its TypeScript type is inferred (`Infer<typeof s>`), so a message's type and its
 * check cannot drift apart. Objects let unknown keys through (results grow new fields); numbers must be
 * finite (JSON carries an undefined value as null, never NaN). No dependencies: the webview bundles it.
 */

export interface Schema<T> {
  /** undefined when `v` matches; otherwise where and why it does not. */
  check(v: unknown, path: string): string | undefined;
  /** Type carrier only; never set. */
  readonly _type?: T;
}

interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parse<T>(schema: Schema<T>, v: unknown): ParseResult<T> {
  const error = schema.check(v, '$');
  return error === undefined ? { ok: true, value: v as T } : { ok: false, error };
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v);
const leaf = <T>(what: string, ok: (v: unknown) => boolean): Schema<T> => ({
  check: (v, path) => (ok(v) ? undefined : `${path}: expected ${what}, got ${describe(v)}`),
});

export const num: Schema<number> = leaf('a finite number', (v) => typeof v === 'number' && Number.isFinite(v));
export const int: Schema<number> = leaf('an integer', (v) => typeof v === 'number' && Number.isSafeInteger(v));
export const str: Schema<string> = leaf('a string', (v) => typeof v === 'string');
export const bool: Schema<boolean> = leaf('a boolean', (v) => typeof v === 'boolean');
export const unknownValue: Schema<unknown> = { check: () => undefined };

/** A string of at most `max` characters (for text that ends up in the UI or a log). */
export function shortStr(max: number): Schema<string> {
  return leaf(`a string of at most ${max} characters`, (v) => typeof v === 'string' && v.length <= max);
}

export function intIn(min: number, max: number): Schema<number> {
  return leaf(`an integer in [${min}, ${max}]`, (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max);
}

export function lit<const L extends readonly (string | number | boolean)[]>(...values: L): Schema<L[number]> {
  return leaf(values.map((x) => JSON.stringify(x)).join(' or '), (v) => values.includes(v as never));
}

export function nullable<T>(s: Schema<T>): Schema<T | null> {
  return { check: (v, path) => (v === null ? undefined : s.check(v, path)) };
}

export function opt<T>(s: Schema<T>): OptionalSchema<T> {
  return { optional: true, check: (v, path) => (v === undefined ? undefined : s.check(v, path)) };
}

export function arr<T>(s: Schema<T>, maxLength = 1_000_000): Schema<T[]> {
  return {
    check(v, path) {
      if (!Array.isArray(v)) return `${path}: expected an array, got ${describe(v)}`;
      if (v.length > maxLength) return `${path}: more than ${maxLength} items`;
      for (let i = 0; i < v.length; i++) {
        const e = s.check(v[i], `${path}[${i}]`);
        if (e) return e;
      }
      return undefined;
    },
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function record<T>(s: Schema<T>): Schema<Record<string, T>> {
  return {
    check(v, path) {
      if (!isPlainObject(v)) return `${path}: expected an object, got ${describe(v)}`;
      for (const [k, x] of Object.entries(v)) {
        const e = s.check(x, `${path}.${k}`);
        if (e) return e;
      }
      return undefined;
    },
  };
}

export type Props = Record<string, Schema<unknown>>;
type OptionalKeys<P extends Props> = { [K in keyof P]: P[K] extends OptionalSchema<unknown> ? K : never }[keyof P];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<P extends Props> = Simplify<{ [K in Exclude<keyof P, OptionalKeys<P>>]: Infer<P[K]> } & { [K in OptionalKeys<P>]?: Exclude<Infer<P[K]>, undefined> }>;

export function obj<P extends Props>(props: P): Schema<ObjectOf<P>> & { props: P } {
  return {
    props,
    check(v, path) {
      if (!isPlainObject(v)) return `${path}: expected an object, got ${describe(v)}`;
      for (const [k, s] of Object.entries(props)) {
        const e = s.check(v[k], `${path}.${k}`);
        if (e) return e;
      }
      return undefined;
    },
  };
}

export function union<T extends Schema<unknown>[]>(...options: T): Schema<Infer<T[number]>> {
  return {
    check(v, path) {
      const errors = options.map((o) => o.check(v, path));
      return errors.includes(undefined) ? undefined : errors.join('; or ');
    },
  };
}

/**
 * A discriminated union on `type`: `{ type: 'a', ... } | { type: 'b', ... }`. An unknown `type` is an
 * error naming the known ones.
 */
export function tagged<V extends Record<string, Props>>(variants: V): Schema<{ [K in keyof V & string]: Simplify<{ type: K } & ObjectOf<V[K]>> }[keyof V & string]> {
  const schemas = Object.fromEntries(Object.entries(variants).map(([k, p]) => [k, obj(p)]));
  return {
    check(v, path) {
      if (!isPlainObject(v)) return `${path}: expected a message object, got ${describe(v)}`;
      const t = v.type;
      if (typeof t !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, t)) return `${path}.type: expected one of ${Object.keys(variants).join(', ')}, got ${JSON.stringify(t)}`;
      return schemas[t].check(v, path);
    },
  };
}

/** Compile-time check that `T` can be used where `U` is expected (e.g. an engine result where a panel's view type is). */
export type Assignable<T extends U, U> = T;

/** For the `default` branch of a switch over a union: a type error when a case is missing. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
