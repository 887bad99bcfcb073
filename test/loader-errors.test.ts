/**
 * Every fixture in test/fixtures/hostile-rules has its expected problems stored next to it
 * (`name.json` or `name.yaml`, + `name.expected.json`). The fixtures are loaded together with a valid rule file:
 * the valid file still loads, each broken file is listed in `broken` with exactly its problems.
 */
import * as fs from "fs";
import * as path from "path";
import { loadRuleSet, SourceText } from "../src/rules/loader";
import { ruleSource } from "../src/rules/rule-source";
import { formatProblem } from "../src/model/problems";
import { evaluate } from "../src/engine/evaluate";

const FIXTURES = path.join(__dirname, "fixtures");
const DIR = path.join(FIXTURES, "hostile-rules");

interface Expected {
  description: string;
  loads: boolean;
  problems: Array<{ path: string; message?: string; messageContains?: string; line?: number; column?: number }>;
  evaluate?: {
    ruleFile: string;
    date: string;
    facts: Record<string, unknown>;
    error: { code: string; messageContains: string[] };
  };
}

function fixtureNames(): string[] {
  const out: string[] = [];
  for (const sub of ["", "scenarios"]) {
    for (const f of fs.readdirSync(path.join(DIR, sub)).sort()) {
      if (/\.(json|yaml)$/.test(f) && !f.endsWith(".expected.json"))
        out.push(path.posix.join(sub, f.replace(/\.(json|yaml)$/, "")));
    }
  }
  return out;
}

const rel = (full: string) => path.relative(FIXTURES, full).split(path.sep).join("/");
const fileOf = (name: string) =>
  [`${name}.json`, `${name}.yaml`].map((f) => path.join(DIR, f)).find((f) => fs.existsSync(f))!;
const text = (name: string): SourceText => ruleSource(rel(fileOf(name)), fs.readFileSync(fileOf(name), "utf8"));
const expected = (name: string): Expected =>
  JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), "utf8"));
const mini = (): SourceText => {
  const p = path.join(FIXTURES, "rules-basic/user-fees/mini.json");
  return { path: rel(p), text: fs.readFileSync(p, "utf8") };
};

const names = fixtureNames();
const all = loadRuleSet([mini(), ...names.map(text)]);

it("every fixture has an expected-problems file next to it", () => {
  expect(names.length).toBeGreaterThanOrEqual(20);
  for (const n of names) expect(fs.existsSync(path.join(DIR, `${n}.expected.json`))).toBe(true);
});

it("the valid rule file and the valid scenario still load alongside all the hostile ones", () => {
  expect(all.files.has("mini-egenandel")).toBe(true);
  expect(all.scenarios.has("gyldig")).toBe(true);
  const ok = evaluate(all, "mini-egenandel", { facts: { alder: 17, tjeneste: "legevakt" }, date: "2026-08-01" });
  expect(ok.ok).toBe(true);
});

it("every problem names its file, and every broken file is listed in `broken`, none dropped", () => {
  const brokenPaths = new Set(all.broken.map((b) => b.path));
  for (const p of all.problems) {
    expect(p.file).toMatch(/^hostile-rules\//);
    expect(typeof p.path).toBe("string");
    expect(p.message.length).toBeGreaterThan(5);
    expect(brokenPaths.has(p.file)).toBe(true);
  }
  const accounted = all.files.size + all.scenarios.size + all.broken.length;
  expect(accounted).toBe(names.length + 1);
});

describe.each(names)("%s", (name) => {
  const exp = expected(name);
  const file = text(name).path;
  const check = (set: ReturnType<typeof loadRuleSet>) => {
    const mine = set.problems.filter((p) => p.file === file);
    expect(mine.map((p) => p.path)).toEqual(exp.problems.map((p) => p.path));
    mine.forEach((p, i) => {
      const e = exp.problems[i];
      if (e.message !== undefined) expect(p.message).toBe(e.message);
      if (e.messageContains !== undefined) expect(p.message).toContain(e.messageContains);
      if (e.line !== undefined) expect({ line: p.line, column: p.column }).toEqual({ line: e.line, column: e.column });
    });
    const broken = set.broken.find((b) => b.path === file);
    if (exp.loads) expect(broken).toBeUndefined();
    else expect(broken?.problems).toEqual(mine);
  };
  it(`${exp.description}: problems as stored in ${name}.expected.json (loaded with all fixtures)`, () => check(all));
  it("the same problems when loaded on its own with the valid file", () => {
    const own = [mini(), text(name)];
    if (name.startsWith("scenarios/circular"))
      own.push(text(name.endsWith("-a") ? "scenarios/circular-b" : "scenarios/circular-a"));
    if (name === "duplicate-id-b") own.push(text("duplicate-id-a"));
    check(loadRuleSet(own));
  });
  if (exp.evaluate) {
    it("evaluation gives the expected error", () => {
      const o = evaluate(all, exp.evaluate!.ruleFile, { facts: exp.evaluate!.facts, date: exp.evaluate!.date });
      expect(o.ok).toBe(false);
      if (o.ok) return;
      expect(o.error.code).toBe(exp.evaluate!.error.code);
      for (const s of exp.evaluate!.error.messageContains) expect(o.error.message).toContain(s);
      expect(o.error.message).not.toMatch(/Infinity|NaN/);
    });
  }
});

it("a JSON syntax error is reported with line and column in the formatted problem", () => {
  const p = all.problems.find((x) => x.file.endsWith("/malformed.json"))!;
  expect(formatProblem(p)).toBe(
    "hostile-rules/malformed.json:5:3: ugyldig JSON: Expected ',' or '}' after property value",
  );
});

it("a YAML syntax error is reported with line and column in the formatted problem", () => {
  const p = all.problems.find((x) => x.file.endsWith("/yaml-malformed.yaml"))!;
  expect(formatProblem(p)).toBe(
    "hostile-rules/yaml-malformed.yaml:20:1: ugyldig YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
  );
});

it("a problem found after the schema (an unknown fact) also names its YAML line and column", () => {
  const yaml = fs
    .readFileSync(path.join(DIR, "yaml-valid.yaml"), "utf8")
    .replace("- { fact: alder, operator: lessThan", "- { fact: aldr, operator: lessThan");
  const set = loadRuleSet([ruleSource("hostile-rules/aldr.yaml", yaml)]);
  expect(set.problems.map(formatProblem)).toEqual([
    "hostile-rules/aldr.yaml:66:13 rules[0].conditions.all[0].fact: ukjent faktum eller parameter «aldr»",
  ]);
});

it("a YAML rule file and its JSON twin load to the same content with the same hash", () => {
  const yaml = all.files.get("mini-yaml")!;
  const json = loadRuleSet([
    {
      ...mini(),
      text: mini()
        .text.replace('"mini-egenandel"', '"mini-yaml"')
        .replace('"Egenandel (testfil)"', '"Egenandel (testfil i YAML)"'),
    },
  ]).files.get("mini-yaml")!;
  expect(yaml.file).toEqual(json.file);
  expect(yaml.hash).toBe(json.hash);
});

it("evaluating a broken rule file says why it is broken", () => {
  const o = evaluate(all, "dobbel-nokkel", { facts: {}, date: "2026-08-01" });
  expect(o.ok).toBe(false);
  if (!o.ok) {
    expect(o.error.code).toBe("broken-rule-file");
    expect(o.error.message).toContain("«version» står to ganger");
  }
});

it("a duplicate id reports the first file's path", () => {
  const p = all.problems.find((x) => x.file.endsWith("duplicate-id-b.json"))!;
  expect(p.message).toBe("id «dobbel» er allerede brukt i hostile-rules/duplicate-id-a.json");
  expect(all.files.get("dobbel")!.path).toBe("hostile-rules/duplicate-id-a.json");
});
