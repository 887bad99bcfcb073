/**
 * Issue 12.5: a parameter's last value holds only until its `until` (default: the end of the budget year);
 * asking beyond is a refusal naming the parameter and the last year known. A standing rule says
 * `continues`, with a source.
 */
import { loadRuleFolder } from "../src/rules/load-folder";
import { loadRuleSet } from "../src/rules/loader";
import { evaluate } from "../src/engine/evaluate";
import { compileBatch } from "../src/engine/batch";

const set = loadRuleFolder("rules");

test("the RHF allocation key is refused for 2027 and 2030, naming the parameter and 2026", () => {
  expect(evaluate(set, "rhf-fordelingsnokkel", { facts: { rhf: "helse-vest" }, date: "2026-01-01" }).ok).toBe(true);
  for (const date of ["2027-01-01", "2030-06-01"]) {
    const o = evaluate(set, "rhf-fordelingsnokkel", { facts: { rhf: "helse-vest" }, date });
    expect(o.ok).toBe(false);
    if (!o.ok) {
      expect(o.error.code).toBe("no-parameter-value");
      expect(o.error.message).toMatch(/parameteren nokkel_hv er bare kjent til og med 2026/);
    }
    const row = compileBatch(set, "rhf-fordelingsnokkel").evaluateRows([{ rhf: "helse-vest" }], date)[0];
    expect(row).toEqual(o.ok ? expect.anything() : { ok: false, error: o.error });
  }
});

test("Gjør kloke valg amounts are refused for 2027 and 2030", () => {
  expect(evaluate(set, "gjor-kloke-valg", { facts: {}, date: "2026-06-01" }).ok).toBe(true);
  for (const date of ["2027-01-01", "2030-01-01"]) {
    const o = evaluate(set, "gjor-kloke-valg", { facts: {}, date });
    expect(o.ok ? "answered" : o.error.message).toMatch(/parameteren \w+ er bare kjent til og med 2026/);
  }
});

test("the tak is known only for the years the documents give: asked in 2030 it is refused, naming tak", () => {
  const a = evaluate(set, "egenandelstak", { facts: { ar: 2026, betalt: 1000 }, date: "2026-06-01" });
  expect(a.ok).toBe(true);
  const b = evaluate(set, "egenandelstak", { facts: { ar: 2030, betalt: 1000 }, date: "2030-06-01" });
  expect(b.ok).toBe(false);
  expect(JSON.stringify(b)).toMatch(/2026/);
});

const mini = (parameter: Record<string, unknown>) => ({
  path: "rules/grants/mini.json",
  text: JSON.stringify({
    id: "mini",
    title: "Mini",
    domain: "grant",
    version: "1.0.0",
    sources: {
      k: { document: "Prop. 1 S (2025–2026) HOD", section: "2.9", seed: "003_82c1b6682bf832eb.txt", lines: [611, 613] },
    },
    facts: {},
    parameters: {
      sats: { description: "sats", source: "k", values: [{ from: "2026-01-01", value: 2 }], ...parameter },
    },
    rules: [{ name: "r", source: "k", conditions: { all: [] }, event: { type: "t" } }],
    formulas: { verdi: "sats * 3" },
    outputs: { verdi: { type: "decimal", description: "v" } },
    tests: [{ name: "t", date: "2026-01-01", facts: {}, expect: { verdi: "6" }, source: "k" }],
  }),
});

test("`until` in the schema: the last day holds, the next is refused naming the parameter and the year", () => {
  const s = loadRuleSet([mini({ until: "2026-06-30" })]);
  expect(s.problems).toEqual([]);
  expect(evaluate(s, "mini", { facts: {}, date: "2026-06-30" })).toMatchObject({
    ok: true,
    value: { result: { verdi: "6" } },
  });
  expect(evaluate(s, "mini", { facts: {}, date: "2026-07-01" })).toMatchObject({
    ok: false,
    error: {
      code: "no-parameter-value",
      message: expect.stringMatching(/sats er bare kjent til og med 2026 \(siste verdi 2 fra 2026-01-01\)/),
    },
  });
  const open = loadRuleSet([mini({ continues: { source: "k", note: "stående forskrift" } })]);
  expect(evaluate(open, "mini", { facts: {}, date: "2040-01-01" }).ok).toBe(true);
  const dflt = loadRuleSet([mini({})]);
  expect(evaluate(dflt, "mini", { facts: {}, date: "2026-12-31" }).ok).toBe(true);
  expect(evaluate(dflt, "mini", { facts: {}, date: "2027-01-01" }).ok).toBe(false);
});

test("`until` and `continues` are checked when the file loads", () => {
  const problems = (p: Record<string, unknown>) =>
    loadRuleSet([mini(p)]).problems.map((x) => `${x.path}: ${x.message}`);
  expect(problems({ until: "2026-06-30", continues: { source: "k" } })).toEqual([
    expect.stringMatching(/^parameters\.sats\.until: «until» og «continues» kan ikke stå sammen/),
  ]);
  expect(problems({ until: "2025-12-31" })).toEqual([
    expect.stringMatching(/^parameters\.sats\.until: «until» må være på eller etter/),
  ]);
  expect(problems({ continues: { source: "ukjent" } })).toEqual([
    expect.stringMatching(/^parameters\.sats\.continues\.source: ukjent kilde «ukjent»/),
  ]);
  expect(problems({ until: "2026-13-01" })).toEqual([
    expect.stringMatching(/^parameters\.sats\.until: forventet en gyldig dato/),
  ]);
});
