/**
 * Errors the engine raises for bad input. Every one names the file, the place in it, and what to do,
 * so the CLI can print it, the language server can turn it into a diagnostic or a ResponseError,
 * and nobody has to guess. `code` values are stable and documented in the README.
 */
export interface ErrorPlace {
  /** The file at fault (absolute or as the user wrote it). */
  file?: string;
  /** 1-based line in that file, when it is a text file. */
  line?: number;
  /** Column name or 1-based column number in that line. */
  column?: string | number;
}

export class PlumbError extends Error {
  readonly code: string;
  readonly place: ErrorPlace;
  constructor(code: string, message: string, place: ErrorPlace = {}) {
    super(message);
    this.name = 'PlumbError';
    this.code = code;
    this.place = place;
  }

  /** "file:line: column `x`: message" for terminals and logs. */
  describe(): string {
    const { file, line, column } = this.place;
    const where = [file, line !== undefined ? String(line) : undefined].filter(Boolean).join(':');
    const col = column !== undefined ? (typeof column === 'number' ? `column ${column}: ` : `column \`${column}\`: `) : '';
    return `${where ? `${where}: ` : ''}${col}${this.message}`;
  }
}

/** Raised when a run is cancelled (LSP $/cancelRequest, Ctrl+C). */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface CancelSignal {
  readonly cancelled: boolean;
}

export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.cancelled) throw new CancelledError();
}
