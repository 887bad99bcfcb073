/**
 * The same evaluations in child processes under extreme time zones and other locales give byte-identical
 * JSON: every rule file's embedded tests (compiled path with trace, and json-rules-engine), the fixture,
 * dates and ages around midnight and 29 February, and the sheet reader on date-like cells.
 */
import { spawn } from "child_process";
import * as path from "path";
import * as fs from "fs";
import * as os from "os";
import { readRuleTexts } from "../src/rules/load-folder";

const ROOT = path.join(__dirname, "..");

const SCRIPT = `
const path = require("path");
const root = ${JSON.stringify(ROOT)};
const { loadRuleSet } = require(path.join(root, "src/rules/loader"));
const { evaluate } = require(path.join(root, "src/engine/evaluate"));
const { evaluateReference } = require(path.join(root, "src/engine/reference"));
const { readBudgetTable } = require(path.join(root, "src/budget/reader"));
const { ageOn, excelSerialToIso, isoToExcelSerial, parseUserDate } = require(path.join(root, "src/util/dates"));
const fs = require("fs");
(async () => {
  // One snapshot of the texts, read by the parent, so concurrent edits of rules/ cannot differ between children.
  const texts = JSON.parse(fs.readFileSync(process.env.RULE_TEXTS_FILE, "utf8"));
  const set = loadRuleSet(texts);
  const out = { files: [...set.files.keys()].sort(), problems: set.problems, results: [] };
  for (const id of out.files) {
    const loaded = set.files.get(id);
    for (const t of loaded.file.tests) {
      const q = { facts: t.facts, date: t.date || "2026-01-01", scenario: t.scenario };
      const a = evaluate(set, id, q, { trace: true });
      const b = await evaluateReference(set, id, q);
      out.results.push({ id, test: t.name, compiled: a, reference: b.ok ? b.value.result : b.error });
    }
  }
  for (const date of ["2026-07-31", "2026-08-01", "31.07.2026", "01.08.2026", "2026-02-28", "2028-02-29"]) {
    out.results.push({ mini: date, r: evaluate(set, "mini-egenandel", { facts: { fodselsdato: "2010-08-01", tjeneste: "legevakt" }, date }, { trace: true }) });
  }
  out.dates = {
    age: [ageOn("2008-02-29", "2026-02-28"), ageOn("2008-02-29", "2026-03-01"), ageOn("2010-08-01", "2026-08-01")],
    serial: [excelSerialToIso(46235), excelSerialToIso(46235.99), isoToExcelSerial("2026-08-01"), excelSerialToIso(61), excelSerialToIso(59)],
    parsed: ["01.09.2026", "1.9.2026", "31.13.2026", "2026-02-30"].map(parseUserDate),
    dateCell: readBudgetTable([["Kap.", "Post", "Betegnelse", "Regnskap 2024", "Saldert budsjett 2025", "Forslag 2026"], [732, 70, new Date(Date.UTC(2026, 7, 1)), 1, "1 438,1", new Date(Date.UTC(2026, 0, 1))]]),
    numberText: [(1234567.891).toLocaleString === undefined, String(0.1 + 0.2)],
  };
  process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), body: JSON.stringify(out) }));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

const TEXTS_FILE = path.join(os.tmpdir(), `budget-rules-determinism-${process.pid}.json`);
beforeAll(() => {
  const texts = fs.existsSync(path.join(ROOT, "rules")) ? readRuleTexts(path.join(ROOT, "rules")) : [];
  texts.push({
    path: "fixtures/mini.json",
    text: fs.readFileSync(path.join(ROOT, "test/fixtures/rules-basic/user-fees/mini.json"), "utf8"),
  });
  fs.writeFileSync(TEXTS_FILE, JSON.stringify(texts));
});
afterAll(() => fs.rmSync(TEXTS_FILE, { force: true }));

function run(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", SCRIPT], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"),
        RULE_TEXTS_FILE: TEXTS_FILE,
        ...env,
      },
    });
    let out = "";
    let err = "";
    // decode as a stream: a UTF-8 character split across two chunks must not become two U+FFFD
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

const ENVS: Array<Record<string, string>> = [
  { TZ: "Pacific/Kiritimati", LANG: "nb_NO.UTF-8", LC_ALL: "nb_NO.UTF-8" },
  { TZ: "America/Adak", LANG: "C", LC_ALL: "C" },
  { TZ: "Asia/Kathmandu", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
];

it("identical JSON output under TZ=Pacific/Kiritimati, America/Adak and Asia/Kathmandu with different locales", async () => {
  expect(fs.existsSync(path.join(ROOT, "test/fixtures/rules-basic/user-fees/mini.json"))).toBe(true);
  const raw = (await Promise.all(ENVS.map(run))).map((o) => JSON.parse(o));
  // the environments really differ (Kiritimati is UTC+14, Adak UTC−10 in January, Kathmandu UTC+5:45)
  expect(raw.map((r) => r.tz)).toEqual([
    "Pacific/Kiritimati",
    "America/Adak",
    expect.stringMatching(/^Asia\/Kathmandu$|^Asia\/Katmandu$/),
  ]);
  expect(raw.map((r) => r.offset)).toEqual([-840, 600, -345]);
  const outputs: string[] = raw.map((r) => r.body);
  const parsed = JSON.parse(outputs[0]);
  expect(parsed.results.length).toBeGreaterThan(6);
  expect(parsed.dates.age).toEqual([17, 18, 16]);
  expect(parsed.dates.serial[0]).toBe("2026-08-01");
  expect(parsed.dates.parsed).toEqual(["2026-09-01", "2026-09-01", null, null]);
  for (const other of outputs.slice(1)) {
    let i = 0;
    while (i < other.length && other[i] === outputs[0][i]) i++;
    // on a difference, show where: the text around the first differing character
    expect(other.slice(Math.max(0, i - 300), i + 200)).toBe(outputs[0].slice(Math.max(0, i - 300), i + 200));
    expect(other.length).toBe(outputs[0].length);
  }
});
