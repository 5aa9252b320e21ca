/** The spec's features as the model's feature matrix, refusing missing values with the row they are on. */
import { PlumbError } from '../errors';
import type { Table } from '../data/table';
import type { FeatureMatrix } from '../model';
import { lineOfRow, requireColumn } from './targets';

export function featureMatrix(table: Table, features: string[], rows?: Int32Array): FeatureMatrix {
  const n = rows ? rows.length : table.rowCount;
  const columns = features.map((name, j) => {
    const c = requireColumn(table, name, `model.features[${j}]`);
    if (c.missing > 0) {
      const first = c.type === 'categorical' ? c.codes.findIndex((x) => x < 0) : c.values.findIndex((x) => Number.isNaN(x));
      throw new PlumbError('data.missing-feature', `feature \`${name}\` has ${c.missing} missing value(s), first on data row ${first} (line ${lineOfRow(first)}). The model cannot score rows with missing inputs: impute or drop them first.`, { file: table.file, line: lineOfRow(first), column: name });
    }
    if (c.type === 'categorical') return rows ? { codes: Int32Array.from(rows, (r) => c.codes[r]), categories: c.categories } : { codes: c.codes, categories: c.categories };
    return rows ? Float64Array.from(rows, (r) => c.values[r]) : c.values;
  });
  return { rows: n, columns };
}
