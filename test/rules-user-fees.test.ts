/**
 * The user-fee rule files (rules/user-fees/) and the scenarios (rules/scenarios/) load cleanly and
 * answer the example questions the same way through the compiled path and json-rules-engine.
 * Every expectation is taken from the seed text (line numbers in the comments), never from the engine.
 */
import * as path from "path";
import { loadRuleFolder } from "../src/rules/load-folder";
import { evaluate, Outcome } from "../src/engine/evaluate";
import { evaluateReference } from "../src/engine/reference";
import { runEmbeddedTests } from "../src/rules/run-tests";
import { ruleFileName } from "./helpers/rule-file";

const RULES = path.join(__dirname, "..", "rules");
const set = loadRuleFolder(RULES);
const MINE = [
  ["user-fees", "egenandel"],
  ["user-fees", "egenandelstak"],
  ["user-fees", "blaresept"],
  ["user-fees", "tannhelse-unge-voksne"],
  ["scenarios", "legeforeningen-2026"],
  ["scenarios", "regjeringen-meld-st-23"],
].map(([folder, id]) => ruleFileName(folder, id));

type Q = { facts: Record<string, unknown>; date: string; scenario?: string };

function resultOf(o: Outcome): unknown {
  if (!o.ok) throw new Error(`evaluering feilet: ${o.error.message}`);
  return o.value.result;
}

/** Asserts both engines give `expected` and returns nothing; a failure names the engine. */
async function both(id: string, q: Q, expected: Record<string, unknown>): Promise<void> {
  const compiled = resultOf(evaluate(set, id, q, { trace: true }));
  const reference = resultOf(await evaluateReference(set, id, q));
  expect({ engine: "compiled", result: compiled }).toEqual({ engine: "compiled", result: expected });
  expect({ engine: "json-rules-engine", result: reference }).toEqual({ engine: "json-rules-engine", result: expected });
}

describe("user-fee rule files and scenarios load", () => {
  test("no load problems in my files", () => {
    const mine = set.problems.filter((p) => MINE.some((m) => p.file.endsWith(m)));
    expect(mine).toEqual([]);
  });
  test("ids are present", () => {
    expect(set.files.has("egenandel")).toBe(true);
    expect(set.files.has("egenandelstak")).toBe(true);
    expect(set.scenarios.has("legeforeningen-2026")).toBe(true);
    expect(set.scenarios.has("regjeringen-meld-st-23")).toBe(true);
  });
  test("embedded tests of egenandel and egenandelstak pass on both engines", async () => {
    const results = (await runEmbeddedTests(set)).filter(
      (r) => r.ruleFile === "egenandel" || r.ruleFile === "egenandelstak",
    );
    expect(results.length).toBeGreaterThan(100);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });
});

describe("egenandel (Prop. 1 S 2025–2026)", () => {
  // 003 L1823–1825: age limit rises «16 til 18 år fra 1. august 2026».
  test("17 at legevakt pays on 2026-07-31", () =>
    both(
      "egenandel",
      { date: "2026-07-31", facts: { alder: 17, tjeneste: "legevakt" } },
      { betaler: true, grunn: "ingen-fritak" },
    ));
  test("17 at legevakt exempt on 2026-08-01", () =>
    both(
      "egenandel",
      { date: "2026-08-01", facts: { alder: 17, tjeneste: "legevakt" } },
      { betaler: false, grunn: "ung-fastlege-legevakt" },
    ));
  test("16 at fastlege exempt on 2026-08-01", () =>
    both(
      "egenandel",
      { date: "2026-08-01", facts: { alder: 16, tjeneste: "fastlege" } },
      { betaler: false, grunn: "ung-fastlege-legevakt" },
    ));
  // 003 L31330: «Behandling av barn under 16 år».
  test("15 exempt", () =>
    both(
      "egenandel",
      { date: "2026-03-01", facts: { alder: 15, tjeneste: "fastlege" } },
      { betaler: false, grunn: "under-16" },
    ));
  test("18 pays after 2026-08-01", () =>
    both(
      "egenandel",
      { date: "2026-08-01", facts: { alder: 18, tjeneste: "fastlege" } },
      { betaler: true, grunn: "ingen-fritak" },
    ));
  test("age derived from fodselsdato: day before / on 18th birthday", async () => {
    await both(
      "egenandel",
      { date: "2026-09-14", facts: { fodselsdato: "2008-09-15", tjeneste: "legevakt" } },
      { betaler: false, grunn: "ung-fastlege-legevakt" },
    );
    await both(
      "egenandel",
      { date: "2026-09-15", facts: { fodselsdato: "2008-09-15", tjeneste: "legevakt" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
  });
  // 003 L13412–13415 / L24727–24728: PHV/TSB «til og med 25 år (inntil fylte 26 år)» from 1.1.2025.
  test("PHV 25 exempt, TSB 26 pays", async () => {
    await both(
      "egenandel",
      { date: "2026-01-01", facts: { alder: 25, tjeneste: "psykisk-helsevern" } },
      { betaler: false, grunn: "ung-phv-tsb" },
    );
    await both(
      "egenandel",
      { date: "2026-01-01", facts: { alder: 26, tjeneste: "tsb" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
  });
  // 003 L30346–30352: psykolog «t.o.m. fylte 26 år» (read literally: ≤ 26), hiv.
  test("psykolog 26 exempt, 27 pays, hiv exempt", async () => {
    await both(
      "egenandel",
      { date: "2026-01-01", facts: { alder: 26, tjeneste: "psykolog" } },
      { betaler: false, grunn: "ung-psykoterapi" },
    );
    await both(
      "egenandel",
      { date: "2026-01-01", facts: { alder: 27, tjeneste: "psykolog" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
    await both(
      "egenandel",
      { date: "2026-01-01", facts: { alder: 40, tjeneste: "psykolog", fritaksgrunn: "hiv" } },
      { betaler: false, grunn: "hiv" },
    );
  });
  // 003 L31400–31407: «inntil to oppfølgingssamtaler med egenandelsfritak».
  test("abortion follow-up: 2nd exempt, 3rd pays", async () => {
    await both(
      "egenandel",
      {
        date: "2026-03-01",
        facts: { alder: 30, tjeneste: "fastlege", fritaksgrunn: "oppfolging-abort", oppfolgingssamtale: 2 },
      },
      { betaler: false, grunn: "oppfolging-abort" },
    );
    await both(
      "egenandel",
      {
        date: "2026-03-01",
        facts: { alder: 30, tjeneste: "fastlege", fritaksgrunn: "oppfolging-abort", oppfolgingssamtale: 3 },
      },
      { betaler: true, grunn: "ingen-fritak" },
    );
  });
  test("a ground the seed does not list for the service is an error on both engines, not a guess", async () => {
    const q = { date: "2026-01-01", facts: { alder: 40, tjeneste: "fastlege", fritaksgrunn: "hiv" } };
    const a = evaluate(set, "egenandel", q);
    const b = await evaluateReference(set, "egenandel", q);
    expect(a.ok).toBe(false);
    expect(b.ok).toBe(false);
  });
});

describe("egenandelstak", () => {
  // 003 L31129–31131: 2025 tak 3 278 kr; L31099 / L31174–31175: 2026 tak 3 406 kr. One dated parameter, asked in the year.
  test.each(["2025-01-01", "2025-06-30", "2025-12-31"])("ar=2025 betalt=1000 gives tak 3278 on %s", (date) =>
    both(
      "egenandelstak",
      { date, facts: { ar: 2025, betalt: 1000 } },
      { tak: "3278", teller: "1000", teller_ikke: "0", gjenstar: "2278", frikort: false },
    ),
  );
  test("2026: tak 3406, frikort when reached", async () => {
    await both(
      "egenandelstak",
      { date: "2026-08-01", facts: { ar: 2026, betalt: "3405,5" } },
      { tak: "3406", teller: "3405.5", teller_ikke: "0", gjenstar: "0.5", frikort: false },
    );
    await both(
      "egenandelstak",
      { date: "2026-08-01", facts: { ar: 2026, betalt: 3406 } },
      { tak: "3406", teller: "3406", teller_ikke: "0", gjenstar: "0", frikort: true },
    );
  });
  test("a year asked on a date in another year is an error on both engines, never the other year's cap", async () => {
    for (const q of [
      { date: "2026-08-01", facts: { ar: 2025, betalt: 0 } },
      { date: "2025-08-01", facts: { ar: 2026, betalt: 0 } },
    ]) {
      expect(evaluate(set, "egenandelstak", q).ok).toBe(false);
      expect((await evaluateReference(set, "egenandelstak", q)).ok).toBe(false);
    }
  });
  // 003 L31118–31127: the services whose fees count; L13013–13015: the no-show fee does not.
  test("payments by service: only the listed services count", async () => {
    const listed = {
      legehjelp: 300,
      psykologhjelp: 300,
      poliklinikk: 300,
      blaresept: 300,
      pasientreiser: 300,
      fysioterapi: 300,
      tannbehandling: 300,
      opptrening: 300,
      behandlingsreiser: 300,
    };
    await both(
      "egenandelstak",
      { date: "2026-06-01", facts: { ar: 2026, ...listed, gebyr: 1772, annet: 500 } },
      { tak: "3406", teller: "2700", teller_ikke: "2272", gjenstar: "706", frikort: false },
    );
  });
  test("no year-key parameters (tak_ÅÅÅÅ) or 1900 dates remain in any rule file", () => {
    for (const f of set.files.values()) {
      for (const [name, p] of Object.entries(f.file.parameters)) {
        expect({ file: f.file.id, name, yearKey: /_(19|20)\d\d$/.test(name) }).toEqual({
          file: f.file.id,
          name,
          yearKey: false,
        });
        expect({ file: f.file.id, name, from: p.values[0].from < "2000-01-01" }).toEqual({
          file: f.file.id,
          name,
          from: false,
        });
      }
    }
  });
});

describe("scenario legeforeningen-2026 (000 L465, L467–469)", () => {
  test("a 19-year-old at fastlege pays under the government proposal, is exempt under legeforeningen-2026", async () => {
    const q = { date: "2026-09-01", facts: { alder: 19, tjeneste: "fastlege" } };
    await both("egenandel", q, { betaler: true, grunn: "ingen-fritak" });
    await both(
      "egenandel",
      { ...q, scenario: "legeforeningen-2026" },
      { betaler: false, grunn: "ung-fastlege-legevakt" },
    );
  });
  test("20 exempt and 21 pays under the scenario («til og med 20 år»)", async () => {
    await both(
      "egenandel",
      { date: "2026-02-01", scenario: "legeforeningen-2026", facts: { alder: 20, tjeneste: "legevakt" } },
      { betaler: false, grunn: "ung-fastlege-legevakt" },
    );
    await both(
      "egenandel",
      { date: "2026-02-01", scenario: "legeforeningen-2026", facts: { alder: 21, tjeneste: "legevakt" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
  });
  test("before the scenario's start (2026-01-01) the base limit 16 holds", () =>
    both(
      "egenandel",
      { date: "2025-12-31", scenario: "legeforeningen-2026", facts: { alder: 19, tjeneste: "fastlege" } },
      { betaler: true, grunn: "ingen-fritak" },
    ));
  test("tak 2026: 3406 (government) vs 3278 (frozen at the 2025 level)", async () => {
    await both(
      "egenandelstak",
      { date: "2026-08-01", facts: { ar: 2026, betalt: 0 } },
      { tak: "3406", teller: "0", teller_ikke: "0", gjenstar: "3406", frikort: false },
    );
    await both(
      "egenandelstak",
      { date: "2026-08-01", scenario: "legeforeningen-2026", facts: { ar: 2026, betalt: 0 } },
      { tak: "3278", teller: "0", teller_ikke: "0", gjenstar: "3278", frikort: false },
    );
    await both(
      "egenandelstak",
      { date: "2025-03-01", scenario: "legeforeningen-2026", facts: { ar: 2025, betalt: 0 } },
      { tak: "3278", teller: "0", teller_ikke: "0", gjenstar: "3278", frikort: false },
    );
  });
  test("trace marks the scenario's parameter", () => {
    const o = evaluate(
      set,
      "egenandel",
      { date: "2026-09-01", scenario: "legeforeningen-2026", facts: { alder: 19, tjeneste: "fastlege" } },
      { trace: true },
    );
    if (!o.ok) throw new Error(o.error.message);
    const p = o.value.trace!.parameters.find((x) => x.name === "aldersgrense_allmennlege");
    expect(p).toMatchObject({ value: 21, scenario: "legeforeningen-2026", from: "2026-01-01" });
  });
});

describe("scenario regjeringen-meld-st-23 (001 L1344–1346)", () => {
  test("18 exempt, 19 pays from 2026-08-01", async () => {
    await both(
      "egenandel",
      { date: "2026-08-01", scenario: "regjeringen-meld-st-23", facts: { alder: 18, tjeneste: "fastlege" } },
      { betaler: false, grunn: "ung-fastlege-legevakt" },
    );
    await both(
      "egenandel",
      { date: "2026-08-01", scenario: "regjeringen-meld-st-23", facts: { alder: 19, tjeneste: "fastlege" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
  });
});

describe("issue 14: user-fee rules the documents state (seed 003)", () => {
  test("blaresept, tannhelse-unge-voksne load and their embedded tests pass on both engines", async () => {
    expect(set.problems.filter((p) => /blaresept|tannhelse-unge-voksne/.test(p.file))).toEqual([]);
    const results = (await runEmbeddedTests(set)).filter(
      (r) => r.ruleFile === "blaresept" || r.ruleFile === "tannhelse-unge-voksne",
    );
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });
  // L30928–30930: 2025 «50 pst., men maksimalt 520 kroner per resept»; L30948–30952: from 1.1.2026 «60 pst., men maksimalt 400 kroner per utlevering».
  test("blå resept: 50 %/520 kr per resept in 2025, 60 %/400 kr per utlevering from 2026-01-01", async () => {
    await both(
      "blaresept",
      { date: "2025-12-31", facts: { pris: 800 } },
      { egenandel: "400", grunn: "ingen-fritak", per: "resept", inngar_i_frikort: true },
    );
    await both(
      "blaresept",
      { date: "2025-12-31", facts: { pris: 1200 } },
      { egenandel: "520", grunn: "ingen-fritak", per: "resept", inngar_i_frikort: true },
    );
    await both(
      "blaresept",
      { date: "2026-01-01", facts: { pris: 500 } },
      { egenandel: "300", grunn: "ingen-fritak", per: "utlevering", inngar_i_frikort: true },
    );
    await both(
      "blaresept",
      { date: "2026-01-01", facts: { pris: 800 } },
      { egenandel: "400", grunn: "ingen-fritak", per: "utlevering", inngar_i_frikort: true },
    );
  });
  // L30932: «Barn under 16 år betaler ikke egenandel.»
  test("blå resept: children under 16 pay nothing, age from a birth date too", async () => {
    await both(
      "blaresept",
      { date: "2026-05-09", facts: { pris: 800, fodselsdato: "2010-05-10" } },
      { egenandel: "0", grunn: "under-16", per: "utlevering", inngar_i_frikort: false },
    );
    await both(
      "blaresept",
      { date: "2026-05-10", facts: { pris: 800, fodselsdato: "2010-05-10" } },
      { egenandel: "400", grunn: "ingen-fritak", per: "utlevering", inngar_i_frikort: true },
    );
  });
  // L24727–24728: the under-26 exemption «er innført fra 1. januar 2025»; before it the old rule (under 18, see the file's interpretation).
  test("PHV/TSB before 2025-01-01: the old rule, not an error naming another parameter", async () => {
    await both(
      "egenandel",
      { date: "2024-12-31", facts: { alder: 17, tjeneste: "tsb" } },
      { betaler: false, grunn: "ung-phv-tsb" },
    );
    await both(
      "egenandel",
      { date: "2024-12-31", facts: { alder: 18, tjeneste: "psykisk-helsevern" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
    await both(
      "egenandel",
      { date: "2025-01-01", facts: { alder: 18, tjeneste: "psykisk-helsevern" } },
      { betaler: false, grunn: "ung-phv-tsb" },
    );
  });
  // L31515–31519 (fysioterapi), L30424–30426 (tannbehandling), L34719–34722 (19–28, 75 %), L2871–2874 (bedøvelse/bandasjer under 16 from 1.7.2025).
  test("every service the documents name is known; an unknown one is still rejected", async () => {
    await both(
      "egenandel",
      { date: "2026-03-01", facts: { alder: 40, tjeneste: "fysioterapi" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
    await both(
      "egenandel",
      { date: "2026-03-01", facts: { alder: 40, tjeneste: "tannbehandling" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
    await both(
      "egenandel",
      { date: "2026-03-01", facts: { alder: 24, tjeneste: "offentlig-tannhelse" } },
      { betaler: true, grunn: "ung-voksen-75-pst" },
    );
    await both(
      "egenandel",
      { date: "2025-06-30", facts: { alder: 12, tjeneste: "bedovelse" } },
      { betaler: true, grunn: "ingen-fritak" },
    );
    await both(
      "egenandel",
      { date: "2025-07-01", facts: { alder: 12, tjeneste: "bedovelse" } },
      { betaler: false, grunn: "under-16-bedovelse-bandasje" },
    );
    await both(
      "egenandel",
      { date: "2025-07-01", facts: { alder: 12, tjeneste: "bandasjemateriell" } },
      { betaler: false, grunn: "under-16-bedovelse-bandasje" },
    );
    const q = { date: "2026-03-01", facts: { alder: 40, tjeneste: "kiropraktor" } };
    const a = evaluate(set, "egenandel", q);
    expect(a.ok ? null : a.error.message).toMatch(/tjeneste: forventet en av .*fysioterapi.*bedovelse/);
    expect((await evaluateReference(set, "egenandel", q)).ok).toBe(false);
  });
  test("offentlig tannhelse: 75 % of the cost covered for 19–28", async () => {
    await both(
      "tannhelse-unge-voksne",
      { date: "2026-03-01", facts: { alder: 25, utgift: 2000 } },
      { dekningsandel: "0.75", dekket: "1500", egenbetaling: "500" },
    );
  });
});
