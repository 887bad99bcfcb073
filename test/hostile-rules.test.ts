/** Generated hostile inputs (too big or too deep to commit) and formulas that try to exhaust or escape. */
import * as fs from "fs";
import * as path from "path";
import { loadRuleSet } from "../src/rules/loader";
import { ruleSource } from "../src/rules/rule-source";
import { evaluate } from "../src/engine/evaluate";

const MINI = fs.readFileSync(path.join(__dirname, "fixtures/rules-basic/user-fees/mini.json"), "utf8");
const valid = { path: "rules/user-fees/mini.json", text: MINI };
const withFile = (name: string, text: string) => loadRuleSet([valid, { path: `rules/user-fees/${name}.json`, text }]);
const base = () => ({ ...JSON.parse(MINI), id: "fiendtlig" });

function expectBroken(set: ReturnType<typeof loadRuleSet>, name: string) {
  expect(set.files.has("mini-egenandel")).toBe(true);
  const b = set.broken.find((x) => x.path === `rules/user-fees/${name}.json`);
  expect(b).toBeDefined();
  return b!.problems;
}

it("10 000 levels of nested conditions: rejected without a stack overflow", () => {
  const x = base();
  let c = '{"fact":"alder","operator":"lessThan","value":3}';
  for (let i = 0; i < 10000; i++) c = `{"not":${c}}`;
  const text = JSON.stringify({ ...x, rules: "__R__" }).replace(
    '"__R__"',
    `[{"name":"dyp","source":"prop-2.9","event":{"type":"x","params":{"betaler":true,"grunn":"x"}},"conditions":{"all":[${c}]}}]`,
  );
  const problems = expectBroken(withFile("dyp", text), "dyp");
  expect(problems).toEqual([
    { file: "rules/user-fees/dyp.json", path: "", message: "strukturen er nøstet for dypt (mer enn 64 nivåer)" },
  ]);
});

it("100 000 nested arrays: rejected without a stack overflow", () => {
  const text = "[".repeat(100000) + "]".repeat(100000);
  const problems = expectBroken(withFile("lister", text), "lister");
  expect(problems[0].message).toBe("strukturen er nøstet for dypt (mer enn 64 nivåer)");
});

it("a 50 MB file is rejected before parsing, with a size message", () => {
  const x = base();
  x.description = "x".repeat(50 * 1024 * 1024);
  const text = JSON.stringify(x);
  const parse = jest.spyOn(JSON, "parse");
  const problems = expectBroken(withFile("stor", text), "stor");
  const calls = parse.mock.calls.filter((c) => typeof c[0] === "string" && (c[0] as string).length > 1e6).length;
  parse.mockRestore();
  expect(calls).toBe(0);
  expect(problems).toEqual([
    {
      file: "rules/user-fees/stor.json",
      path: "",
      message: "filen er for stor (50.0 MB; en regelfil kan være høyst 2 MB)",
    },
  ]);
});

describe("formulas that try to exhaust time or memory are refused", () => {
  const cases: Array<[string, string]> = [
    ["10^10^10", "potens: eksponenten skal være et helt tall fra -100 til 100"],
    ["pow(10, 1000000)", "potens: eksponenten skal være et helt tall fra -100 til 100"],
    ["tak ^ alder", "potens: eksponenten skal være et helt tall fra -100 til 100"],
    ["1e400 * tak", "tallet 1e+400 er utenfor det tillatte området"],
    ["round(tak, 1e9)", "round(): antall desimaler skal være et tall fra 0 til 12"],
    ["(".repeat(990) + "1" + ")".repeat(990), "formelen er nøstet for dypt (990 parentesnivåer, maks 64)"],
    ["-".repeat(1990) + "1", "formelen er nøstet for dypt"],
    ["1+".repeat(1000) + "1", "formelen er for lang"],
  ];
  it.each(cases.map(([e, m]) => [e.length > 40 ? `${e.slice(0, 20)}… (${e.length} tegn)` : e, e, m]))(
    "%s",
    (_label, expr, message) => {
      const x = base();
      x.formulas = { rest: expr };
      delete x.outputs.faktor;
      const problems = expectBroken(withFile("tung", JSON.stringify(x)), "tung");
      expect(problems).toHaveLength(1);
      expect(problems[0].path).toBe("formulas.rest");
      expect(problems[0].message).toContain(message);
    },
  );
  it("a result too large to write out is an evaluation error, not a crash", () => {
    const x = base();
    x.formulas = { rest: "1e90 * 1e90 * tak" };
    delete x.outputs.faktor;
    const set = withFile("stor-verdi", JSON.stringify(x));
    const o = evaluate(set, "fiendtlig", { facts: { alder: 40, tjeneste: "psykolog" }, date: "2026-08-01" });
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.error.message).toContain("utenfor det tillatte tallområdet");
  });
  it("an amount fact with thousands of digits is refused", () => {
    const x = base();
    x.id = "lang";
    x.facts.belop = { type: "decimal", description: "b", optional: true };
    const set = withFile("lang", JSON.stringify(x));
    const o = evaluate(set, "lang", {
      facts: { alder: 40, tjeneste: "psykolog", belop: "9".repeat(5000) },
      date: "2026-08-01",
    });
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.error.field).toBe("belop");
  });
});

it("loading hostile files does not pollute Object.prototype", () => {
  const x = base();
  const text = JSON.stringify(x).replace(
    '"facts":{',
    '"facts":{"__proto__":{"polluted":true,"type":"integer","description":"p"},',
  );
  const set = withFile("proto", text);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).type).toBeUndefined();
  expect(expectBroken(set, "proto").map((p) => p.path)).toEqual(["facts.__proto__"]);
});

it("every bad formula in a file is reported at once, each at its own path", () => {
  const x = base();
  x.formulas = { rest: "import(1)", faktor: "tak.constructor" };
  x.rules[0].formulas = { rest: "ukjent + 1" };
  const problems = expectBroken(withFile("mange", JSON.stringify(x)), "mange");
  expect(problems.map((p) => p.path).sort()).toEqual(["formulas.faktor", "formulas.rest", "rules[0].formulas.rest"]);
});

it("a formula cannot see JavaScript globals or the scope's prototype", () => {
  for (const expr of ["process", "globalThis", "constructor", "toString", "__proto__", "this"]) {
    const x = base();
    x.formulas = { rest: expr };
    delete x.outputs.faktor;
    const problems = expectBroken(withFile("glob", JSON.stringify(x)), "glob");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(/ukjent navn|ikke tillatt/);
  }
});

it("a nearly-2 MB file with many rules loads without problems", () => {
  const x = base();
  x.hitPolicy = "first";
  x.rules = Array.from({ length: 3000 }, (_, i) => ({
    name: `r${i}`,
    source: "prop-2.9",
    conditions: { all: [{ fact: "alder", operator: "equal", value: i }] },
    event: { type: "t", params: { betaler: true, grunn: "g" } },
  }));
  const text = JSON.stringify(x);
  expect(text.length).toBeLessThan(2 * 1024 * 1024);
  const set = loadRuleSet([{ path: "rules/user-fees/mange.json", text }]);
  expect(set.problems).toEqual([]);
});

describe("hostile YAML rule files", () => {
  const withYaml = (name: string, text: string) =>
    loadRuleSet([valid, ruleSource(`rules/user-fees/${name}.yaml`, text)]);
  const brokenYaml = (set: ReturnType<typeof loadRuleSet>, name: string) => {
    expect(set.files.has("mini-egenandel")).toBe(true);
    const b = set.broken.find((x) => x.path === `rules/user-fees/${name}.yaml`);
    expect(b).toBeDefined();
    return b!.problems;
  };

  it("«billion laughs» (nine levels of aliases, 10⁹ strings if expanded): refused at the first anchor, nothing expanded", () => {
    const lines = ['a0: &a0 "lol"'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    const problems = brokenYaml(withYaml("latter", `id: latter\n${lines.join("\n")}\n`), "latter");
    expect(problems).toEqual([
      {
        file: "rules/user-fees/latter.yaml",
        path: "",
        message: "YAML-anker (&a0) er ikke tillatt i regelfiler",
        line: 2,
        column: 5,
      },
    ]);
  });

  it("a merge key (<<: *base) is an alias too: refused", () => {
    const problems = brokenYaml(
      withYaml("flett", "id: flett\nfacts:\n  alder: {type: integer, description: a}\n  annen:\n    <<: *x\n"),
      "flett",
    );
    expect(problems[0].message).toBe("YAML-alias (*x) er ikke tillatt i regelfiler: skriv verdien ut");
  });

  it("a custom tag (!js/function) is refused", () => {
    const problems = brokenYaml(withYaml("tagg", "id: tagg\ntitle: !js/function 'function () { return 1 }'\n"), "tagg");
    expect(problems[0].message).toContain("ugyldig YAML: Unresolved tag: !js/function");
    expect({ line: problems[0].line, column: problems[0].column }).toEqual({ line: 2, column: 8 });
  });

  it("a 50 MB YAML file is rejected before parsing, with the same size message", () => {
    const problems = brokenYaml(withYaml("stor", `id: stor\ndescription: ${"x".repeat(50 * 1024 * 1024)}\n`), "stor");
    expect(problems).toEqual([
      {
        file: "rules/user-fees/stor.yaml",
        path: "",
        message: "filen er for stor (50.0 MB; en regelfil kan være høyst 2 MB)",
      },
    ]);
  });

  it("100 000 nested flow lists and 1 000 nested mappings: rejected without a stack overflow", () => {
    const flow = brokenYaml(withYaml("lister", "[".repeat(100000) + "]".repeat(100000)), "lister");
    expect(flow[0].message).toBe("strukturen er nøstet for dypt (mer enn 64 nivåer)");
    let block = "";
    for (let i = 0; i < 1000; i++) block += `${" ".repeat(i)}a:\n`;
    const deep = brokenYaml(withYaml("dyp", block), "dyp");
    expect(deep[0].message).toBe("strukturen er nøstet for dypt (mer enn 64 nivåer)");
  });

  it("a __proto__ key in YAML is reported and does not pollute Object.prototype", () => {
    const yaml = `${JSON.stringify({ ...base(), id: "proto-yaml" }).replace('"facts":{', '"facts":{"__proto__":{"polluted":true,"type":"integer","description":"p"},')}`;
    const set = withYaml("proto", yaml);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(brokenYaml(set, "proto").map((p) => p.path)).toEqual(["facts.__proto__"]);
  });
});
