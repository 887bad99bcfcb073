/** The CLI as a user runs it: commands, JSON shape, exit codes, messages for bad input. */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("eval egenandel answers with a trace naming a seed line (issue example)", async () => {
  const r = await run(["eval", "egenandel", "--date", "2026-08-01", "alder=17", "tjeneste=legevakt", "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const body = JSON.parse(r.out);
  expect(body.ruleFile.id).toBe("egenandel");
  expect(body.result.betaler).toBe(false);
  expect(typeof body.result.grunn).toBe("string");
  const seeds = body.trace.sources.map((s: { seed: string; lines: number[] }) => `${s.seed}:${s.lines[0]}`);
  expect(seeds.some((s: string) => s.startsWith("003_82c1b6682bf832eb.txt:"))).toBe(true);
});

test("the day before the change a 17-year-old pays at legevakt", async () => {
  const r = await run(["eval", "egenandel", "--date", "2026-07-31", "alder=17", "tjeneste=legevakt", "--json"]);
  expect(JSON.parse(r.out).result.betaler).toBe(true);
});

test("--compare shows both answers, both traces and the exact difference (tak 3 406 vs 3 278: 128 kr, Prop. 1 S L2014–2018)", async () => {
  const r = await run([
    "eval",
    "egenandelstak",
    "ar=2026",
    "betalt=1000",
    "--compare",
    "legeforeningen-2026",
    "--json",
  ]);
  expect(r.code).toBe(0);
  const body = JSON.parse(r.out);
  expect(body.result.tak).toBe("3406");
  expect(body.compare.result.tak).toBe("3278");
  expect(body.compare.difference.tak).toEqual({ base: "3406", scenario: "3278", difference: "-128", changed: true });
  expect(body.compare.difference.frikort.changed).toBe(false);
  expect(body.compare.trace.scenario.id).toBe("legeforeningen-2026");
  expect(body.trace.scenario).toBeNull();
  const young = await run([
    "eval",
    "egenandel",
    "--date",
    "2026-08-01",
    "alder=19",
    "tjeneste=fastlege",
    "--compare",
    "legeforeningen-2026",
    "--json",
  ]);
  const y = JSON.parse(young.out);
  expect([y.result.betaler, y.compare.result.betaler]).toEqual([true, false]);
});

test("without --date a question about a year is asked on 1 January of it, as the custom functions ask it", async () => {
  const tak = await run(["eval", "egenandelstak", "ar=2026", "betalt=1000", "--json"]);
  expect(tak.code).toBe(0);
  expect(JSON.parse(tak.out).date).toBe("2026-01-01");
  const deflator = await run(["eval", "deflator", "belop=20161", "fra=2025", "til=2026", "serie=sykehus", "--json"]);
  expect(deflator.code).toBe(0);
  expect(JSON.parse(deflator.out).date).toBe("2026-01-01");
  const given = await run(["eval", "egenandelstak", "--date", "2026-06-01", "ar=2026", "betalt=1000", "--json"]);
  expect(JSON.parse(given.out).date).toBe("2026-06-01");
});

test("text output shows the parameter date and the source", async () => {
  const r = await run(["eval", "egenandel", "--date", "2026-08-01", "alder=17", "tjeneste=legevakt"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/gjelder fra 2026-08-01/);
  expect(r.out).toMatch(/003_82c1b6682bf832eb\.txt linje \d+/);
});

test("bad input exits 2 with a one-line message naming what was wrong", async () => {
  const bad = await run(["eval", "egenandel", "--date", "2026-08-01", "alder=x", "tjeneste=legevakt"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/alder: forventet et heltall, fikk «x»/);
  expect(bad.err.split("\n")).toHaveLength(1);
  const date = await run(["eval", "egenandel", "--date", "31.13.2026", "alder=17", "tjeneste=legevakt"]);
  expect(date.code).toBe(2);
  expect(date.err).toMatch(/dato/);
  const unknown = await run(["eval", "egenandell", "alder=17"]);
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/mente du «egenandel»/);
  const option = await run(["eval", "egenandel", "--bogus"]);
  expect(option.code).toBe(2);
});

test("list --json names facts with types and allowed values, outputs and hashes", async () => {
  const r = await run(["list", "--json"]);
  const body = JSON.parse(r.out);
  const egenandel = body.ruleFiles.find((f: { id: string }) => f.id === "egenandel");
  expect(egenandel.hash).toMatch(/^[0-9a-f]{64}$/);
  const tjeneste = egenandel.facts.find((f: { name: string }) => f.name === "tjeneste");
  expect(tjeneste.values).toEqual(expect.arrayContaining(["fastlege", "legevakt"]));
  expect(egenandel.outputs.map((o: { name: string }) => o.name)).toEqual(["betaler", "grunn"]);
  expect(body.scenarios.map((s: { id: string }) => s.id)).toContain("legeforeningen-2026");
});

test("test prints the runner's closing line and exits 0", async () => {
  const r = await run(["test", "rules"]);
  expect(r.out).toMatch(/^\d+ passed, 0 failed$/m);
  expect(r.code).toBe(0);
});

test("check of the real workbook reports no errors", async () => {
  const r = await run(["check", "sheets/hod-2026.xlsx", "--date", "2026-01-01", "--json"]);
  const body = JSON.parse(r.out);
  expect(body.counts.error).toBe(0);
  expect(body.ruleFiles.length).toBeGreaterThan(0);
  expect(r.code).toBe(0);
});

test("check --out writes the findings and the rule files used as a workbook, one row each under a bold header", async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-")), "rapport.xlsx");
  const json = JSON.parse((await run(["check", "sheets/hod-2026.xlsx", "--date", "2026-01-01", "--json"])).out);
  const r = await run(["check", "sheets/hod-2026.xlsx", "--date", "2026-01-01", "--out", out]);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Funn", "Regelfiler", "Kjøring"]);
  const funn = wb.getWorksheet("Funn")!;
  expect(funn.getRow(1).values).toEqual([
    undefined,
    "Alvorlighet",
    "Ark",
    "Celle",
    "Kap.",
    "Post",
    "Melding",
    "Regelfil",
    "Versjon",
    "Regel",
    "SHA-256",
  ]);
  expect(funn.getRow(1).font?.bold).toBe(true);
  expect(funn.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(funn.rowCount).toBe(1 + json.findings.length);
  expect(funn.getRow(2).getCell(6).value).toBe(json.findings[0].message);
  const files = wb.getWorksheet("Regelfiler")!;
  expect(files.rowCount).toBe(1 + json.ruleFiles.length);
  expect(files.getRow(2).getCell(6).value).toBe(json.ruleFiles[0].hash);
  expect(wb.getWorksheet("Kjøring")!.getRow(2).values).toEqual([undefined, "Dato", "2026-01-01"]);
});

test("npx budget-rules runs the compiled CLI from the repo (bin script, build/cli.js, no ts-node)", () => {
  const bin = path.join(__dirname, "..", "bin", "budget-rules.js");
  // jest's globalSetup built build/cli.js: the bin must run it as it is, neither rebuilding nor compiling TypeScript.
  const recorder = path.join(__dirname, "helpers", "record-requires.js");
  const run = spawnSync(
    process.execPath,
    ["-r", recorder, bin, "eval", "egenandel", "--date", "2026-08-01", "alder=17", "tjeneste=legevakt", "--json"],
    { encoding: "utf8", cwd: os.tmpdir() },
  );
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout).result.betaler).toBe(false);
  const required: string[] = JSON.parse(/REQUIRED (.*)/.exec(run.stderr)![1]);
  expect(required.some((r) => r.endsWith(path.join("build", "cli.js")) || r === "esbuild")).toBe(false); // loaded from the code cache path, not rebuilt
  expect(required.filter((r) => /ts-node|typescript/.test(r))).toEqual([]);
  expect(run.stderr).not.toMatch(/bygger build/);
  // From another folder the rule files and the bundled Prop. 1 S reference (sheets/) are still found.
  const check = spawnSync(
    process.execPath,
    [bin, "check", path.join(__dirname, "..", "sheets", "hod-2026.xlsx"), "--date", "2026-01-01", "--json"],
    { encoding: "utf8", cwd: os.tmpdir() },
  );
  expect(check.status).toBe(0);
  expect(JSON.parse(check.stdout).counts.error).toBe(0);
  const bad = spawnSync(process.execPath, [bin, "eval", "egenandel", "alder=x"], { encoding: "utf8" });
  expect(bad.status).toBe(2);
  expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
});
