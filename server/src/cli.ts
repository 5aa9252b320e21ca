#!/usr/bin/env node
/**
 * The `plumb` command: the same engine as the language server, headless, for terminals and CI.
 * Exit codes: 0 all good, 1 an error diagnostic or a failed gate, 2 could not run.
 */
import { checkCommand } from './cli/check';
import { processIo, usageError, type Io } from './cli/io';
import { COMMANDS } from './cli/commands';

const USAGE = `plumb: AI-engineering checks for ONNX models

usage:
  plumb check SPEC... [--format text|json|sarif]
      validate specs (the editor's diagnostics)
${COMMANDS.map((c) => `  plumb ${c.usage}\n      ${c.summary}`).join('\n')}

Exit codes: 0 all good, 1 errors or failed gates, 2 could not run.`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    io.out('0.1.0');
    return 0;
  }
  if (command === 'check') return checkCommand(rest, io);
  const c = COMMANDS.find((x) => x.name === command);
  if (c) return c.run(rest, io);
  return usageError(io, `unknown command \`${command}\`.\n\n${USAGE}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      processIo.err(`plumb: ${(e as Error)?.stack ?? String(e)}`);
      process.exitCode = 2;
    },
  );
}
