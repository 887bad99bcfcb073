/**
 * Property-based fuzz of every custom function (fixed seed): whatever Excel passes — scalars,
 * ranges, error cells, huge/negative/NaN numbers, odd text, far dates — the answer is a grid of
 * Excel values or Excel errors, never an exception, never a hang.
 */
import fc from "fast-check";
import { loadRuleFolder } from "../src/rules/load-folder";
import * as F from "../functions/functions";
import { setRuleSetProvider } from "../functions/rule-set";
import { REAL_RULES, stubRuleSet } from "./stubs/excel";

const SEED = 20260801;
const RUNS = 2000;

const weird = fc.constantFrom(
  "",
  " ",
  "31.13.2026",
  "2026-02-30",
  "29.02.2028",
  "01.01.1900",
  "9999-12-31",
  "2199-12-31",
  "NaN",
  "Infinity",
  "-0",
  "1e400",
  "1 438,1",
  "alder=17; tjeneste=legevakt",
  "alder=; tjeneste=",
  "=",
  ";;",
  "alder==1",
  "__proto__=1",
  "constructor=x",
  "rhf=helse-vest",
  "egenandel",
  "egenandelstak",
  "deflator",
  "postgruppe",
  "sykehus",
  "legevakt",
  "fastlege",
  "tsb",
  "yrkesskade",
  "hoy-vekst",
  "legeforeningen-2026",
  "alder",
  "tjeneste",
  "belop",
  "fra",
  "til",
  "ar",
  "betalt",
  "post",
  "kap",
  "gruppe",
  "grunn",
  "betaler",
  "ÆØÅ",
  "\u0000",
  "a".repeat(300),
);
const numbers = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.integer({ min: 2000, max: 2100 }),
  fc.integer({ min: 30000, max: 80000 }), // Excel date serials around now
  fc.double(), // includes NaN, ±Infinity, -0, subnormals
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 2958465, 2958466, 60, 0.5, 1e21, -1e-300),
);
const errorCell = fc.constantFrom(
  { error: "#DIV/0!" },
  { error: "#N/A" },
  { code: "#REF!" },
  { code: "#VALUE!", message: "x" },
  {},
  { type: "Entity" },
);
const cell = fc.oneof(numbers, fc.string({ maxLength: 30 }), weird, fc.boolean(), fc.constant(null), errorCell);
const matrix = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
/** An argument as Excel may pass it: a 1×1 range, a range, or (optional arguments) null. */
const arg = fc.oneof(
  cell.map((c) => [[c]]),
  matrix,
);
const optArg = fc.oneof(fc.constant(null), arg);

function checkGrid(out: unknown, entities = false): void {
  expect(Array.isArray(out)).toBe(true);
  const rows = out as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(Array.isArray(row) && row.length > 0).toBe(true);
    for (const v of row) {
      const ok =
        typeof v === "boolean" ||
        typeof v === "string" ||
        (typeof v === "number" && Number.isFinite(v)) ||
        (typeof v === "object" &&
          v !== null &&
          typeof (v as { error: unknown }).error === "string" &&
          (v as { error: string }).error.startsWith("#")) ||
        (entities &&
          typeof v === "object" &&
          v !== null &&
          (v as { type: unknown }).type === "Entity" &&
          typeof (v as { text: unknown }).text === "string");
      if (!ok) throw new Error(`not an Excel value: ${String(v)}`);
      if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(32767);
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFn = (...args: any[]) => unknown[][];
const cases: Array<[string, AnyFn, fc.Arbitrary<unknown[]>]> = [
  ["REGEL", F.regel, fc.tuple(arg, arg, optArg, optArg, optArg)],
  ["EGENANDEL", F.egenandel, fc.tuple(arg, arg, optArg, optArg, optArg)],
  ["EGENANDEL.GRUNN", F.egenandelGrunn, fc.tuple(arg, arg, optArg, optArg, optArg)],
  ["EGENANDELSTAK.GJENSTAR", F.egenandelstakGjenstar, fc.tuple(arg, arg, optArg)],
  ["DEFLATER", F.deflater, fc.tuple(arg, arg, arg, optArg)],
  ["POSTGRUPPE", F.postgruppe, fc.tuple(arg, optArg)],
  ["BLARESEPT", F.blaresept, fc.tuple(arg, optArg, optArg)],
  ["TILSKUDD", F.tilskudd, fc.tuple(arg, arg, optArg, optArg, optArg)],
  ["FORKLAR", F.forklar, fc.tuple(arg, arg, optArg, optArg)],
  ["FORKLAR.KORT", F.forklarKort, fc.tuple(arg, arg, optArg, optArg)],
];

describe.each([
  ["stub rules", () => stubRuleSet()],
  ["rules/", () => loadRuleFolder(REAL_RULES)],
])("fuzz with %s", (_label, load) => {
  const set = load();
  beforeAll(() => setRuleSetProvider(() => set));

  test.each(cases)("%s returns Excel values or errors and never throws", (name, fn, args) => {
    fc.assert(
      fc.property(args, (a) => {
        const out = fn(...a);
        checkGrid(out, name === "FORKLAR.KORT");
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test("domain functions on realistic values agree with REGEL for the same facts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 130 }),
        fc.constantFrom("fastlege", "legevakt", "psykolog", "tsb", "psykisk-helsevern"),
        fc.integer({ min: 36526, max: 55000 }),
        (age, service, date) => {
          if (!set.files.has("egenandel")) return;
          const viaDomain = F.egenandel([[age]], [[service]], [[date]])[0][0];
          const viaRegel = F.regel(
            [["egenandel"]],
            [
              ["alder", "tjeneste"],
              [age, service],
            ],
            [[date]],
            [[null]],
            [["betaler"]],
          )[0][0];
          expect(viaDomain).toEqual(viaRegel);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
