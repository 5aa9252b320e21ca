/** Where the CLI writes: injectable so tests can run commands in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export function usageError(io: Io, message: string): number {
  io.err(`plumb: ${message}`);
  return 2;
}
