/** A progress line on stderr for long runs, only when stderr is a terminal (CI logs stay clean). */
export function progressReporter(): { update: (message: string, fraction?: number) => void; done: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = '';
  let lastAt = 0;
  return {
    update(message, fraction) {
      const line = fraction !== undefined ? `${message} ${Math.round(fraction * 100)}%` : message;
      const now = Date.now();
      if (line === last || (now - lastAt < 100 && fraction !== undefined)) return;
      last = line;
      lastAt = now;
      process.stderr.write(`\r\x1b[K${line}`);
    },
    done() {
      if (last) process.stderr.write('\r\x1b[K');
    },
  };
}
