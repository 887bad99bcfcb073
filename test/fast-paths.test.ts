/**
 * Issue 15: the faster paths must answer exactly as evaluate() does. The table classifier now converts
 * text the way the normaliser does ("17" → 17, " Fastlege " → "fastlege", "ja" → true) before it looks a
 * class up; the general path (tables off) reads columns straight into the normaliser's slots.
 */
import { isDeepStrictEqual } from "util";
import { loadRuleFolder } from "../src/rules/load-folder";
import { evaluate } from "../src/engine/evaluate";
import { compileBatch } from "../src/engine/batch";
import { integerText } from "../src/engine/facts";
import { canonical } from "../src/util/canonical";
import { plain, plainRow } from "./helpers/outcomes";

const set = loadRuleFolder("rules");

const SERVICES = [
  "fastlege",
  "legevakt",
  "psykolog",
  "psykisk-helsevern",
  "tsb",
  "poliklinikk",
  " Fastlege ",
  "LEGEVAKT",
  "tannlege",
  "",
  70,
];
const AGES: unknown[] = [
  0,
  15,
  16,
  17,
  18,
  26,
  27,
  99,
  "0",
  "15",
  " 16 ",
  "17",
  "+18",
  "26",
  "099",
  "17.5",
  "abc",
  "",
  "  ",
  "-1",
  "131",
  17.5,
  -1,
  null,
];
const GROUNDS: unknown[] = [undefined, "ingen", "yrkesskade", " Svangerskap", "oppfolging-abort", "hiv", "ukjent", ""];
const DATES = ["2026-07-31", "2026-08-01", "2025-06-01"];

/** Every combination, so each class is met by canonical values and by text in the same class. */
function rows(): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const alder of AGES)
    for (const tjeneste of SERVICES)
      for (const fritaksgrunn of GROUNDS) {
        const r: Record<string, unknown> = { alder, tjeneste };
        if (fritaksgrunn !== undefined) r.fritaksgrunn = fritaksgrunn;
        out.push(r);
      }
  // Birth dates (derived ages) and text samtale numbers, which the table must leave to the general path or convert.
  out.push(
    { fodselsdato: "2009-08-01", tjeneste: "legevakt" },
    { fodselsdato: "2009-08-01", alder: "17", tjeneste: "legevakt" },
    { alder: "17", tjeneste: "legevakt", fritaksgrunn: "oppfolging-abort", oppfolgingssamtale: "3" },
  );
  return out;
}

describe("egenandel: text facts through the table, and the general path, equal evaluate()", () => {
  const all = rows();
  const names = ["alder", "fodselsdato", "tjeneste", "fritaksgrunn", "oppfolgingssamtale"];
  const columns = Object.fromEntries(names.map((k) => [k, all.map((r) => r[k])]));
  for (const date of DATES) {
    it(`on ${date}, columns and rows, tables on (twice, so the second pass is table lookups) and off`, () => {
      const want = all.map((r) => plain(evaluate(set, "egenandel", { facts: r, date })));
      const tables = compileBatch(set, "egenandel");
      const general = compileBatch(set, "egenandel", { tables: false });
      const runs = [
        tables.evaluateColumns(columns, date),
        tables.evaluateColumns(columns, date),
        tables.evaluateRows(all, date),
        general.evaluateColumns(columns, date),
        general.evaluateRows(all, date),
      ];
      const bad: string[] = [];
      runs.forEach((got, k) =>
        got.forEach((o, i) => {
          if (!isDeepStrictEqual(plainRow(o), want[i]) && bad.length < 5)
            bad.push(`run ${k} ${JSON.stringify(all[i])}: ${JSON.stringify(plainRow(o))} ≠ ${JSON.stringify(want[i])}`);
        }),
      );
      expect(bad).toEqual([]);
      expect(general.stats()).toEqual({ rows: 2 * all.length, fromTable: 0, tablePlan: false });
    });
  }

  it("a column of ages as text is answered from the table after its first row per class", () => {
    const n = 2000;
    const cols = {
      alder: Array.from({ length: n }, (_, i) => String(i % 100)),
      tjeneste: Array.from({ length: n }, (_, i) => SERVICES[i % 6]),
    };
    const batch = compileBatch(set, "egenandel");
    const got = batch.evaluateColumns(cols, "2026-08-01");
    // Classes: 6 services × ages split at 16, 18, 26, 27 (and equal to each): at most 6 × 9 rows take the general path.
    expect(batch.stats().fromTable).toBeGreaterThanOrEqual(n - 6 * 9);
    got.forEach((o, i) =>
      expect(plainRow(o)).toEqual(
        plain(
          evaluate(set, "egenandel", {
            facts: { alder: cols.alder[i], tjeneste: cols.tjeneste[i] },
            date: "2026-08-01",
          }),
        ),
      ),
    );
  });

  it("per-row dates through both paths equal evaluate()", () => {
    const dates = all.map((_, i) => DATES[i % DATES.length]);
    const want = all.map((r, i) => plain(evaluate(set, "egenandel", { facts: r, date: dates[i] })));
    for (const batch of [compileBatch(set, "egenandel"), compileBatch(set, "egenandel", { tables: false })]) {
      const got = batch.evaluateColumns(columns, dates, all.length).map(plainRow);
      expect(got.filter((o, i) => !isDeepStrictEqual(o, want[i]))).toEqual([]);
    }
  });
});

test("every form of per-row date is looked up as evaluate() reads it (the batch keeps date states by digits)", () => {
  const odd = [
    "2026-08-01",
    "2026-07-31",
    "1900-01-01",
    "1899-12-31",
    "2199-12-31",
    "2200-01-01",
    "2026-02-29",
    "2024-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-12-32",
    "2026-1a-01",
    "2026/08/01",
    "01.08.2026",
    " 2026-08-01",
    "2026-08-01 ",
    "",
    "x",
    46235,
    null,
  ];
  const dates = Array.from({ length: 400 }, (_, i) => odd[(i * 7) % odd.length]);
  const facts = { alder: 17, tjeneste: "legevakt" };
  const want = dates.map((date) => plain(evaluate(set, "egenandel", { facts, date })));
  for (const batch of [compileBatch(set, "egenandel"), compileBatch(set, "egenandel", { tables: false })]) {
    const cols = { alder: dates.map(() => 17), tjeneste: dates.map(() => "legevakt") };
    // Twice: the second pass finds every state already made.
    for (let pass = 0; pass < 2; pass++) {
      const got = batch.evaluateColumns(cols, dates).map(plainRow);
      expect(got.filter((o, i) => !isDeepStrictEqual(o, want[i]))).toEqual([]);
    }
  }
  expect(new Set(want.map((o) => o.ok)).size).toBe(2); // some dates answer, some are errors
});

describe("a rule file with boolean and decimal facts: text conversion in the classifier equals evaluate()", () => {
  // Every question-type rule file with a table plan: its facts given as text where the normaliser accepts text.
  const files = [...set.files.values()].filter((f) => f.file.appliesTo === "question");
  it.each(files.map((f) => f.file.id))("%s", (id) => {
    const f = set.files.get(id)!;
    const asText = (v: unknown) =>
      typeof v === "number"
        ? ` ${v} `
        : v === true
          ? "ja"
          : v === false
            ? "Nei"
            : typeof v === "string"
              ? ` ${v.toUpperCase()}`
              : v;
    const decls = f.file.facts;
    const sample: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 60; i++) {
      const r: Record<string, unknown> = {};
      for (const [n, d] of Object.entries(decls)) {
        if (d.derive) continue;
        const v =
          d.type === "enum"
            ? d.values![i % d.values!.length]
            : d.type === "boolean"
              ? i % 2 === 0
              : d.type === "integer" || d.type === "number"
                ? (d.min ?? 0) + (i % 7) * 3
                : d.type === "decimal"
                  ? `${i * 1000}.5`
                  : d.type === "date"
                    ? "2026-03-01"
                    : `x${i % 3}`;
        r[n] = i % 3 === 0 ? asText(v) : v;
      }
      sample.push(r);
    }
    const date = "2026-08-01";
    const want = sample.map((r) => plain(evaluate(set, id, { facts: r, date })));
    const batch = compileBatch(set, id);
    for (let pass = 0; pass < 2; pass++) {
      const got = batch.evaluateRows(sample, date).map(plainRow);
      expect(got.filter((o, i) => !isDeepStrictEqual(o, want[i]))).toEqual([]);
    }
  });
});

test("whole-number text is read digit by digit exactly as Number(text.trim()) after the integer pattern", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require("fast-check") as typeof import("fast-check");
  const byPattern = (raw: string): number | undefined => {
    const t = raw.trim();
    return /^[+-]?\d+$/.test(t) ? Number(t) : undefined;
  };
  const texts = fc.oneof(
    fc.string(),
    fc.integer({ min: -1e9, max: 1e9 }).map(String),
    fc
      .tuple(
        fc.constantFrom("", "+", "-", " ", "\u00a0", "0"),
        fc.stringMatching(/^\d{0,18}$/),
        fc.constantFrom("", " ", "\n", ".5", "x"),
      )
      .map((p) => p.join("")),
  );
  fc.assert(
    fc.property(texts, (raw) => Object.is(integerText(raw), byPattern(raw))),
    { numRuns: 20000, seed: 20260801 },
  );
});

test("canonical() gives an equal text for every text, and any other value itself", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require("fast-check") as typeof import("fast-check");
  for (const s of ["", "17", "4294967295", "__proto__", "constructor", "fastlege", "-0", "1e3"])
    expect(canonical(s)).toBe(s);
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (s) => canonical(s) === s),
    { numRuns: 20000, seed: 20260801 },
  );
  for (const v of [0, -0, NaN, true, null, undefined, 17.5]) expect(Object.is(canonical(v), v)).toBe(true);
});
