/** Sorting the Drift panel's per-column table; missing scores sort last either way. */
import type { FeatureDriftView } from '../../../server/src/protocol/webview/drift';

export const SORT_KEYS = ['column', 'kind', 'method', 'score', 'threshold', 'drifted', 'missing'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

function keyOf(f: FeatureDriftView, key: SortKey): string | number | null {
  switch (key) {
    case 'column':
    case 'kind':
    case 'method':
      return f[key];
    case 'score':
    case 'threshold':
      return f[key];
    case 'drifted':
      return f.drifted ? 1 : 0;
    case 'missing':
      return f.missing.difference;
    default:
      return assertNeverKey(key);
  }
}

function assertNeverKey(k: never): never {
  throw new Error(`unknown sort key ${String(k)}`);
}

export function sortFeatures(features: FeatureDriftView[], sort: Sort): FeatureDriftView[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...features].sort((a, b) => {
    const x = keyOf(a, sort.key);
    const y = keyOf(b, sort.key);
    if (x === null || y === null) return x === y ? a.column.localeCompare(b.column) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : a.column.localeCompare(b.column);
  });
}

export function isSortKey(v: unknown): v is SortKey {
  return typeof v === 'string' && (SORT_KEYS as readonly string[]).includes(v);
}
