/** The CLI commands over the core. Each returns an exit code: 0 ok, 1 findings/failed tests, 2 bad input. */
import * as fs from "fs";
import type { RuleSet } from "../engine/rule-set";
import type { Outcome } from "../engine/evaluate";
import { compareResults } from "../engine/compare";
import { traceToText } from "../trace/text";
import { runEmbeddedTests } from "../rules/run-tests";
import { describeRuleFiles } from "../rules/describe";
import { checkBudget } from "../budget/check";
import { readBudgetFile } from "../budget/read-file";
import { formatProblem } from "../model/problems";
import { ParsedArgs, UsageError } from "./args";
import { writeReportXlsx } from "./report-xlsx";
import { formatCheckReport } from "./check-text";
import { todayIso } from "../util/today";
import { embeddedReference } from "../budget/reference-file";
import { checkQuestionDate } from "../engine/facts";
import { commandLineQuestion } from "../questions/questions";
import { tracedAnswer } from "../questions/answer";
import { findScenario } from "../engine/context";
import type { EvalFailure } from "../engine/errors";
import type { TestTarget } from "./test-target";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function dateOption(a: ParsedArgs): string | undefined {
  return typeof a.options.date === "string" ? a.options.date : undefined;
}

function scenarioOption(a: ParsedArgs, name = "scenario"): string | undefined {
  return typeof a.options[name] === "string" ? (a.options[name] as string) : undefined;
}

export function cmdEval(set: RuleSet, a: ParsedArgs, io: Io): number {
  const id = a.positionals[0];
  if (!id)
    throw new UsageError(
      "bruk: budget-rules eval <regel-id> [--date ÅÅÅÅ-MM-DD] [--scenario ID] [--json] navn=verdi …",
    );
  const q = commandLineQuestion(id, a.facts, dateOption(a), scenarioOption(a));
  const date = q.date;
  const compare = scenarioOption(a, "compare");
  const run = (scenario: string | null): Outcome => tracedAnswer(set, { ...q, scenario });
  const main = run(q.scenario);
  if (!main.ok) {
    io.err(`feil: ${main.error.message}`);
    return 2;
  }
  const other = compare ? run(compare) : null;
  if (other && !other.ok) {
    io.err(`feil (scenario ${compare}): ${other.error.message}`);
    return 2;
  }
  if (a.options.json) {
    const body = {
      ruleFile: main.value.ruleFile,
      scenario: main.value.scenario,
      date,
      result: main.value.result,
      trace: main.value.trace,
    };
    io.out(
      JSON.stringify(
        other && other.ok
          ? {
              ...body,
              compare: {
                scenario: compare,
                result: other.value.result,
                difference: compareResults(main.value.result, other.value.result),
                trace: other.value.trace,
              },
            }
          : body,
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(`${id}: ${JSON.stringify(main.value.result)}`);
  if (other && other.ok) {
    io.out(`${id} under ${compare}: ${JSON.stringify(other.value.result)}`);
    for (const [name, d] of Object.entries(compareResults(main.value.result, other.value.result))) {
      if (d.changed)
        io.out(
          `  ${name}: ${JSON.stringify(d.base)} → ${JSON.stringify(d.scenario)}${d.difference !== undefined ? ` (endring ${d.difference})` : ""}`,
        );
    }
  }
  io.out("");
  io.out(traceToText(main.value.trace!));
  return 0;
}

export function cmdList(set: RuleSet, a: ParsedArgs, io: Io): number {
  const described = describeRuleFiles(set);
  if (a.options.json) {
    io.out(JSON.stringify(described, null, 2));
    return 0;
  }
  for (const d of described.ruleFiles) {
    io.out(`${d.id}  v${d.version}  [${d.domain}]  ${d.title}  sha256:${d.hash.slice(0, 12)}`);
    io.out(
      `    fakta: ${d.facts.map((f) => `${f.name}:${f.type}${f.values ? `(${f.values.join("|")})` : ""}${f.optional ? "?" : ""}`).join(", ")}`,
    );
    io.out(`    resultat: ${d.outputs.map((o) => `${o.name}:${o.type}`).join(", ")}`);
  }
  for (const s of described.scenarios)
    io.out(`${s.id}  v${s.version}  [scenario]  ${s.title}  overstyrer ${s.overrides.join(", ")}`);
  for (const b of described.broken)
    io.out(`ØDELAGT ${b.path}: ${b.problems.length} problem(er), f.eks. ${b.problems[0]}`);
  return described.broken.length > 0 ? 1 : 0;
}

export async function cmdTest(target: TestTarget, a: ParsedArgs, io: Io): Promise<number> {
  const { set, includes } = target;
  const results = await runEmbeddedTests(set, { reference: !a.options["no-reference"], only: includes });
  // The file's path, not only its id: a broken file may have no id, or an id another file also uses.
  for (const r of results.filter((x) => !x.passed))
    io.out(`FEIL ${r.file}${r.ruleFile !== r.file ? ` (${r.ruleFile})` : ""} – ${r.name} [${r.engine}]: ${r.message}`);
  if (a.options.json) io.out(JSON.stringify(results, null, 2));
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  const files = [...set.files.values()].filter((f) => includes(f.path)).length;
  io.out(`${files} regelfiler, ${set.scenarios.size} scenarioer`);
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** Options are checked once, at the edge, before anything is read or checked: one line, exit 2. */
function checkedDate(a: ParsedArgs): string {
  try {
    return checkQuestionDate(dateOption(a) ?? todayIso());
  } catch (e) {
    throw new UsageError(`--date: ${(e as EvalFailure).message.replace(/^dato: /, "")}`);
  }
}

function checkedScenario(set: RuleSet, a: ParsedArgs): string | undefined {
  const s = scenarioOption(a);
  try {
    findScenario(set, s);
  } catch (e) {
    const known = [...set.scenarios.keys()].join(", ") || "ingen";
    throw new UsageError(`--scenario: ${(e as EvalFailure).message} (scenarioer: ${known})`);
  }
  return s;
}

/** A rule set that does not load whole is bad input, unless --allow-broken: then the paths that did not run. */
function brokenRuleFiles(set: RuleSet, a: ParsedArgs): string[] {
  if (set.broken.length === 0) return [];
  if (!a.options["allow-broken"]) {
    const what = set.broken.map(
      (b) =>
        `${b.problems[0] ? formatProblem(b.problems[0]) : `${b.path}: ukjent feil`}${b.problems.length > 1 ? ` (+${b.problems.length - 1} til)` : ""}`,
    );
    throw new UsageError(
      `regelsettet lastes ikke helt, ingenting er kontrollert: ${what.join("; ")} (--allow-broken kjører resten)`,
    );
  }
  return set.broken.map((b) => b.path);
}

export async function cmdCheck(set: RuleSet, a: ParsedArgs, io: Io): Promise<number> {
  const file = a.positionals[0];
  if (!file)
    throw new UsageError(
      "bruk: budget-rules check <arbeidsbok.xlsx|.csv> [--sheet NAVN] [--date D] [--scenario S] [--json] [--out rapport.xlsx] [--allow-broken]",
    );
  if (!fs.existsSync(file)) throw new UsageError(`finner ikke filen ${file}`);
  const date = checkedDate(a);
  const scenario = checkedScenario(set, a);
  const notRun = brokenRuleFiles(set, a);
  const started = performance.now();
  const { model, problems, unreadable } = await readBudgetFile(
    file,
    typeof a.options.sheet === "string" ? a.options.sheet : undefined,
  );
  if (unreadable) throw new UsageError(`${file}: ${unreadable}`);
  const report = checkBudget(model, set, { date, scenario, sheetProblems: problems, reference: embeddedReference() });
  const ms = performance.now() - started;
  if (typeof a.options.out === "string") await writeReportXlsx(report, a.options.out);
  if (a.options.json)
    io.out(JSON.stringify({ file, ms: Math.round(ms), ...report, ...(notRun.length ? { notRun } : {}) }, null, 2));
  else io.out(formatCheckReport(file, report, ms, notRun));
  for (const p of set.problems) io.err(`advarsel: regelfil lastes ikke: ${formatProblem(p)}`);
  return report.counts.error > 0 ? 1 : 0;
}
