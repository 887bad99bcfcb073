/**
 * Issue 12.2, 12.3 and 16.3: bad input to the CLI is caught once, at the edge: exit 2 and one Norwegian
 * line naming what was wrong, before anything is checked. A rule set that does not load whole is bad input.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { parse as parseYaml } from "yaml";
import { ruleFileName } from "./helpers/rule-file";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const XLSX = "sheets/hod-2026.xlsx";
const VICTIM = ruleFileName("budget-posts", "postkontroll");
const VICTIM_RE = VICTIM.replace(/[./]/g, "\\$&");
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cli-bad-input-"));
  fs.cpSync("rules", path.join(tmp, "rules"), { recursive: true });
  const victim = path.join(tmp, "rules", VICTIM);
  fs.writeFileSync(victim, fs.readFileSync(victim, "utf8").slice(0, 2000)); // truncated, as in the issue
  fs.writeFileSync(path.join(tmp, "notat.xlsx"), "Dette er en tekstfil, ikke en arbeidsbok.\n");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function oneLine(r: { code: number; out: string; err: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.split("\n")).toHaveLength(1);
  expect(r.err).toMatch(pattern);
}

test("check with a truncated rule file: exit 2 naming the file's path and the problem, nothing checked", async () => {
  const r = await run(["check", XLSX, "--rules", path.join(tmp, "rules")]);
  oneLine(r, new RegExp(`regelsettet lastes ikke helt.*rules/${VICTIM_RE}(:\\d+:\\d+)?: `));
});

test("--allow-broken keeps running; the summary line names the rule file that did not run", async () => {
  const r = await run(["check", XLSX, "--rules", path.join(tmp, "rules"), "--allow-broken"]);
  expect(r.code).toBe(0);
  const summary = r.out.split("\n").pop()!;
  expect(summary).toMatch(new RegExp(`^0 feil, .* IKKE KJØRT \\(lastes ikke\\): rules/${VICTIM_RE}$`));
  expect(r.out).not.toMatch(/postkontroll v/);
  const json = JSON.parse(
    (await run(["check", XLSX, "--rules", path.join(tmp, "rules"), "--allow-broken", "--json"])).out,
  );
  expect(json.notRun).toEqual([`rules/${VICTIM}`]);
});

test("check --date 2026-13-45: one line, exit 2 (not one error per row)", async () => {
  oneLine(
    await run(["check", XLSX, "--date", "2026-13-45"]),
    /^budget-rules: --date: forventet en dato på formen ÅÅÅÅ-MM-DD, fikk «2026-13-45»$/,
  );
});

test("check --scenario nope: one line naming the known scenarios, exit 2", async () => {
  oneLine(
    await run(["check", XLSX, "--scenario", "nope"]),
    /^budget-rules: --scenario: ukjent scenario «nope».*legeforeningen-2026/,
  );
});

test("check on a text file renamed .xlsx: one Norwegian line, no zip library text, exit 2", async () => {
  const r = await run(["check", path.join(tmp, "notat.xlsx")]);
  oneLine(r, /notat\.xlsx: filen er ikke en Excel-arbeidsbok \(\.xlsx\) som kan åpnes/);
  expect(r.err).not.toMatch(/zip|central directory|End of data/i);
});

test("check --sheet with a sheet the workbook lacks: names it and the sheets there are, exit 2", async () => {
  const r = await run(["check", XLSX, "--sheet", "Finnes ikke"]);
  oneLine(r, /arbeidsboken har ikke arket «Finnes ikke»; arkene er: HOD 2026$/);
  expect(r.err).not.toMatch(/Ark1/);
});

test("test <subfolder> loads the scenarios its rule files' tests use", async () => {
  const r = await run(["test", "rules/user-fees", "--no-reference"]);
  expect(r.out).not.toMatch(/FEIL/);
  expect(r.out).toMatch(/^5 regelfiler, 2 scenarioer$/m);
  expect(r.code).toBe(0);
});

test("test <rule-id> runs that rule file's tests, as eval takes a rule id; a typo gets a suggestion", async () => {
  const r = await run(["test", "egenandelstak", "--no-reference"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^1 regelfiler/m);
  const n = (
    parseYaml(fs.readFileSync(`rules/${ruleFileName("user-fees", "egenandelstak")}`, "utf8")) as { tests: unknown[] }
  ).tests.length;
  expect(r.out).toMatch(new RegExp(`^${n} passed, 0 failed$`, "m"));
  oneLine(await run(["test", "egenandl"]), /«egenandl».*mente du «egenandel»/);
});

test("test names a broken file by its path", async () => {
  const r = await run(["test", path.join(tmp, "rules/budget-posts"), "--no-reference"]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(new RegExp(`^FEIL rules/${VICTIM_RE} `, "m"));
});
