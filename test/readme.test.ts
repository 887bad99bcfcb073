/** The README stays true: its CLI commands run, its check summary is today's, its function examples give what it says. */
import * as fs from "fs";
import * as path from "path";
import { main } from "../src/cli/main";
import { loadRuleFolder } from "../src/rules/load-folder";
import { field } from "../src/questions/output";
import { parseBudsjettCall, traceFunctionCall } from "../taskpane/core";

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return { code, out: out.join("\n") };
}

const commands = README.split("\n")
  .map((l) => l.replace(/#.*$/, "").trim())
  .filter((l) => l.startsWith("npx budget-rules ") && !/[<[]/.test(l));

test("the README names CLI commands", () => expect(commands.length).toBeGreaterThanOrEqual(5));

test.each(commands)("%s", async (line) => {
  const r = await run(line.replace(/^npx budget-rules /, "").split(/\s+/));
  expect(r.code).toBe(0);
});

test("the check summary in the README is what the check reports today", async () => {
  const shown = /^(\d+ feil, \d+ advarsler, \d+ info) – /m.exec(README)![1];
  const r = await run(["check", "sheets/hod-2026.xlsx", "--date", "2026-01-01"]);
  expect(r.out).toContain(shown);
});

const set = loadRuleFolder("rules");
const examples = [...README.matchAll(/^\| `[A-Z.]+\(.*?\| `(=BUDSJETT\.[^`]+)` \| `([^`]+)`/gm)].map((m) => ({
  formula: m[1],
  gives: m[2],
}));

test("the README's function table has literal examples", () => expect(examples.length).toBeGreaterThanOrEqual(6));

test.each(examples)("$formula gives $gives", ({ formula, gives }) => {
  const call = parseBudsjettCall(formula)!;
  const traced = traceFunctionCall(set, call);
  if ("error" in traced) throw new Error(traced.error);
  if (!traced.outcome.ok) throw new Error(traced.outcome.error.message);
  const outputs = Object.keys(set.files.get(traced.ruleId)!.file.outputs);
  const wanted =
    (
      {
        "EGENANDEL.GRUNN": "grunn",
        "EGENANDELSTAK.GJENSTAR": "gjenstar",
        DEFLATER: "belop",
        POSTGRUPPE: "gruppe",
      } as Record<string, string>
    )[call.name] ?? (typeof call.args[4] === "string" ? call.args[4] : outputs[0]);
  const value = field(set.files.get(traced.ruleId)!, traced.outcome.value.result, wanted);
  const expected =
    gives === "USANN"
      ? false
      : gives === "SANN"
        ? true
        : /^-?\d+(,\d+)?$/.test(gives)
          ? Number(gives.replace(",", "."))
          : gives;
  expect(value).toEqual(expected);
});
