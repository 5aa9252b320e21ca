/** A small argument parser: `--name value`, `--name=value`, boolean flags and positionals. */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

export function parseArgs(args: string[], valued: string[], booleans: string[] = []): ParsedArgs | string {
  const out: ParsedArgs = { positionals: [], options: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (booleans.includes(name)) {
      out.flags.add(name);
    } else if (valued.includes(name)) {
      const v = eq < 0 ? args[++i] : a.slice(eq + 1);
      if (v === undefined) return `--${name} needs a value`;
      out.options[name] = v;
    } else {
      return `unknown option --${name}`;
    }
  }
  return out;
}
