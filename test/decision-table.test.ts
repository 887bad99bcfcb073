/**
 * Issue 7: the batch path's decision tables (src/engine/decision-table.ts). A table may only answer a
 * row the way the general path answered the first row of the same class; these tests pin that down on
 * the user-fee rule with the seed's own boundaries, and on the cases the classifier must refuse.
 */
import { loadRuleFolder } from "../src/rules/load-folder";
import { loadRuleSet } from "../src/rules/loader";
import { evaluate } from "../src/engine/evaluate";
import { compileBatch } from "../src/engine/batch";
import { planTable } from "../src/engine/decision-table";
import { plain, plainRow } from "./helpers/outcomes";

const set = loadRuleFolder("rules");

const SERVICES = [
  "fastlege",
  "legevakt",
  "legespesialist",
  "legespesialist-psykoterapi",
  "psykolog",
  "psykisk-helsevern",
  "tsb",
  "poliklinikk",
];

describe("decision tables on egenandel (Prop. 1 S 2025–2026 §2.9; seed 003 L611–613)", () => {
  it("has a table plan, and a second pass over the same rows comes from table cells", () => {
    const batch = compileBatch(set, "egenandel");
    const rows = Array.from({ length: 5000 }, (_, i) => ({ alder: i % 100, tjeneste: SERVICES[i % SERVICES.length] }));
    const first = batch.evaluateColumns(
      { alder: rows.map((r) => r.alder), tjeneste: rows.map((r) => r.tjeneste) },
      "2026-08-01",
    );
    const second = batch.evaluateRows(rows, "2026-08-01");
    expect(batch.stats().tablePlan).toBe(true);
    // Ages fall in few classes (the parameter boundaries 16, 18, 26, 27 on this date), so almost every row is a table hit.
    expect(batch.stats().fromTable).toBeGreaterThan(9900);
    rows.forEach((r, i) => {
      const want = plain(evaluate(set, "egenandel", { facts: r, date: "2026-08-01" }));
      expect(plainRow(first[i])).toEqual(want);
      expect(plainRow(second[i])).toEqual(want);
    });
  });

  it("gives the seed's answers at the boundaries, before and after 1 August 2026, from the table too", () => {
    const batch = compileBatch(set, "egenandel");
    const ages = [0, 15, 16, 17, 18, 25, 26, 27, 99];
    const cols = (service: string) => ({ alder: ages, tjeneste: ages.map(() => service) });
    for (let pass = 0; pass < 2; pass++) {
      const fastlegeJuly = batch
        .evaluateColumns(cols("fastlege"), "2026-07-31")
        .map((o) => (o.ok ? (o.result as { betaler: boolean }).betaler : o.error.code));
      const fastlegeAug = batch
        .evaluateColumns(cols("fastlege"), "2026-08-01")
        .map((o) => (o.ok ? (o.result as { betaler: boolean }).betaler : o.error.code));
      const phv = batch
        .evaluateColumns(cols("psykisk-helsevern"), "2026-08-01")
        .map((o) => (o.ok ? (o.result as { betaler: boolean }).betaler : o.error.code));
      // Under 16 free; from 1.8.2026 also 16 and 17 at fastlege/legevakt; 18 pays.
      expect(fastlegeJuly).toEqual([false, false, true, true, true, true, true, true, true]);
      expect(fastlegeAug).toEqual([false, false, false, false, true, true, true, true, true]);
      // Psykisk helsevern/TSB: free up to and including 25 (under 26).
      expect(phv).toEqual([false, false, false, false, false, false, true, true, true]);
    }
    expect(batch.stats().fromTable).toBeGreaterThan(0);
  });

  it("never serves a value the normaliser would change or reject: those rows take the general path", () => {
    const batch = compileBatch(set, "egenandel");
    const date = "2026-08-01";
    // Fill the cells for a 17-year-old and a 40-year-old at fastlege first.
    batch.evaluateRows(
      [
        { alder: 17, tjeneste: "fastlege" },
        { alder: 40, tjeneste: "fastlege" },
      ],
      date,
    );
    const inherited = Object.create({ alder: 17 }) as Record<string, unknown>;
    inherited.tjeneste = "fastlege";
    const hidden: Record<string, unknown> = { tjeneste: "fastlege" };
    Object.defineProperty(hidden, "alder", { value: 40, enumerable: false });
    const tricky: unknown[] = [
      { alder: "17", tjeneste: "fastlege" }, // text to parse
      { alder: 17, tjeneste: " Fastlege " }, // text to trim and lower-case
      { alder: 17.5, tjeneste: "fastlege" }, // not a whole number
      { alder: 131, tjeneste: "fastlege" }, // above max
      { alder: -1, tjeneste: "fastlege" },
      { alder: 17, tjeneste: "fastlege", fodselsdato: "2000-01-01" }, // contradicts the birth date
      { fodselsdato: "2009-08-01", tjeneste: "fastlege" }, // age derived: 17
      { alder: 17, tjeneste: "fastlege", kjonn: "k" }, // unknown fact
      { tjeneste: "fastlege" }, // neither age nor birth date
      { alder: 17, tjeneste: "" },
      { alder: Number.NaN, tjeneste: "fastlege" },
      inherited, // inherited age is not a fact
      hidden, // a non-enumerable own age still is
      null,
      "alder=17",
    ];
    const got = batch.evaluateRows(tricky, date).map(plainRow);
    const want = tricky.map((f) => plain(evaluate(set, "egenandel", { facts: f as Record<string, unknown>, date })));
    expect(got).toEqual(want);
    // Each row alone, and the rows of declared facts together, agree too.
    tricky.forEach((f, i) => expect(batch.evaluateRows([f], date).map(plainRow)).toEqual([want[i]]));
    const declaredOnly = tricky.filter((f) => typeof f === "object" && f !== null && !("kjonn" in f));
    expect(batch.evaluateRows(declaredOnly, date).map(plainRow)).toEqual(
      declaredOnly.map((f) => want[tricky.indexOf(f)]),
    );
    // A getter that throws is that row's error, never an exception for the batch.
    const throwing = { tjeneste: "fastlege" } as Record<string, unknown>;
    Object.defineProperty(throwing, "alder", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    const withThrowing = compileBatch(set, "egenandel").evaluateRows(
      [{ alder: 17, tjeneste: "fastlege" }, throwing],
      date,
    );
    expect(withThrowing[0].ok).toBe(true);
    expect(withThrowing[1].ok).toBe(false);
    const cols = batch
      .evaluateColumns(
        { alder: ["17", 17.5, 131, null, ""], tjeneste: ["fastlege", "fastlege", "fastlege", "fastlege", "fastlege"] },
        date,
      )
      .map(plainRow);
    expect(cols).toEqual(
      [{ alder: "17" }, { alder: 17.5 }, { alder: 131 }, {}, { alder: "" }].map((f) =>
        plain(evaluate(set, "egenandel", { facts: { ...f, tjeneste: "fastlege" }, date })),
      ),
    );
  });

  it("shares a table between dates whose parameters agree, and keeps dates apart where they differ", () => {
    const batch = compileBatch(set, "egenandel");
    const dates = ["2026-07-31", "2026-08-01", "2026-09-15", "2026-12-31"];
    const rows = dates.map(() => ({ alder: 17, tjeneste: "legevakt" }));
    const twice = [...batch.evaluateRows(rows, dates), ...batch.evaluateRows(rows, dates)].map((o) =>
      o.ok ? (o.result as { betaler: boolean }).betaler : null,
    );
    expect(twice).toEqual([true, false, false, false, true, false, false, false]);
    // 1 Aug, 15 Sep and 31 Dec share one table: only two general-path answers were needed (31 Jul and 1 Aug).
    expect(batch.stats().fromTable).toBe(6);
  });
});

describe("decision tables: what cannot be tabulated", () => {
  const file = (rules: unknown[], facts: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id: "tabell",
    title: "Tabelltest",
    domain: "grant",
    version: "1.0.0",
    sources: {
      s: { document: "Prop. 1 S (2025–2026) HOD", section: "2.9", seed: "003_82c1b6682bf832eb.txt", lines: [611, 613] },
    },
    facts,
    parameters: {},
    hitPolicy: "first",
    rules,
    outputs: { sum: { type: "integer", description: "Sum" } },
    tests: [{ name: "b gir 7", facts: { antall: 1, grense: 0, type: "b" }, expect: { sum: 7 }, source: "s" }],
    ...extra,
  });
  const load = (f: unknown) => {
    const s = loadRuleSet([{ path: "rules/grants/tabell.json", text: JSON.stringify(f) }]);
    expect(s.broken).toEqual([]);
    return s;
  };
  const facts = {
    antall: { type: "integer", description: "Antall", min: 0, max: 1000 },
    grense: { type: "integer", description: "Grense", min: 0, max: 1000 },
    type: { type: "enum", description: "Type", values: ["a", "b"] },
  };

  it("a result computed from the row's facts is never reused for another row of the same class", () => {
    const s = load(
      file(
        [
          {
            name: "a",
            source: "s",
            conditions: { all: [{ fact: "type", operator: "equal", value: "a" }] },
            event: { type: "a", params: {} },
            formulas: { sum: "antall * 2" },
          },
          {
            name: "b",
            source: "s",
            conditions: { all: [{ fact: "type", operator: "equal", value: "b" }] },
            event: { type: "b", params: { sum: 7 } },
          },
        ],
        facts,
      ),
    );
    const batch = compileBatch(s, "tabell");
    const rows = [1, 2, 3, 4, 5].flatMap((antall) => [
      { antall, grense: 0, type: "a" },
      { antall, grense: 0, type: "b" },
    ]);
    const got = [...batch.evaluateRows(rows, "2026-01-01"), ...batch.evaluateRows(rows, "2026-01-01")].map((o) =>
      o.ok ? (o.result as { sum: number }).sum : o.error.message,
    );
    expect(got).toEqual([2, 7, 4, 7, 6, 7, 8, 7, 10, 7, 2, 7, 4, 7, 6, 7, 8, 7, 10, 7]);
    // Only the constant rule "b" is served from the table: 4 of its 5 rows in the first pass, all 5 in the second.
    expect(batch.stats().fromTable).toBe(9);
  });

  it("a condition comparing two row facts gets no plan (and the general path answers)", () => {
    const s = load(
      file(
        [
          {
            name: "over",
            source: "s",
            conditions: { all: [{ fact: "antall", operator: "greaterThan", value: { fact: "grense" } }] },
            event: { type: "x", params: { sum: 1 } },
          },
        ],
        facts,
        { otherwise: { source: "s", params: { sum: 0 } } },
      ),
    );
    expect(planTable(s.files.get("tabell")!)).toBeNull();
    const batch = compileBatch(s, "tabell");
    const out = batch.evaluateRows(
      [
        { antall: 5, grense: 4, type: "a" },
        { antall: 5, grense: 6, type: "a" },
      ],
      "2026-01-01",
    );
    expect(out.map((o) => (o.ok ? (o.result as { sum: number }).sum : null))).toEqual([1, 0]);
    expect(batch.stats()).toEqual({ rows: 2, fromTable: 0, tablePlan: false });
  });

  it("row objects in any key order, and a file of 32 facts, answer as evaluate()", () => {
    const many: Record<string, unknown> = { ...facts };
    for (let k = 0; k < 30; k++)
      many[`ekstra${k}`] = { type: "enum", description: `Ekstra ${k}`, values: ["x", "y"], optional: true };
    const rulesFor = (extra: boolean) => [
      {
        name: "a",
        source: "s",
        conditions: {
          all: [
            { fact: "type", operator: "equal", value: "a" },
            ...(extra ? [{ fact: "ekstra29", operator: "equal", value: "y" }] : []),
          ],
        },
        event: { type: "a", params: { sum: 1 } },
      },
    ];
    for (const declared of [facts, many]) {
      const extra = declared === many;
      const s = load(file(rulesFor(extra), declared, { otherwise: { source: "s", params: { sum: 0 } } }));
      const rows: unknown[] = [
        { antall: 1, grense: 0, type: "a" },
        { type: "a", grense: 0, antall: 1 },
        { grense: 2, type: "b", antall: 1 },
        ...(extra
          ? [
              { ekstra29: "y", type: "a", antall: 1, grense: 0 },
              { type: "a", antall: 1, grense: 0, ekstra29: "y", ekstra3: "x" },
            ]
          : []),
        { type: "a", antall: 1, grense: 0, ukjent: 1 },
      ];
      const batch = compileBatch(s, "tabell");
      const want = rows.map((r) =>
        plain(evaluate(s, "tabell", { facts: r as Record<string, unknown>, date: "2026-01-01" })),
      );
      for (let pass = 0; pass < 2; pass++) expect(batch.evaluateRows(rows, "2026-01-01").map(plainRow)).toEqual(want);
      // 32 facts of two classes each are too many cells for a table: the general path answers every row.
      expect(batch.stats().fromTable > 0).toBe(!extra);
      if (extra) expect(want.filter((o) => o.ok && (o.result as { sum: number }).sum === 1)).toHaveLength(2);
    }
  });
});
