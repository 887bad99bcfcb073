/** Minimal argument parsing: --flag, --key value, key=value facts, positionals. Bad input → UsageError. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
  facts: Record<string, string>;
}

const VALUE_OPTIONS = new Set(["date", "scenario", "sheet", "out", "rules", "compare"]);
const FLAG_OPTIONS = new Set(["json", "help", "trace", "no-reference", "allow-broken"]);

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: {}, facts: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (VALUE_OPTIONS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} trenger en verdi`);
        out.options[name] = value;
      } else if (FLAG_OPTIONS.has(name)) out.options[name] = true;
      else throw new UsageError(`ukjent valg --${name}`);
    } else if (/^[a-zA-Z_][a-zA-Z0-9_]*=/.test(a)) {
      const eq = a.indexOf("=");
      out.facts[a.slice(0, eq)] = a.slice(eq + 1);
    } else out.positionals.push(a);
  }
  return out;
}
