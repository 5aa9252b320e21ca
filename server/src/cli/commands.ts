/** The CLI's commands beyond `check`; each lands with its engine part. */
import type { Io } from './io';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}

export const COMMANDS: Command[] = [];
