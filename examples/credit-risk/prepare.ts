/**
 * Builds the credit-risk example's data from the UCI "default of credit card clients" file.
 *
 *   node --import tsx examples/credit-risk/prepare.ts [path/to/taiwan-credit-default.csv]
 *
 * Writes, under examples/credit-risk/data/:
 *   train.csv       15,000 customers: the training set and the drift reference
 *   eval.csv         5,000 other customers: held out, with the sensitive columns
 *   current.csv      5,000 of the remaining 10,000 customers as "production" traffic over 12 weeks
 *                    of 2026 (`scored_at`), with a shift that starts in week 3 and grows to week 12
 *   background.csv     100 rows sampled from train.csv for SHAP
 * Deterministic: every random choice comes from the seeded Random in server/src/engine/util/random.ts.
 * README.md describes the shift and why it is realistic.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Random } from '../../server/src/engine/util/random';
import { columnIndex, readSimpleCsv, toNumber, writeSimpleCsv } from './lib/simpleCsv';

const SOURCE = process.argv[2] ?? '/work/shared/datasets/taiwan-credit-default.csv';
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'data');
const SEED = 20260105;
const N_EVAL = 5000;
const N_TRAIN = 15000;
const N_CURRENT = 5000;
const N_BACKGROUND = 100;

/** Production period: 12 weeks from Monday 5 January 2026 (UTC). */
const START_MS = Date.UTC(2026, 0, 5);
const PERIOD_DAYS = 84;
/** The shift is absent for the first 14 days, then grows linearly to full strength on the last day. */
const SHIFT_START_DAYS = 14;
/** Credit-limit programme: at full strength every account has limit and balances scaled by this. */
const LIMIT_FACTOR = 1.3;
/** Age tilt: at full strength a customer's selection weight is exp(-AGE_TILT * (age - 35) / 10). */
const AGE_TILT = 1.0;

const EDUCATION: Record<string, string> = { '1': 'graduate_school', '2': 'university', '3': 'high_school' };
const MARRIAGE: Record<string, string> = { '1': 'married', '2': 'single' };
const SEX: Record<string, string> = { '1': 'male', '2': 'female' };

const MONTHS = ['1', '2', '3', '4', '5', '6']; // 1 = September 2005 (most recent) ... 6 = April 2005
const HEADER = [
  'limit_bal', 'sex', 'education', 'marriage', 'age',
  ...MONTHS.map((m) => `repay_status_${m}`),
  ...MONTHS.map((m) => `bill_amt${m}`),
  ...MONTHS.map((m) => `pay_amt${m}`),
  'default',
];
const SOURCE_COLUMNS = [
  'LIMIT_BAL', 'SEX', 'EDUCATION', 'MARRIAGE', 'AGE',
  'PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6', // the source has no PAY_1
  ...MONTHS.map((m) => `BILL_AMT${m}`),
  ...MONTHS.map((m) => `PAY_AMT${m}`),
  'default payment next month',
];

interface Customer {
  limit: number;
  sex: string;
  education: string;
  marriage: string;
  age: number;
  repay: number[];
  bill: number[];
  pay: number[];
  target: number;
}

function loadCustomers(path: string): Customer[] {
  const csv = readSimpleCsv(path, ';');
  const idx = columnIndex(csv, SOURCE_COLUMNS, path);
  return csv.rows.map((r, i) => {
    const num = (k: number) => toNumber(r[idx[k]], path, i, SOURCE_COLUMNS[k]);
    const code = (k: number, names: Record<string, string>, fallback?: string) => {
      const name = names[r[idx[k]]] ?? fallback;
      if (name === undefined) throw new Error(`${path}: row ${i + 2}: unknown ${SOURCE_COLUMNS[k]} code "${r[idx[k]]}"`);
      return name;
    };
    const target = num(23);
    if (target !== 0 && target !== 1) throw new Error(`${path}: row ${i + 2}: label ${target} is not 0 or 1`);
    return {
      limit: num(0),
      sex: code(1, SEX),
      // UCI documents 4 = others, 5 and 6 = unknown; 0 appears 14 times undocumented: all become "other".
      education: code(2, EDUCATION, 'other'),
      // UCI documents 3 = others; 0 appears 54 times undocumented: both become "other".
      marriage: code(3, MARRIAGE, 'other'),
      age: num(4),
      repay: [5, 6, 7, 8, 9, 10].map(num),
      bill: [11, 12, 13, 14, 15, 16].map(num),
      pay: [17, 18, 19, 20, 21, 22].map(num),
      target,
    };
  });
}

function toRow(c: Customer): (string | number)[] {
  return [c.limit, c.sex, c.education, c.marriage, c.age, ...c.repay, ...c.bill, ...c.pay, c.target];
}

/** Shift strength in [0, 1] on a given day of the production period. */
function strength(day: number): number {
  return Math.min(1, Math.max(0, (day - SHIFT_START_DAYS) / (PERIOD_DAYS - SHIFT_START_DAYS)));
}

interface Scored {
  customer: Customer;
  scoredAt: string;
  inProgramme: boolean;
}

/**
 * Draws production traffic from `pool` without replacement, in time order: the later the row, the
 * more young customers are favoured and the more accounts carry the raised limit.
 */
function simulateProduction(pool: Customer[], rng: Random): Scored[] {
  const times = Array.from({ length: N_CURRENT }, () => Math.floor(rng.next() * PERIOD_DAYS * 86400));
  times.sort((a, b) => a - b);
  const byAge = new Map<number, Customer[]>();
  for (const c of pool) byAge.set(c.age, [...(byAge.get(c.age) ?? []), c]);
  const ages = [...byAge.keys()].sort((a, b) => a - b);
  const out: Scored[] = [];
  for (const t of times) {
    const s = strength(t / 86400);
    let total = 0;
    const weights = ages.map((a) => {
      const w = byAge.get(a)!.length * Math.exp((-AGE_TILT * s * (a - 35)) / 10);
      total += w;
      return w;
    });
    let u = rng.next() * total;
    let k = 0;
    while (k < ages.length - 1 && (u -= weights[k]) >= 0) k++;
    while (byAge.get(ages[k])!.length === 0) k = (k + 1) % ages.length; // only reached through rounding at the edge
    const bucket = byAge.get(ages[k])!;
    const j = rng.int(bucket.length);
    const base = bucket[j];
    bucket[j] = bucket[bucket.length - 1];
    bucket.pop();
    const inProgramme = rng.next() < s;
    const customer = inProgramme
      ? {
          ...base,
          // Limits are granted in steps of NT$10,000, as in the source.
          limit: Math.round((base.limit * LIMIT_FACTOR) / 10000) * 10000,
          bill: base.bill.map((b) => Math.round(b * LIMIT_FACTOR)),
        }
      : base;
    out.push({ customer, scoredAt: new Date(START_MS + t * 1000).toISOString().replace('.000Z', 'Z'), inProgramme });
  }
  return out;
}

function main(): void {
  const customers = loadCustomers(SOURCE);
  if (customers.length < N_EVAL + N_TRAIN + N_CURRENT) throw new Error(`${SOURCE}: only ${customers.length} rows`);
  const rng = new Random(SEED);
  const order = rng.shuffle(Int32Array.from(customers.keys()));
  const evalSet = [...order.subarray(0, N_EVAL)].map((i) => customers[i]);
  const train = [...order.subarray(N_EVAL, N_EVAL + N_TRAIN)].map((i) => customers[i]);
  const pool = [...order.subarray(N_EVAL + N_TRAIN)].map((i) => customers[i]);
  const backgroundIdx = rng.shuffle(Int32Array.from(train.keys())).subarray(0, N_BACKGROUND);
  const background = [...backgroundIdx].sort((a, b) => a - b).map((i) => train[i]);
  const current = simulateProduction(pool, new Random(SEED + 1));

  writeSimpleCsv(join(OUT, 'train.csv'), HEADER, train.map(toRow));
  writeSimpleCsv(join(OUT, 'eval.csv'), HEADER, evalSet.map(toRow));
  writeSimpleCsv(join(OUT, 'background.csv'), HEADER, background.map(toRow));
  writeSimpleCsv(
    join(OUT, 'current.csv'),
    [...HEADER, 'scored_at'],
    current.map((c) => [...toRow(c.customer), c.scoredAt]),
  );

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`train ${train.length}, eval ${evalSet.length}, current ${current.length}, background ${background.length}`);
  console.log(`default rate: train ${mean(train.map((c) => c.target)).toFixed(4)}, eval ${mean(evalSet.map((c) => c.target)).toFixed(4)}, current ${mean(current.map((c) => c.customer.target)).toFixed(4)}`);
  console.log(`train: mean age ${mean(train.map((c) => c.age)).toFixed(2)}, mean limit_bal ${mean(train.map((c) => c.limit)).toFixed(0)}`);
  console.log('current by 14-day window: rows, mean age, mean limit_bal, share in the limit programme');
  for (let w = 0; w < PERIOD_DAYS / 14; w++) {
    const lo = START_MS + w * 14 * 86400e3;
    const rows = current.filter((c) => {
      const t = Date.parse(c.scoredAt);
      return t >= lo && t < lo + 14 * 86400e3;
    });
    console.log(
      `  ${new Date(lo).toISOString().slice(0, 10)}  ${rows.length}  ${mean(rows.map((r) => r.customer.age)).toFixed(2)}  ` +
        `${mean(rows.map((r) => r.customer.limit)).toFixed(0)}  ${mean(rows.map((r) => (r.inProgramme ? 1 : 0))).toFixed(3)}`,
    );
  }
}

main();
