/** Issue 2 "done when": dated parameters, exact formulas, rounding, strict facts and dates, hit policy, age, trace. */
import { loadRuleSet } from "../src/rules/loader";
import { evaluate, Outcome } from "../src/engine/evaluate";
import { contentHash } from "../src/rules/content-hash";
import { ageOn } from "../src/util/dates";

const SOURCES = {
  "prop-2.9": {
    document: "Prop. 1 S (2025–2026) HOD",
    section: "2.9",
    seed: "003_82c1b6682bf832eb.txt",
    lines: [611, 613],
  },
  "prop-4.1": {
    document: "Prop. 1 S (2025–2026) HOD",
    section: "4.1",
    seed: "004_0123456789abcdef.txt",
    lines: [10, 12],
    page: "42",
  },
};

type Json = Record<string, unknown>;

/** A small valid rule file; `over` replaces top-level keys. */
function ruleFile(over: Json = {}): Json {
  return {
    id: "kjerne",
    title: "Kjernetest",
    domain: "user-fee",
    version: "2.3.4",
    sources: SOURCES,
    facts: {
      alder: { type: "integer", description: "Alder i hele år", min: 0, max: 130, derive: { ageFrom: "fodselsdato" } },
      fodselsdato: { type: "date", description: "Fødselsdato", optional: true },
      belop: { type: "decimal", description: "Beløp i kroner", optional: true },
      tillegg: { type: "decimal", description: "Tillegg i kroner", optional: true },
      startdato: { type: "date", description: "Startdato", optional: true },
    },
    parameters: {
      aldersgrense: {
        description: "Aldersgrense",
        unit: "år",
        source: "prop-2.9",
        values: [
          { from: "2000-01-01", value: 16 },
          { from: "2026-08-01", value: 18, source: "prop-4.1" },
        ],
        continues: { source: "prop-4.1" }, // a standing rule: the leap-year ages below are asked in 2028 and 2100
      },
      vekst: {
        description: "Vekst",
        source: "prop-2.9",
        values: [
          { from: "2024-01-01", value: 0.041 },
          { from: "2025-01-01", value: 0.036 },
          { from: "2026-01-01", value: 0.032 },
        ],
      },
    },
    rules: [
      {
        name: "under-grensen",
        source: "prop-2.9",
        conditions: { all: [{ fact: "alder", operator: "lessThan", value: { fact: "aldersgrense" } }] },
        event: { type: "fritatt", params: { betaler: false } },
      },
    ],
    otherwise: { params: { betaler: true }, source: "prop-4.1" },
    formulas: { grense: "aldersgrense", alder_ut: "alder" },
    outputs: {
      betaler: { type: "boolean", description: "Betaler" },
      grense: { type: "integer", description: "Aldersgrensen i kraft" },
      alder_ut: { type: "integer", description: "Alder" },
    },
    tests: [{ name: "t", date: "2026-08-01", facts: { alder: 17 }, expect: { betaler: false }, source: "prop-2.9" }],
    ...over,
  };
}

function load(file: Json, path = "rules/user-fees/kjerne.json") {
  const text = JSON.stringify(file, null, 2);
  const set = loadRuleSet([{ path, text }]);
  expect(set.problems).toEqual([]);
  return { set, text };
}

function ok(o: Outcome) {
  if (!o.ok) throw new Error(`forventet svar, fikk feil: ${o.error.message}`);
  return o.value;
}

function err(o: Outcome) {
  if (o.ok) throw new Error(`forventet feil, fikk ${JSON.stringify(o.value.result)}`);
  return o.error;
}

describe("dated parameters", () => {
  const { set } = load(ruleFile());
  it.each([
    ["2026-07-31", 16],
    ["2026-08-01", 18],
    ["2026-08-02", 18],
    ["31.07.2026", 16],
  ])("on %s aldersgrense is %d", (date, expected) => {
    const v = ok(evaluate(set, "kjerne", { facts: { alder: 17 }, date }, { trace: true }));
    expect((v.result as Json).grense).toBe(expected);
    expect((v.result as Json).betaler).toBe(expected === 16);
    const used = v.trace!.parameters.find((p) => p.name === "aldersgrense")!;
    expect(used.from).toBe(expected === 16 ? "2000-01-01" : "2026-08-01");
    expect(used.source).toBe(expected === 16 ? "prop-2.9" : "prop-4.1");
  });
  it("a date before the first entry is an error naming the parameter", () => {
    const e = err(evaluate(set, "kjerne", { facts: { alder: 17 }, date: "1999-12-31" }));
    expect(e.code).toBe("no-parameter-value");
    expect(e.message).toContain("aldersgrense");
    expect(e.message).toContain("2000-01-01");
  });
});

describe("exact formulas", () => {
  const file = ruleFile({
    formulas: {
      sum: "belop + tillegg",
      indeksert: "belop * 1.041 * 1.036 * 1.032",
      kjedet: 'belop * kjede("vekst", 2023, 2026)',
      tilbake: 'kjede("vekst", 2026, 2024)',
      delt: "belop / tillegg",
    },
    outputs: {
      betaler: { type: "boolean", description: "Betaler" },
      sum: { type: "decimal", description: "sum" },
      indeksert: { type: "decimal", description: "indeksert" },
      kjedet: { type: "decimal", description: "kjedet" },
      tilbake: { type: "decimal", description: "tilbake" },
      delt: { type: "decimal", description: "delt" },
    },
  });
  const { set } = load(file);
  it("0.1 + 0.2 kroner is exactly 0.3, and ×1.041×1.036×1.032 is the exact decimal", () => {
    const r = ok(evaluate(set, "kjerne", { facts: { alder: 40, belop: "0,1", tillegg: 0.2 }, date: "2026-08-01" }))
      .result as Json;
    expect(r.sum).toBe("0.3");
    expect(r.indeksert).toBe("0.1112987232");
    expect(r.kjedet).toBe("0.1112987232");
  });
  it("chained percentage adjustments on a kroner amount are exact", () => {
    const r = ok(evaluate(set, "kjerne", { facts: { alder: 40, belop: "1 000", tillegg: "3" }, date: "2026-08-01" }))
      .result as Json;
    expect(r.indeksert).toBe("1112.987232");
    expect(r.kjedet).toBe("1112.987232");
    expect(r.sum).toBe("1003");
    expect(r.delt).toMatch(/^333\.3333333333/);
  });
  it("division by zero is a clear error, never Infinity", () => {
    const e = err(evaluate(set, "kjerne", { facts: { alder: 40, belop: 1, tillegg: 0 }, date: "2026-08-01" }));
    expect(e.code).toBe("formula");
    expect(e.message).toContain("delt");
    expect(e.message).toContain("deling på null");
    expect(e.message).not.toMatch(/Infinity|NaN/);
  });
  it("a missing input is an error naming the formula", () => {
    const e = err(evaluate(set, "kjerne", { facts: { alder: 40, belop: 1 }, date: "2026-08-01" }));
    expect(e.code).toBe("formula");
    expect(e.message).toContain("sum");
  });
});

describe("rounding: half away from zero", () => {
  const file = ruleFile({
    formulas: {
      r0: { expr: "belop", round: 0 },
      r2: { expr: "belop", round: 2 },
      fn0: "round(belop)",
      fn2: "round(belop, 2)",
    },
    outputs: {
      betaler: { type: "boolean", description: "Betaler" },
      r0: { type: "decimal", description: "r0" },
      r2: { type: "decimal", description: "r2" },
      fn0: { type: "decimal", description: "fn0" },
      fn2: { type: "decimal", description: "fn2" },
    },
  });
  const { set } = load(file);
  it.each([
    ["2.5", "3", "2.5"],
    ["-2.5", "-3", "-2.5"],
    ["0.125", "0", "0.13"],
    ["-0.125", "0", "-0.13"],
    ["1.005", "1", "1.01"],
    ["0.5", "1", "0.5"],
    ["-0.5", "-1", "-0.5"],
    ["1234567.455", "1234567", "1234567.46"],
  ])("%s → %s (0 decimals), %s (2 decimals)", (input, r0, r2) => {
    const r = ok(evaluate(set, "kjerne", { facts: { alder: 40, belop: input }, date: "2026-08-01" })).result as Json;
    expect(r.r0).toBe(r0);
    expect(r.r2).toBe(r2);
    // mathjs's round() inside a formula follows the same rule
    expect(r.fn0).toBe(r0);
    expect(r.fn2).toBe(r2);
  });
});

describe("facts are strict: json-rules-engine's silent fallbacks are errors", () => {
  const { set } = load(ruleFile());
  it.each([["x"], ["17.5"], [17.5], [true], [[17]], [{}], [Number.NaN], [Infinity], ["1e1"]])(
    "alder = %p is an error naming alder",
    (alder) => {
      const e = err(evaluate(set, "kjerne", { facts: { alder }, date: "2026-08-01" }));
      expect(e.code).toBe("bad-fact");
      expect(e.field).toBe("alder");
      expect(e.message).toMatch(/^alder: /);
    },
  );
  it("out of range is an error naming alder", () => {
    const e = err(evaluate(set, "kjerne", { facts: { alder: -1 }, date: "2026-08-01" }));
    expect(e.field).toBe("alder");
    expect(e.message).toContain("minst 0");
  });
  it("an unknown fact is an error, not ignored", () => {
    const e = err(evaluate(set, "kjerne", { facts: { alder: 3, aldr: 4 }, date: "2026-08-01" }));
    expect(e.code).toBe("unknown-fact");
    expect(e.message).toContain("aldr");
  });
  it("a missing required fact is an error naming it", () => {
    const e = err(evaluate(set, "kjerne", { facts: {}, date: "2026-08-01" }));
    expect(e.code).toBe("missing-fact");
    expect(e.message).toContain("alder");
  });
  it("inherited properties are not facts (prototype tricks)", () => {
    const proto = Object.create({ alder: 3 });
    const e = err(evaluate(set, "kjerne", { facts: proto, date: "2026-08-01" }));
    expect(e.code).toBe("missing-fact");
    const polluted = JSON.parse('{"alder": 40, "__proto__": {"belop": "5"}}');
    const e2 = err(evaluate(set, "kjerne", { facts: polluted, date: "2026-08-01" }));
    expect(e2.code).toBe("unknown-fact");
    expect(e2.message).toContain("__proto__");
  });
});

describe("dates", () => {
  const file = ruleFile({
    rules: [
      {
        name: "fra-september",
        source: "prop-2.9",
        conditions: { all: [{ fact: "startdato", operator: "dateOnOrAfter", value: "2026-09-01" }] },
        event: { type: "x", params: { betaler: false } },
      },
    ],
  });
  const { set } = load(file);
  it("01.09.2026 is 1 September 2026 (a fact and the question date)", () => {
    const v = ok(
      evaluate(set, "kjerne", { facts: { alder: 40, startdato: "01.09.2026" }, date: "01.09.2026" }, { trace: true }),
    );
    expect(v.trace!.date).toBe("2026-09-01");
    expect(v.trace!.facts.startdato).toBe("2026-09-01");
    expect((v.result as Json).betaler).toBe(false);
    const before = ok(evaluate(set, "kjerne", { facts: { alder: 40, startdato: "31.08.2026" }, date: "2026-09-01" }));
    expect((before.result as Json).betaler).toBe(true);
  });
  it.each(["31.13.2026", "2026-02-30", "2026-13-01", "30.02.2026", "2026-2-3", "1/9/2026", "", "i morgen"])(
    "fact startdato %p is an error naming startdato",
    (d) => {
      const o = evaluate(set, "kjerne", { facts: { alder: 40, startdato: d }, date: "2026-09-01" });
      if (d === "") {
        // empty = not given; startdato is optional, so the condition is simply false
        expect(ok(o).result).toEqual({ betaler: true, grense: 18, alder_ut: 40 });
        return;
      }
      const e = err(o);
      expect(e.code).toBe("bad-fact");
      expect(e.field).toBe("startdato");
      expect(e.message).toContain("startdato");
    },
  );
  it.each(["31.13.2026", "2026-02-30", "2026-09-01T00:00:00Z", 46000, null, ""])(
    "question date %p is an error naming dato",
    (date) => {
      const e = err(evaluate(set, "kjerne", { facts: { alder: 40 }, date }));
      expect(e.code).toBe("bad-date");
      expect(e.field).toBe("dato");
    },
  );
});

describe("hit policy", () => {
  const file = ruleFile({
    rules: [
      {
        name: "voksen",
        source: "prop-2.9",
        conditions: { all: [{ fact: "alder", operator: "greaterThanInclusive", value: 18 }] },
        event: { type: "x", params: { betaler: true } },
      },
      {
        name: "pensjonist",
        source: "prop-2.9",
        conditions: { all: [{ fact: "alder", operator: "greaterThanInclusive", value: 67 }] },
        event: { type: "x", params: { betaler: false } },
      },
    ],
  });
  it("unique with two rules firing is an error naming both", () => {
    const { set } = load(file);
    const e = err(evaluate(set, "kjerne", { facts: { alder: 70 }, date: "2026-08-01" }));
    expect(e.code).toBe("overlap");
    expect(e.message).toContain("«voksen»");
    expect(e.message).toContain("«pensjonist»");
    expect(ok(evaluate(set, "kjerne", { facts: { alder: 30 }, date: "2026-08-01" })).result).toMatchObject({
      betaler: true,
    });
  });
  it("first picks by priority; without otherwise, no rule firing is an error", () => {
    const f = ruleFile({ ...file, hitPolicy: "first", otherwise: undefined });
    (f.rules as Json[])[1].priority = 5;
    const { set } = load(f);
    expect(ok(evaluate(set, "kjerne", { facts: { alder: 70 }, date: "2026-08-01" })).result).toMatchObject({
      betaler: false,
    });
    const e = err(evaluate(set, "kjerne", { facts: { alder: 10 }, date: "2026-08-01" }));
    expect(e.code).toBe("no-rule-fired");
  });
});

describe("age from birth date", () => {
  const { set } = load(ruleFile());
  const age = (born: string, date: string) =>
    (ok(evaluate(set, "kjerne", { facts: { fodselsdato: born }, date })).result as Json).alder_ut;
  it("birthday the day before, on and after", () => {
    expect(age("2010-08-02", "2026-08-01")).toBe(15); // birthday tomorrow
    expect(age("2010-08-01", "2026-08-01")).toBe(16); // birthday today
    expect(age("2010-07-31", "2026-08-01")).toBe(16); // birthday yesterday
    expect(age("01.08.2010", "01.08.2026")).toBe(16);
  });
  it("29 February births: a year older on 1 March in non-leap years, on 29 February in leap years", () => {
    expect(age("2008-02-29", "2026-02-28")).toBe(17);
    expect(age("2008-02-29", "2026-03-01")).toBe(18);
    expect(age("2008-02-29", "2028-02-28")).toBe(19);
    expect(age("2008-02-29", "2028-02-29")).toBe(20);
    expect(ageOn("2008-02-29", "2008-02-29")).toBe(0);
    expect(ageOn("2000-02-29", "2100-02-28")).toBe(99); // 2100 is not a leap year
    expect(ageOn("2000-02-29", "2100-03-01")).toBe(100);
  });
  it("derived age is used by the conditions and traced", () => {
    const v = ok(
      evaluate(set, "kjerne", { facts: { fodselsdato: "2010-08-02" }, date: "2026-08-01" }, { trace: true }),
    );
    expect((v.result as Json).betaler).toBe(false); // 15 < 18
    expect(v.trace!.derivedFacts).toEqual([
      { name: "alder", value: 15, from: "fodselsdato", how: expect.stringContaining("2010-08-02") },
    ]);
  });
  it("birth after the question date, or age contradicting birth date, is an error", () => {
    expect(err(evaluate(set, "kjerne", { facts: { fodselsdato: "2026-08-02" }, date: "2026-08-01" })).field).toBe(
      "fodselsdato",
    );
    expect(
      err(evaluate(set, "kjerne", { facts: { fodselsdato: "2010-08-02", alder: 16 }, date: "2026-08-01" })).field,
    ).toBe("alder");
  });
});

describe("trace", () => {
  const file = ruleFile({
    formulas: {
      grense: "aldersgrense",
      alder_ut: "alder",
      indeks: { expr: 'belop * kjede("vekst", 2024, 2026)', round: 2 },
    },
    outputs: {
      betaler: { type: "boolean", description: "Betaler" },
      grense: { type: "integer", description: "g" },
      alder_ut: { type: "integer", description: "a" },
      indeks: { type: "decimal", description: "i" },
    },
  });
  const { set, text } = load(file);
  const v = ok(evaluate(set, "kjerne", { facts: { alder: 17, belop: "100" }, date: "2026-08-01" }, { trace: true }));
  const t = v.trace!;
  it("names the rule file with id, version and content hash (of the parsed content: rules/README.md)", () => {
    expect(v.ruleFile).toEqual({ id: "kjerne", version: "2.3.4", hash: contentHash(JSON.parse(text)) });
    expect(t.ruleFile).toMatchObject({
      id: "kjerne",
      version: "2.3.4",
      hash: contentHash(JSON.parse(text)),
      path: "rules/user-fees/kjerne.json",
      domain: "user-fee",
    });
    expect(t.date).toBe("2026-08-01");
  });
  it("lists parameter entries with their from dates and sources", () => {
    expect(t.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "aldersgrense", value: 18, from: "2026-08-01", source: "prop-4.1" }),
        expect.objectContaining({ name: "vekst", value: 0.032, from: "2026-01-01", source: "prop-2.9" }),
      ]),
    );
  });
  it("records every condition with the fact value it saw", () => {
    expect(t.rules).toHaveLength(1);
    expect(t.rules[0]).toMatchObject({ name: "under-grensen", fired: true, source: "prop-2.9" });
    const leaf = t.rules[0].conditions.children![0];
    expect(leaf).toMatchObject({
      kind: "fact",
      fact: "alder",
      operator: "lessThan",
      factValue: 17,
      value: 18,
      valueFrom: "aldersgrense",
      result: true,
    });
    expect(t.selected).toEqual(["under-grensen"]);
  });
  it("records formula inputs and the series read by kjede()", () => {
    const f = t.formulas.find((x) => x.name === "indeks")!;
    expect(f.inputs).toEqual({ belop: "100" });
    expect(f.value).toBe("106.92"); // 100 × 1.036 × 1.032 = 106.9152 → 106.92
    expect(f.round).toBe(2);
    expect(f.series!.map((s) => [s.from, s.value])).toEqual([
      ["2025-01-01", 0.036],
      ["2026-01-01", 0.032],
    ]);
    expect(t.formulas.find((x) => x.name === "grense")).toMatchObject({ inputs: { aldersgrense: "18" }, value: "18" });
  });
  it("cites sources with seed file and line range", () => {
    expect(t.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: "prop-2.9",
          seed: "003_82c1b6682bf832eb.txt",
          lines: [611, 613],
          section: "2.9",
        }),
        expect.objectContaining({ key: "prop-4.1", seed: "004_0123456789abcdef.txt", lines: [10, 12], page: "42" }),
      ]),
    );
  });
  it("the otherwise path is traced as such", () => {
    const o = ok(evaluate(set, "kjerne", { facts: { alder: 40, belop: "1" }, date: "2026-08-01" }, { trace: true }));
    expect(o.trace!.selected).toEqual(["otherwise"]);
    expect(o.trace!.rules[0]).toMatchObject({ fired: false });
    expect(o.trace!.sources.map((s) => s.key)).toContain("prop-4.1");
  });
});
