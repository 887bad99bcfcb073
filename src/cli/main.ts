/** `budget-rules`: the same core as the add-in, on rule folders and .xlsx/.csv files. */
import { parseArgs, UsageError } from "./args";
import { cmdCheck, cmdEval, cmdList, cmdTest, Io } from "./commands";
import { defaultRulesDir, loadRuleFolder } from "../rules/load-folder";
import * as fs from "fs";
import { testTarget } from "./test-target";
import { cmdFmt, FMT_USAGE } from "./fmt";

const HELP = `budget-rules – regler for helsebudsjettet (Prop. 1 S 2025–2026, HOD)

  budget-rules eval <regel-id> [--date ÅÅÅÅ-MM-DD] [--scenario ID] [--compare ID] [--json] navn=verdi …
  budget-rules list [--json]
  budget-rules test [mappe|regel-id] [--no-reference]
  budget-rules check <arbeidsbok.xlsx|.csv> [--sheet NAVN] [--date D] [--scenario S] [--json] [--out rapport.xlsx] [--allow-broken]
  ${FMT_USAGE}

  Felles: --rules MAPPE (standard: prosjektets rules/)
  Avslutningskoder: 0 ok, 1 funn av typen feil eller feilende tester, 2 ugyldig inndata
  (også en regelfil som ikke lastes; check --allow-broken kjører da resten og sier hvilke som ikke ble kjørt).`;

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    // fmt works on files, not a loaded rule set, and parses its own options (src/cli/fmt.ts).
    if (argv[0] === "fmt") return cmdFmt(argv.slice(1), io);
    const a = parseArgs(argv);
    const [command, ...rest] = a.positionals;
    a.positionals = rest;
    if (!command || a.options.help) {
      io.out(HELP);
      return command || a.options.help ? 0 : 2;
    }
    const folder = typeof a.options.rules === "string" ? a.options.rules : defaultRulesDir();
    if (command === "test") return await cmdTest(testTarget(rest[0], folder), a, io);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
      throw new UsageError(`finner ikke regelmappen ${folder}`);
    const set = loadRuleFolder(folder);
    switch (command) {
      case "eval":
        return cmdEval(set, a, io);
      case "list":
        return cmdList(set, a, io);
      case "check":
        return await cmdCheck(set, a, io);
      default:
        throw new UsageError(`ukjent kommando «${command}» (eval, list, test, check, fmt)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`budget-rules: ${e.message}`);
      return 2;
    }
    io.err(`budget-rules: uventet feil: ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module || process.env.BUDGET_RULES_BIN === "1") {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
  }).then((code) => {
    process.exitCode = code;
  });
}
