/**
 * Test data for the drift tests, generated identically here and in expected/generate.py: a 32-bit
 * LCG and exact IEEE-754 arithmetic in the same order, so both languages see the same doubles and
 * large samples need not be stored in JSON. Also builds Table objects directly.
 */
import type { CategoricalColumn, Column, NumericColumn, Table } from '../data/table';

export class Lcg {
  private s: number;
  constructor(seed: number) {
    // Scramble the seed so that nearby seeds start far apart in the LCG's cycle.
    let s = (Math.imul(seed >>> 0, 2654435761) + 12345) >>> 0;
    s = (s ^ (s >>> 16)) >>> 0;
    s = Math.imul(s, 0x45d9f3b) >>> 0;
    this.s = (s ^ (s >>> 16)) >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s / 4294967296;
  }
  /** Approximately standard normal (Irwin-Hall with 4 uniforms, scaled to variance 1). */
  normal(): number {
    const u = this.next() + this.next() + this.next() + this.next();
    return (u - 2) * 1.7320508075688772;
  }
}

export interface NumericSpec {
  seed: number;
  n: number;
  loc?: number;
  scale?: number;
  /** Round down to this many decimals (creates ties). */
  decimals?: number;
  /** Share of values replaced by NaN (decided by a separate uniform draw per value). */
  missing?: number;
}

export function numericValues(spec: NumericSpec): Float64Array {
  const r = new Lcg(spec.seed);
  const out = new Float64Array(spec.n);
  for (let i = 0; i < spec.n; i++) {
    let x = r.normal() * (spec.scale ?? 1) + (spec.loc ?? 0);
    if (spec.decimals !== undefined) {
      const f = 10 ** spec.decimals;
      x = Math.floor(x * f) / f;
    }
    const m = r.next();
    out[i] = spec.missing && m < spec.missing ? NaN : x;
  }
  return out;
}

export interface CategoricalSpec {
  seed: number;
  n: number;
  categories: string[];
  /** Probabilities per category (need not sum to 1; the remainder is missing). */
  probs: number[];
}

/** Category labels (null = missing), drawn by cumulative probabilities. */
export function categoricalValues(spec: CategoricalSpec): (string | null)[] {
  const r = new Lcg(spec.seed);
  const out: (string | null)[] = [];
  for (let i = 0; i < spec.n; i++) {
    const u = r.next();
    let acc = 0;
    let label: string | null = null;
    for (let k = 0; k < spec.probs.length; k++) {
      acc += spec.probs[k];
      if (u < acc) {
        label = spec.categories[k];
        break;
      }
    }
    out.push(label);
  }
  return out;
}

export function numericColumn(name: string, values: Float64Array | number[], type: NumericColumn['type'] = 'numeric'): NumericColumn {
  const v = values instanceof Float64Array ? values : Float64Array.from(values);
  let missing = 0;
  for (const x of v) if (Number.isNaN(x)) missing++;
  return { name, type, values: v, missing };
}

export function categoricalColumn(name: string, labels: (string | null)[]): CategoricalColumn {
  const categories: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(labels.length);
  let missing = 0;
  labels.forEach((l, i) => {
    if (l === null) {
      codes[i] = -1;
      missing++;
      return;
    }
    let c = index.get(l);
    if (c === undefined) {
      c = categories.length;
      categories.push(l);
      index.set(l, c);
    }
    codes[i] = c;
  });
  return { name, type: 'categorical', codes, categories, missing };
}

export function table(file: string, columns: Column[]): Table {
  const rowCount = columns.length ? (columns[0].type === 'categorical' ? columns[0].codes.length : columns[0].values.length) : 0;
  return { file, rowCount, columns };
}

/** A column from a generate.py column description. */
export type ColumnSpec = ({ kind: 'numeric' } & NumericSpec) | ({ kind: 'categorical' | 'numcat' } & CategoricalSpec);

/** numcat: categories that are numbers, as a numeric column. */
export function columnFrom(name: string, spec: ColumnSpec): Column {
  if (spec.kind === 'numeric') return numericColumn(name, numericValues(spec));
  const labels = categoricalValues(spec);
  if (spec.kind === 'numcat') return numericColumn(name, labels.map((l) => (l === null ? NaN : Number(l))));
  return categoricalColumn(name, labels);
}
