/**
 * Spec diagnostics in character offsets into the spec's text. The LSP layer converts them to
 * ranges once, at the edge (as yaml-language-server does); the CLI converts them the same way.
 */
export type Severity = 'error' | 'warning' | 'information';

export interface Fix {
  /** Title shown in the quick-fix menu. */
  title: string;
  /** Replace [offset, offset + length) of the spec text with `text`. */
  edits: { offset: number; length: number; text: string }[];
}

export interface SpecDiagnostic {
  offset: number;
  length: number;
  severity: Severity;
  /** Stable code, documented in the README's spec reference (e.g. `schema.unknown-key`). */
  code: string;
  message: string;
  fixes?: Fix[];
}

export function diag(
  severity: Severity,
  code: string,
  message: string,
  range: { offset: number; length: number },
  fixes?: Fix[],
): SpecDiagnostic {
  return { severity, code, message, offset: range.offset, length: Math.max(range.length, 0), ...(fixes?.length ? { fixes } : {}) };
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagPrev = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagPrev + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagPrev = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate, when it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDist <= limit ? best : undefined;
}

/** "a, b, c" with a cap, for listing what exists in a message. */
export function listNames(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, ... (${names.length} in all)` : shown;
}
