/** `plumb explain SPEC --row N [--format text|json]`: SHAP values for one row of the eval data. */
import { CancelledError, PlumbError } from '../engine/errors';
import { explainRowOfSpec } from '../engine/run/explainSection';
import { parseArgs } from './args';
import { loadValidSpec } from './loadSpec';
import { usageError, type Io } from './io';

export const EXPLAIN_USAGE = 'plumb explain SPEC --row N [--format text|json]';

interface RowExplanationJson {
  row: number;
  method: string;
  base_value: number;
  prediction: number;
  contributions: Record<string, number>;
  values?: Record<string, unknown>;
}

export async function explainCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args, ['row', 'format']);
  if (typeof parsed === 'string') return usageError(io, `${parsed}\nusage: ${EXPLAIN_USAGE}`);
  const [file] = parsed.positionals;
  const row = Number(parsed.options.row);
  if (!file || parsed.options.row === undefined || !Number.isInteger(row) || row < 0) return usageError(io, `plumb explain needs a spec and --row N (a 0-based data row).\nusage: ${EXPLAIN_USAGE}`);
  const format = parsed.options.format ?? 'text';
  if (!['text', 'json'].includes(format)) return usageError(io, `--format must be text or json, not \`${format}\``);
  const loaded = await loadValidSpec(file, io);
  if (!loaded) return 2;
  const signal = { cancelled: false };
  const onSigint = () => (signal.cancelled = true);
  process.on('SIGINT', onSigint);
  try {
    const r = (await explainRowOfSpec(loaded.spec, row, { signal })) as RowExplanationJson;
    const { values, ...contract } = r;
    if (format === 'json') io.out(JSON.stringify({ ...contract, values }, null, 2));
    else {
      const entries = Object.entries(r.contributions).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
      const width = Math.max(...entries.map(([f]) => f.length));
      io.out(
        [
          `Row ${r.row} (${r.method}): prediction ${r.prediction.toFixed(4)} = base value ${r.base_value.toFixed(4)} + contributions:`,
          ...entries.map(([f, c]) => `  ${f.padEnd(width)}  ${c >= 0 ? '+' : ''}${c.toFixed(4)}${values ? `   (${f} = ${String(values[f])})` : ''}`),
        ].join('\n'),
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof CancelledError) return 130;
    if (e instanceof PlumbError) {
      io.err(`plumb: ${e.describe()}`);
      return 2;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
