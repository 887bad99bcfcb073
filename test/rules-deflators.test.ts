/**
 * Deflator rule files (rules/deflators) and the re-pricing module: the Saldert 2025 column of the budget
 * workbook, re-priced through the `deflator` rule file, reproduces Forslag 2026 for the posts the document
 * (and the tables) show as only price-adjusted. Which posts those are is data in
 * rules/deflators/prisjusterte-poster.json, not in this test.
 */
import * as fs from "fs";
import * as path from "path";
import { loadRuleFolder, readRuleTexts } from "../src/rules/load-folder";
import { loadRuleSet } from "../src/rules/loader";
import { evaluate } from "../src/engine/evaluate";
import { runEmbeddedTests } from "../src/rules/run-tests";
import { repriceColumn, roundToWhole } from "./helpers/repricing";
import { parseCsv } from "../src/budget/csv";
import type { RuleSet } from "../src/engine/rule-set";

const ROOT = path.resolve(__dirname, "..");
const RULES = path.join(ROOT, "rules");
const CSV = path.join(ROOT, "sheets", "hod-2026.csv");
const MY_FILES = ["deflator", "sykehusdeflator-vekting", "prisjusterte-poster"];

interface Row {
  key: string;
  kap: string;
  post: string;
  saldert: number | null;
  forslag: number | null;
  amount: number | null;
}

function readRows(): Row[] {
  const [header, ...body] = parseCsv(fs.readFileSync(CSV, "utf8")).filter((r) => r.length > 1);
  const col = (name: string) => header.indexOf(name);
  const num = (t: string) => (t === undefined || t.trim() === "" ? null : Number(t));
  return body.map((r) => {
    const kap = r[col("kap")],
      post = r[col("post")].padStart(2, "0");
    const saldert = num(r[col("saldert_2025")]);
    return { key: `${kap}/${post}`, kap, post, saldert, forslag: num(r[col("forslag_2026")]), amount: saldert };
  });
}

let set: RuleSet;
beforeAll(() => {
  set = loadRuleFolder(RULES);
});

function ok<T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
}
const result = (id: string, facts: Record<string, unknown>, date = "2026-01-01", scenario?: string) =>
  ok(evaluate(set, id, { facts, date, scenario })).result as Record<string, unknown>;

describe("deflator rule files load and pass their embedded tests", () => {
  it.each(MY_FILES)("%s loads without problems", (id) => {
    expect(set.broken.filter((b) => b.id === id || b.path.includes(`deflators/${id}`))).toEqual([]);
    expect(set.files.has(id)).toBe(true);
  });
  it("embedded tests pass on both engines", async () => {
    const results = (await runEmbeddedTests(set)).filter((r) => MY_FILES.includes(r.ruleFile));
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });
});

describe("deflator", () => {
  it("732/21 and 732/71 re-price with 3,2 % to the printed figures (L10303, L10307)", () => {
    expect(result("deflator", { belop: 20161, fra: 2025, til: 2026, serie: "sykehus" })).toEqual({
      belop: "20806.152",
    });
    expect(roundToWhole("20806.152")).toBe(20806);
    expect(result("deflator", { belop: 671631, fra: 2025, til: 2026, serie: "sykehus" })).toEqual({
      belop: "693123.192",
    });
    expect(roundToWhole("693123.192")).toBe(693123);
  });

  it("years without a documented rate are errors, never guesses", () => {
    for (const [fra, til] of [
      [2024, 2026],
      [2026, 2027],
      [2023, 2024],
    ]) {
      const o = evaluate(set, "deflator", { facts: { belop: 100, fra, til, serie: "sykehus" }, date: "2026-01-01" });
      expect(o.ok).toBe(false);
    }
  });

  it("going back and forth is exact (inverse chain)", () => {
    const up = result("deflator", { belop: "12345.678", fra: 2025, til: 2026, serie: "tilskudd-underregulert" })
      .belop as string;
    expect(up).toBe("12574.073043"); // 12 345,678 × 1,0185 (checked with Python Decimal)
    expect(result("deflator", { belop: up, fra: 2026, til: 2025, serie: "tilskudd-underregulert" })).toEqual({
      belop: "12345.678",
    });
  });

  it("multi-year chains compose exactly (with a HYPOTHETICAL 2025 rate in a test-only scenario)", () => {
    // The seed gives no 2025 deflator; to show that kjede() composes exactly we add one in an in-memory
    // scenario (4 %, not a real figure) and compare with the hand product 1,04 × 1,032 = 1,07328.
    const scenario = {
      id: "test-kjede-hypotetisk",
      title: "Test: hypotetisk sats 2025 (ikke en kilde)",
      version: "1.0.0",
      sources: {
        hypotese: {
          document: "Prop. 1 S (2025–2026) HOD",
          section: "kun for test av kjede()",
          seed: "003_82c1b6682bf832eb.txt",
          lines: [1519, 1520],
          quote: "3,2 prosent i 2026 (2025-satsen her er oppdiktet)",
        },
      },
      overrides: [
        {
          ruleFile: "deflator",
          parameter: "sats_sykehus",
          values: [
            { from: "2025-01-01", value: 0.04 },
            { from: "2026-01-01", value: 0.032 },
          ],
          source: "hypotese",
        },
        {
          ruleFile: "deflator",
          parameter: "forste_ar",
          values: [{ from: "2025-01-01", value: 2024 }],
          source: "hypotese",
        },
      ],
    };
    const texts = readRuleTexts(RULES).filter((t) => t.path.includes("deflators/"));
    const s2 = loadRuleSet([...texts, { path: "rules/scenarios/test-kjede.json", text: JSON.stringify(scenario) }]);
    expect(s2.broken).toEqual([]);
    const q = (fra: number, til: number, belop: string) =>
      ok(
        evaluate(s2, "deflator", {
          facts: { belop, fra, til, serie: "sykehus" },
          date: "2026-01-01",
          scenario: scenario.id,
        }),
      ).result as { belop: string };
    expect(q(2024, 2026, "1000").belop).toBe("1073.28");
    const step = q(2024, 2025, "1000").belop;
    expect(step).toBe("1040");
    expect(q(2025, 2026, step).belop).toBe("1073.28");
    expect(q(2026, 2024, "1073.28").belop).toBe("1000");
    // Without the scenario the same chain is an error.
    expect(
      evaluate(s2, "deflator", { facts: { belop: "1000", fra: 2024, til: 2026, serie: "sykehus" }, date: "2026-01-01" })
        .ok,
    ).toBe(false);
  });
});

describe("sykehusdeflator-vekting", () => {
  it("weights change from 70/30 to 56,6/43,4 in 2026 (L12943–12951)", () => {
    expect(result("sykehusdeflator-vekting", { lonnsvekst: 1, prisvekst: 0 }, "2025-12-31").deflator).toBe("0.7");
    expect(result("sykehusdeflator-vekting", { lonnsvekst: 1, prisvekst: 0 }, "2026-01-01").deflator).toBe("0.566");
    // Linearity: the deflator is exactly w·L + (1−w)·P for any inputs.
    const r = result("sykehusdeflator-vekting", { lonnsvekst: "4", prisvekst: "2.16" });
    expect(r.deflator).toBe("3.20144"); // 0,566·4 + 0,434·2,16 by hand — the catalogue's hypothesis, not a source figure
  });
});

const haveCsv = fs.existsSync(CSV);
(haveCsv ? describe : describe.skip)("re-pricing Saldert 2025 → Forslag 2026 (sheets/hod-2026.csv)", () => {
  type Cat = {
    kategori: string;
    serie: string;
    maks_avvik_tkr: number;
    maks_avvik_prosentpoeng: string;
    endring_tkr: string;
    forklaring: string;
  };
  let rows: Row[];
  let cats: Map<string, Cat>;
  beforeAll(() => {
    rows = readRows();
    cats = new Map(rows.map((r) => [r.key, result("prisjusterte-poster", { post: r.key }) as unknown as Cat]));
  });
  const byCat = (k: string) => rows.filter((r) => cats.get(r.key)!.kategori === k);

  it("lists the categories (printed for the report)", () => {
    const lines: string[] = [];
    for (const k of ["kun-prisjustert", "nominelt-uendret", "forklart-endring", "flagget"]) {
      const list = byCat(k).map((r) => (k === "kun-prisjustert" ? `${r.key}(${cats.get(r.key)!.serie})` : r.key));
      lines.push(`${k} [${list.length}]: ${list.join(" ")}`);
    }
    console.log(lines.join("\n"));
    expect(byCat("kun-prisjustert").length).toBe(2 + 16 + 11 + 7);
    expect(rows.length).toBe(
      byCat("kun-prisjustert").length +
        byCat("nominelt-uendret").length +
        byCat("forklart-endring").length +
        byCat("flagget").length,
    );
  });

  it("every post listed in prisjusterte-poster.json exists in the workbook", () => {
    const file = set.files.get("prisjusterte-poster")!.file;
    const listed = file.rules.flatMap((r) => (r.conditions as { all: Array<{ value: string[] }> }).all[0].value);
    const keys = new Set(rows.map((r) => r.key));
    expect(listed.filter((k) => !keys.has(k))).toEqual([]);
  });

  for (const serie of ["sykehus", "generell", "tilskudd-underregulert"]) {
    it(`posts only price-adjusted with «${serie}» reproduce Forslag 2026 within the listed tolerance`, () => {
      const mine = byCat("kun-prisjustert").filter((r) => cats.get(r.key)!.serie === serie);
      expect(mine.length).toBeGreaterThan(0);
      const out = repriceColumn(mine, { serie, fra: 2025, til: 2026 }, set);
      const report = out.map((o) => {
        if (!o.ok) return { post: o.row.key, error: o.error.message };
        const c = cats.get(o.row.key)!;
        const diff = (o.row.forslag as number) - (o.amount as number);
        const ratePp = ((o.row.forslag as number) / (o.row.saldert as number) - 1) * 100;
        const target = serie === "sykehus" ? 3.2 : serie === "generell" ? 3.6 : 1.85;
        const pp = Number(c.maks_avvik_prosentpoeng);
        const pass = Math.abs(diff) <= c.maks_avvik_tkr || (pp > 0 && Math.abs(ratePp - target) <= pp);
        return { post: o.row.key, saldert: o.row.saldert, forslag: o.row.forslag, repriset: o.amount, diff, pass };
      });
      expect(report.filter((r) => !("pass" in r) || !r.pass)).toEqual([]);
      // Exact posts really are exact.
      for (const r of report)
        if (cats.get(r.post)!.maks_avvik_tkr === 0 && Number(cats.get(r.post)!.maks_avvik_prosentpoeng) === 0)
          expect(r).toMatchObject({ diff: 0 });
    });
  }

  it("re-pricing keeps the evaluation (trace) for each row", () => {
    const r = rows.find((x) => x.key === "732/21")!;
    const [o] = repriceColumn([r], { serie: "sykehus", fra: 2025, til: 2026, trace: true }, set);
    expect(o.ok && o.amount).toBe(20806);
    expect(o.ok && o.evaluation?.trace?.formulas[0].series?.[0]).toMatchObject({ name: "sats_sykehus", value: 0.032 });
  });

  it("nominally unchanged posts: Forslag 2026 = Saldert 2025", () => {
    for (const r of byCat("nominelt-uendret")) expect([r.key, r.forslag]).toEqual([r.key, r.saldert]);
  });

  it("posts explained by a named change: Saldert + endring = Forslag (within the printed precision)", () => {
    for (const r of byCat("forklart-endring")) {
      const c = cats.get(r.key)!;
      expect([
        r.key,
        Math.abs((r.saldert as number) + Number(c.endring_tkr) - (r.forslag as number)) <= c.maks_avvik_tkr,
      ]).toEqual([r.key, true]);
    }
  });

  it("flagged posts are not a pure price adjustment at any of the three rates (otherwise they would be listed)", () => {
    const coincidences: string[] = [];
    for (const r of byCat("flagget")) {
      if (r.saldert === null || r.forslag === null || r.saldert === 0) continue;
      for (const serie of ["sykehus", "generell", "tilskudd-underregulert"]) {
        const [o] = repriceColumn([r], { serie, fra: 2025, til: 2026 }, set);
        if (o.ok && Math.abs((o.amount as number) - r.forslag) <= 1) coincidences.push(`${r.key}:${serie}`);
      }
    }
    expect(coincidences).toEqual([]);
  });
});

describe("serie egenbetaling: the 3,9 % user-fee indexing (003 L2014–2018)", () => {
  const defl = (belop: string, fra: number, til: number) =>
    ok(evaluate(set, "deflator", { date: `${til}-01-01`, facts: { belop, fra, til, serie: "egenbetaling" } }))
      .result as Record<string, string>;

  it("explains the 128 kr rise of the egenandelstak: 3 278 (L31129–31131) × 1,039 rounds to 3 406 (L31171–31175)", () => {
    const indexed = defl("3278", 2025, 2026).belop;
    expect(indexed).toBe("3405.842");
    expect(roundToWhole(indexed)).toBe(3406);
    expect(roundToWhole(indexed) - 3278).toBe(128);
  });

  it("agrees with the egenandelstak rule file's two dated values", () => {
    const tak = (date: string, ar: number) =>
      ok(evaluate(set, "egenandelstak", { date, facts: { ar, betalt: 0 } })).result as Record<string, string>;
    expect(roundToWhole(defl(tak("2025-01-01", 2025).tak, 2025, 2026).belop)).toBe(Number(tak("2026-01-01", 2026).tak));
  });

  it("no rate outside 2025–2026 (the document gives none): an error, not a guess", () => {
    expect(
      evaluate(set, "deflator", {
        date: "2027-01-01",
        facts: { belop: "100", fra: 2026, til: 2027, serie: "egenbetaling" },
      }).ok,
    ).toBe(false);
  });
});
