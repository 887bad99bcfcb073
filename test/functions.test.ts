/**
 * The custom functions called as Excel calls them (matrix arguments, serial and text dates, empty
 * cells, error cells) and compared with the core evaluate() for the same facts.
 */
import { evaluate } from "../src/engine/evaluate";
import { loadRuleFolder } from "../src/rules/load-folder";
import type { RuleSet } from "../src/engine/rule-set";
import * as F from "../functions/functions";
import * as calls from "../functions/calls";

/** A range call as Excel makes it, from rows given as plain arrays: one column argument per fact. */
const column = (rows: unknown[][], k: number) => rows.map((r) => [r[k] ?? null]);
const egenandelRange = (rows: unknown[][], opts: { output?: "betaler" | "grunn" } = {}) =>
  calls
    .egenandel(opts.output ?? "betaler", column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3), [[null]])
    .map((r) => r[0]);
const deflaterRange = (rows: unknown[][]) =>
  calls.deflater(column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3)).map((r) => r[0]);
import { setRuleSetProvider } from "../functions/rule-set";
import { excelError } from "../functions/excel-error";
import { parseFactText } from "../src/questions/fact-text";
import { errorCell, isError, REAL_RULES, serial, stubRuleSet } from "./stubs/excel";

const core = (
  set: RuleSet,
  id: string,
  facts: Record<string, unknown>,
  date: string,
  scenario: string | null = null,
) => {
  const o = evaluate(set, id, { facts, date, scenario });
  if (!o.ok) throw new Error(o.error.message);
  return o.value.result as Record<string, unknown>;
};

describe("against the project's rules/ folder", () => {
  const real = loadRuleFolder(REAL_RULES);
  const has = (id: string) => real.files.has(id);
  beforeAll(() => setRuleSetProvider(() => real));

  (has("egenandel") ? test : test.skip)(
    "17-year-old at legevakt pays on 2026-07-31 and is exempt on 2026-08-01 (serial and text dates)",
    () => {
      expect(F.egenandel([[17]], [["legevakt"]], [[serial("2026-07-31")]])).toEqual([[true]]);
      expect(F.egenandel([[17]], [["legevakt"]], [[serial("2026-08-01")]])).toEqual([[false]]);
      expect(F.egenandel([[17]], [["legevakt"]], [["31.07.2026"]])).toEqual([[true]]);
      expect(F.egenandel([[17]], [["legevakt"]], [["2026-08-01"]])).toEqual([[false]]);
      for (const date of ["2026-07-31", "2026-08-01"]) {
        const r = core(real, "egenandel", { alder: 17, tjeneste: "legevakt" }, date);
        expect(F.egenandel([[17]], [["legevakt"]], [[date]])).toEqual([[r.betaler]]);
        expect(F.egenandelGrunn([[17]], [["legevakt"]], [[date]])).toEqual([[r.grunn]]);
      }
    },
  );

  (has("egenandel") ? test : test.skip)("a column of people spills one answer per row, equal to the core", () => {
    const people: unknown[] = [0, 15, 16, 17, 18, 25, 26, "2009-03-01", serial("2010-08-02"), "01.08.2008"];
    const services = ["fastlege", "legevakt", "psykisk-helsevern", "tsb", "psykolog"];
    const out = F.egenandel(
      people.map((p) => [p]),
      [services],
      [["2026-08-01"]],
    );
    expect(out).toHaveLength(people.length);
    people.forEach((p, i) =>
      services.forEach((t, j) => {
        const facts =
          typeof p === "number" && p > 150
            ? { fodselsdato: "2010-08-02" }
            : typeof p === "number"
              ? { alder: p }
              : { fodselsdato: p };
        expect(out[i][j]).toBe(core(real, "egenandel", { ...facts, tjeneste: t }, "2026-08-01").betaler);
      }),
    );
  });

  (has("deflator") ? test : test.skip)(
    "DEFLATER 20161 from 2025 to 2026 (sykehus) is 20 806 rounded; exact decimal as a number",
    () => {
      const out = F.deflater([[20161]], [[2025]], [[2026]], [["sykehus"]]);
      expect(Math.round(out[0][0] as number)).toBe(20806);
      expect(out[0][0]).toBe(
        Number(core(real, "deflator", { belop: 20161, fra: 2025, til: 2026, serie: "sykehus" }, "2026-01-01").belop),
      );
    },
  );

  (has("postgruppe") ? test : test.skip)("POSTGRUPPE answers from the budget-post question file", () => {
    const out = F.postgruppe([[1], [21], [70]], [[732]]);
    out.forEach((row, i) =>
      expect(row[0]).toBe(core(real, "postgruppe", { post: [1, 21, 70][i], kap: 732 }, "2026-01-01").gruppe),
    );
  });

  test("every question rule file answers through REGEL as the core does (its own tests' facts)", () => {
    for (const f of real.files.values()) {
      if (f.file.appliesTo !== "question") continue;
      for (const t of f.file.tests) {
        const date = t.date ?? "2026-01-01";
        const o = evaluate(real, f.file.id, { facts: t.facts, date, scenario: t.scenario ?? null });
        const text = Object.entries(t.facts)
          .map(([k, v]) => `${k}=${v}`)
          .join("; ");
        const got = F.regel([[f.file.id]], [[text]], [[date]], [[t.scenario ?? null]]);
        if (!o.ok) {
          expect(isError(got[0][0])).toBe(true);
          continue;
        }
        const first = Object.keys(f.file.outputs)[0];
        const want = (o.value.result as Record<string, unknown>)[first];
        expect([f.file.id, t.name, got[0][0]]).toEqual([
          f.file.id,
          t.name,
          typeof want === "string" && f.file.outputs[first].type !== "string" ? Number(want) : want,
        ]);
      }
    }
  });
});

describe("with the stub rule set (stable facts and outputs)", () => {
  const set = stubRuleSet();
  let loads = 0;
  beforeAll(() => setRuleSetProvider(() => (loads++, set)));

  test("REGEL reads facts as two rows, two columns, text, and a header row with many rows", () => {
    const want = core(set, "egenandel", { alder: 17, tjeneste: "legevakt" }, "2026-08-01");
    expect(
      F.regel(
        [["egenandel"]],
        [
          ["alder", "tjeneste"],
          [17, "legevakt"],
        ],
        [["2026-08-01"]],
      ),
    ).toEqual([[want.betaler]]);
    expect(
      F.regel(
        [["egenandel"]],
        [
          ["alder", 17],
          ["tjeneste", "legevakt"],
        ],
        [["2026-08-01"]],
      ),
    ).toEqual([[want.betaler]]);
    expect(
      F.regel([["egenandel"]], [["alder=17; tjeneste=legevakt"]], [["2026-08-01"]], null as never, [["grunn"]]),
    ).toEqual([[want.grunn]]);
    // names over values and two identifiers in the first column: the rule file's fact names decide
    expect(
      F.regel(
        [["egenandel"]],
        [
          ["tjeneste", "fritaksgrunn", "alder"],
          ["legevakt", "yrkesskade", 40],
        ],
        [["2026-08-01"]],
        null as never,
        [["grunn"]],
      ),
    ).toEqual([["fritaksgrunn"]]);
    const many = F.regel(
      [["egenandel"]],
      [
        ["alder", "tjeneste"],
        [15, "fastlege"],
        [17, "legevakt"],
        [40, "tsb"],
      ],
      [[serial("2026-08-01")]],
    );
    expect(many).toEqual([[false], [false], [true]]);
    const across = F.regel(
      [["egenandel"]],
      [
        ["alder", 15, 40],
        ["tjeneste", "fastlege", "legevakt"],
      ],
      [["2026-08-01"]],
    );
    expect(across).toEqual([[false, true]]);
  });

  test("text facts in a column of cells give one answer per cell; empty cells are omitted facts", () => {
    const out = F.regel(
      [["egenandelstak"]],
      [["ar=2026; betalt=1000"], ["ar=2026\nbetalt=4000"], ["ar=2026; betalt=1 000,50"]],
      [["2026-01-01"]],
      null as never,
      [["gjenstar"]],
    );
    expect(out).toEqual([[2406], [0], [2405.5]]); // 3 406 − 1 000,50 (003 L31174–31175)
    const missing = F.regel(
      [["egenandel"]],
      [
        ["alder", "tjeneste"],
        ["", "legevakt"],
      ],
      [["2026-08-01"]],
    );
    expect(isError(missing[0][0]) && missing[0][0].message).toMatch(/alder/);
  });

  test("dates: serial numbers, ISO and DD.MM.YYYY text all work; a bad date names the argument and the value", () => {
    for (const d of [serial("2026-08-01"), "2026-08-01", "01.08.2026", "1.8.2026"]) {
      expect(F.egenandel([[17]], [["legevakt"]], [[d]])).toEqual([[false]]);
    }
    const bad = F.egenandel([[17]], [["legevakt"]], [["31.13.2026"]])[0][0];
    expect(bad).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^dato: forventet en dato etter 2000-01-01.*fikk «31\.13\.2026»$/),
    });
    expect(isError(F.egenandel([[17]], [["legevakt"]], [[17]])[0][0])).toBe(true); // an age in the date slot
    // birth dates as serials or text, age derived on the visit date
    expect(F.egenandel([[serial("2009-08-02")]], [["legevakt"]], [["2026-08-01"]])).toEqual([[false]]);
    expect(F.egenandel([["02.08.2008"]], [["legevakt"]], [["2026-08-01"]])).toEqual([[false]]);
    expect(F.egenandel([["01.08.2008"]], [["legevakt"]], [["2026-08-01"]])).toEqual([[true]]);
  });

  test("optional arguments arrive as null or empty cells", () => {
    const withNulls = F.egenandel([[17]], [["legevakt"]], [["2026-08-01"]], null as never, null as never);
    const withEmpty = F.egenandel([[17]], [["legevakt"]], [["2026-08-01"]], [[""]], [[""]]);
    expect(withNulls).toEqual([[false]]);
    expect(withEmpty).toEqual([[false]]);
    // no date: today (Europe/Oslo); still an answer, not an error
    expect(typeof F.egenandel([[40]], [["fastlege"]])[0][0]).toBe("boolean");
  });

  test("error cells as input fail only their element, with a message naming the argument", () => {
    const out = F.egenandel(
      [[17], [errorCell("#DIV/0!")], [errorCell("#N/A")], [40]],
      [["legevakt"]],
      [["2026-08-01"]],
    );
    expect(out[0][0]).toBe(false);
    expect(out[1][0]).toEqual({
      error: "#VALUE!",
      message: "alder_eller_fodselsdato: cellen inneholder feilverdien #DIV/0!",
    });
    expect(out[2][0]).toEqual({
      error: "#N/A",
      message: "alder_eller_fodselsdato: cellen inneholder feilverdien #N/A",
    });
    expect(out[3][0]).toBe(true);
    const inTable = F.regel(
      [["egenandel"]],
      [
        ["alder", "tjeneste"],
        [errorCell("#REF!"), "legevakt"],
        [40, "legevakt"],
      ],
      [["2026-08-01"]],
    );
    expect(isError(inTable[0][0]) && inTable[0][0].message).toMatch(/alder.*#REF!/);
    expect(inTable[1][0]).toBe(true);
  });

  test("ranges broadcast like Excel: a shorter range gives #N/A beyond its end", () => {
    const out = F.egenandel([[17], [40], [15]], [["legevakt"], ["fastlege"]], [["2026-08-01"]]);
    expect(out[0][0]).toBe(false);
    expect(out[1][0]).toBe(true);
    expect(out[2][0]).toEqual({ error: "#N/A", message: expect.stringMatching(/^tjeneste:/) });
  });

  test("unknown rule id, field or scenario: #N/A with the closest known ids", () => {
    expect(F.regel([["egenandell"]], [["alder=17; tjeneste=legevakt"]])[0][0]).toEqual({
      error: "#N/A",
      message: expect.stringContaining("mente du «egenandel»"),
    });
    expect(
      F.regel([["egenandel"]], [["alder=17; tjeneste=legevakt"]], [["2026-08-01"]], null as never, [["grun"]])[0][0],
    ).toEqual({ error: "#N/A", message: expect.stringContaining("«grunn»") });
    expect(F.egenandelstakGjenstar([[2026]], [[1000]], [["hoy-vekt"]])[0][0]).toEqual({
      error: "#N/A",
      message: expect.stringContaining("hoy-vekst"),
    });
  });

  test("EGENANDELSTAK.GJENSTAR and scenarios", () => {
    expect(F.egenandelstakGjenstar([[2026], [2025]], [[1000], ["3 500"]])).toEqual([[2406], [0]]);
    expect(F.egenandelstakGjenstar([[2026]], [[1000]], [["hoy-vekst"]])).toEqual([
      [Number(core(set, "egenandelstak", { ar: 2026, betalt: 1000 }, "2026-01-01", "hoy-vekst").gjenstar)],
    ]);
    expect(isError(F.egenandelstakGjenstar([["to tusen"]], [[1000]])[0][0])).toBe(true);
  });

  test("DEFLATER, POSTGRUPPE and TILSKUDD", () => {
    expect(F.deflater([[20161], ["1 000,5"]], [[2025]], [[2026]], [["sykehus"]])).toEqual([
      [20806.152],
      [Number(core(set, "deflator", { belop: "1000.5", fra: 2025, til: 2026 }, "2026-01-01").belop)],
    ]);
    expect(F.deflater([[20161]], [[2025]], [[2026]])).toEqual([[20806.152]]); // serie omitted: the file's default
    expect(F.postgruppe([[1], [45], [55], [70]])).toEqual([
      ["driftsutgifter"],
      ["investeringer"],
      ["overforinger-stat"],
      ["overforinger-andre"],
    ]);
    expect(F.tilskudd([["tilskudd-test"]], [["innbyggere", 10, 1000]], [["2026-01-01"]])).toEqual([[1500, 12500]]);
    expect(
      F.tilskudd([["tilskudd-test"]], [["innbyggere=10"]], [["2026-01-01"]], null as never, [["kvalifisert"]]),
    ).toEqual([[true]]);
    expect(F.tilskudd([["egenandel"]], [["alder=17; tjeneste=legevakt"]])[0][0]).toEqual({
      error: "#N/A",
      message: expect.stringContaining("tilskudd-test"),
    });
  });

  test("POSTGRUPPE without a budget-post question file says so", () => {
    const noPosts: RuleSet = { ...set, files: new Map([...set.files].filter(([id]) => id !== "postgruppe")) };
    setRuleSetProvider(() => noPosts);
    expect(F.postgruppe([[70]])[0][0]).toEqual({
      error: "#N/A",
      message: expect.stringContaining("rules/budget-posts/"),
    });
    setRuleSetProvider(() => (loads++, set));
  });

  test("FORKLAR gives the trace as text: rule file, date, parameters with their dates, sources", () => {
    const text = F.forklar([["egenandel"]], [["alder=17; tjeneste=legevakt"]], [["2026-08-01"]])[0][0] as string;
    expect(text).toMatch(/^Regelfil: egenandel v0\.0\.1/);
    expect(text).toContain("Dato: 2026-08-01");
    expect(text).toContain("aldersgrense = 18 (gjelder fra 2026-08-01");
    expect(text).toContain("003_82c1b6682bf832eb.txt linje 611–613");
    expect(
      F.forklar(
        [["egenandel"]],
        [
          ["alder", "tjeneste"],
          [17, "legevakt"],
          [40, "fastlege"],
        ],
        [["2026-08-01"]],
      ),
    ).toHaveLength(2);
  });

  test("FORKLAR.KORT gives an entity value whose card shows rule file, date, parameters with dates and sources", () => {
    type Cell = { type?: string; basicValue?: unknown; elements?: Cell[][] };
    type Card = {
      type: string;
      text: string;
      properties: Record<string, Cell>;
      layouts: { card: { sections: Array<{ properties: string[] }> } };
    };
    const [[card]] = F.forklarKort([["egenandel"]], [["alder=17; tjeneste=legevakt"]], [["2026-08-01"]]) as Card[][];
    expect(card.type).toBe("Entity");
    expect(card.text).toBe("egenandel: betaler=nei, grunn=under-aldersgrense");
    expect(card.properties.Regelfil).toEqual({ type: "String", basicValue: "egenandel v0.0.1" });
    expect(card.properties.Dato.basicValue).toBe("2026-08-01");
    expect(card.properties.betaler).toEqual({ type: "Boolean", basicValue: false });
    expect(card.properties.Parametere.elements![0][0].basicValue).toBe(
      "aldersgrense = 18 (fra 2026-08-01; kilde prop-2.9)",
    );
    expect(card.properties.Kilder.elements![0][0].basicValue).toContain("003_82c1b6682bf832eb.txt linje 611–613");
    const referenced = card.layouts.card.sections.flatMap((s) => s.properties);
    for (const p of referenced) expect(card.properties).toHaveProperty([p]);
    expect(isError(F.forklarKort([["egenandel"]], [["alder=x; tjeneste=legevakt"]])[0][0])).toBe(true);
  });

  test("the rule set is loaded once per runtime, not per call or per cell", () => {
    loads = 0;
    setRuleSetProvider(() => (loads++, set));
    for (let i = 0; i < 20; i++) F.egenandel([[17], [18], [19]], [["legevakt"]], [["2026-08-01"]]);
    F.regel([["egenandel"]], [["alder=17; tjeneste=legevakt"]]);
    expect(loads).toBe(1);
  });

  test("a rule set that cannot load gives #N/A, never an exception", () => {
    setRuleSetProvider(() => {
      throw new Error("require.context is not a function");
    });
    expect(F.egenandel([[17]], [["legevakt"]])).toEqual([
      [{ error: "#N/A", message: expect.stringContaining("regelsettet kunne ikke lastes") }],
    ]);
    setRuleSetProvider(() => set);
  });

  test("batch entry egenandelRange agrees with the core row by row", () => {
    const rows = [
      [17, "legevakt", "2026-07-31"],
      [17, "legevakt", serial("2026-08-01")],
      ["bad", "legevakt", "2026-08-01"],
      [30, "fastlege", "2026-08-01", "yrkesskade"],
    ];
    const out = egenandelRange(rows);
    expect(out.slice(0, 2)).toEqual([true, false]);
    expect(isError(out[2])).toBe(true);
    expect(out[3]).toBe(false);
    expect(egenandelRange(rows, { output: "grunn" })[3]).toBe("fritaksgrunn");
    expect(deflaterRange([[20161, 2025, 2026, "sykehus"]])).toEqual([20806.152]);
  });

  test("parseFactText splits on ; and newlines and rejects malformed parts", () => {
    expect(parseFactText("alder=17; tjeneste = legevakt\nfritaksgrunn=")).toEqual({
      alder: "17",
      tjeneste: "legevakt",
      fritaksgrunn: "",
    });
    expect(() => parseFactText("alder 17")).toThrow(/navn=verdi/);
    expect(() => parseFactText("alder=1; alder=2")).toThrow(/to ganger/);
  });
});

describe("Excel error adapter", () => {
  afterEach(() => delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions);

  test("without CustomFunctions (Node) it returns a plain { error, message }", () => {
    expect(excelError("#VALUE!", "x: feil")).toEqual({ error: "#VALUE!", message: "x: feil" });
    expect(excelError("#NUM!", "ignored")).toEqual({ error: "#NUM!" });
  });

  test("inside Excel it constructs CustomFunctions.Error with the matching code", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: FakeError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        invalidNumber: "#NUM!",
        divisionByZero: "#DIV/0!",
        nullReference: "#NULL!",
      },
    };
    const e = excelError("#N/A", "regel: ukjent");
    expect(e).toBeInstanceOf(FakeError);
    expect(e).toMatchObject({ code: "#N/A", message: "regel: ukjent" });
    // and such an error passed back in as an argument propagates
    setRuleSetProvider(() => stubRuleSet());
    const out = F.egenandel([[e]], [["legevakt"]]);
    expect(out[0][0]).toMatchObject({
      code: "#N/A",
      message: "alder_eller_fodselsdato: cellen inneholder feilverdien #N/A",
    });
  });
});

describe("issue 14: new functions and rule files against rules/", () => {
  const real = loadRuleFolder(REAL_RULES);
  beforeAll(() => setRuleSetProvider(() => real));

  // 003 L30928–30930 (2025: 50 %, høyst 520 kr per resept), L30948–30952 (2026: 60 %, høyst 400 kr per utlevering), L30932 (under 16).
  test("BLARESEPT: the fee for a prescription (2025) or a dispensing (2026), children under 16 free", () => {
    expect(F.blaresept([[600], [2000]], [["2025-06-01"]], [[null]])).toEqual([[300], [520]]);
    expect(F.blaresept([[600], [2000]], [["01.01.2026"]], [[null]])).toEqual([[360], [400]]);
    expect(F.blaresept([[2000]], [[serial("2026-03-01")]], [[15], [16]])).toEqual([[0], [400]]);
    expect(F.blaresept([["to tusen"]], [["2026-03-01"]])[0][0]).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^pris:/),
    });
    expect(F.blaresept([[600]], [["2026-03-01"]], [["ung"]])[0][0]).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(/^alder:/),
    });
    expect(isError(F.blaresept([[600]], [["2024-12-31"]])[0][0])).toBe(true); // before the file's first date
  });

  // New rule files answer through TILSKUDD/REGEL with the document's printed figures.
  test("TILSKUDD and REGEL answer the new 2026 rule files", () => {
    expect(
      F.tilskudd(
        [["rhf-fordeling-2026"]],
        [["tiltak=poliklinikk-egenandel; rhf=helse-vest"]],
        [["2026-01-01"]],
        null as never,
        [["belop_mill"]],
      ),
    ).toEqual([[52.3]]); // L13002
    expect(
      F.tilskudd([["isf-andel"]], [["fagomrade=somatikk; belop=1000"]], [["2026-01-01"]], null as never, [["basis"]]),
    ).toEqual([[700]]); // L1509–1511
    expect(
      F.tilskudd([["lis1-stillinger"]], [[""]], [["2026-01-01"]], [["legeforeningen-2026"]], [["nye_stillinger"]]),
    ).toEqual([[30]]); // 000 L379–381
    expect(
      F.regel(
        [["effektiviseringskrav"]],
        [["del=underliggende-etater"]],
        [["2026-01-01"]],
        null as never,
        null as never,
      ),
    ).toEqual([[106]]); // L1968–1974
  });
});
