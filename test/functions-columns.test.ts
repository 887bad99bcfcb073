/**
 * Issue 15: EGENANDEL asks the core with argument columns (grid.ts argColumns, questions.ts
 * egenandelQuestions, run.ts answerColumns) instead of one question per cell. A range must give, cell
 * for cell, what the same cell gives alone, broadcast as mapGrid broadcasts (mapGrid is the oracle here),
 * and every single cell what evaluate() gives for its facts.
 */
import * as F from "../functions/functions";
import { mapGrid } from "../functions/grid";
import { setRuleSetProvider } from "../functions/rule-set";
import { evaluate } from "../src/engine/evaluate";
import { loadRuleFolder } from "../src/rules/load-folder";
import { errorCell, REAL_RULES, serial } from "./stubs/excel";

const real = loadRuleFolder(REAL_RULES);
beforeAll(() => setRuleSetProvider(() => real));

type Fn = (p: unknown[][], t: unknown[][], d?: unknown[][], g?: unknown[][], s?: unknown[][]) => unknown[][];
const fns: Array<[string, Fn]> = [
  ["EGENANDEL", F.egenandel as Fn],
  ["EGENANDEL.GRUNN", F.egenandelGrunn as Fn],
];

/** The same call cell by cell: each cell's values passed alone as 1×1 arguments. */
function cellByCell(fn: Fn, args: unknown[]): unknown[][] {
  const named = args.map((value, k) => ({
    name: ["alder_eller_fodselsdato", "tjeneste", "dato", "fritaksgrunn", "scenario"][k],
    value,
  }));
  return mapGrid(named, (v) => fn([[v[0]]], [[v[1]]], [[v[2]]], [[v[3]]], [[v[4]]])[0][0]);
}

const people: unknown[] = [
  0,
  15,
  16,
  17,
  "17",
  " 18 ",
  26,
  99,
  serial("2010-08-02"),
  "2009-03-01",
  "01.08.2008",
  17.5,
  -3,
  "",
  null,
  "abc",
  errorCell("#N/A"),
  errorCell("#DIV/0!"),
];
const services: unknown[] = [
  "fastlege",
  "legevakt",
  "psykolog",
  "tsb",
  "poliklinikk",
  " Legevakt",
  "tannlege",
  70,
  null,
  errorCell("#VALUE!"),
];
const col = (xs: unknown[]) => xs.map((x) => [x]);

describe.each(fns)("%s on ranges equals the same cells one by one", (_name, fn) => {
  const n = people.length * services.length;
  const p = col(Array.from({ length: n }, (_, i) => people[i % people.length]));
  const t = col(Array.from({ length: n }, (_, i) => services[Math.floor(i / people.length) % services.length]));
  const cases: Array<[string, unknown[]]> = [
    ["one date for all", [p, t, [["2026-08-01"]], [[null]], [[null]]]],
    [
      "a date per row (serials and text), grounds per row",
      [
        p,
        t,
        col(p.map((_, i) => (i % 3 === 0 ? serial("2026-07-31") : i % 3 === 1 ? "01.08.2026" : "2026-12-31"))),
        col(p.map((_, i) => ["", "yrkesskade", "hiv", "ukjent", null, "oppfolging-abort"][i % 6])),
        [[null]],
      ],
    ],
    ["a bad date for all", [p, t, [["ikke en dato"]], [[null]], [[null]]]],
    ["a date before 2000", [p, t, [[5]], [[null]], [[null]]]],
    ["an unknown scenario for all", [p, t, [["2026-08-01"]], [[null]], [["finnes-ikke"]]]],
    [
      "a scenario per row (some unknown, some numbers)",
      [p, t, [["2026-08-01"]], [[null]], col(p.map((_, i) => [null, "", "finnes-ikke", 7][i % 4]))],
    ],
    ["an error cell as the date", [p, t, [[errorCell("#REF!")]], [[null]], [[null]]]],
    ["a shorter service range (missing positions)", [p, t.slice(0, 40), [["2026-08-01"]], [[null]], [[null]]]],
    [
      "ragged ranges (an empty row, a row of two cells, a bare value for a row)",
      [
        p.map((r, i) => (i === 3 ? [] : i === 5 ? [r[0], 99] : i === 7 ? r[0] : r)),
        t,
        [["2026-08-01"]],
        [[null]],
        [[null]],
      ],
    ],
    ["a range of one row and one cell among column ranges", [p, t, [["2026-08-01"]], [["yrkesskade"]], [[null]]]],
    [
      "2-D: a row of services across a column of people",
      [col(people), [services], [["2026-08-01"]], [[null]], [[null]]],
    ],
  ];
  it.each(cases)("%s", (_label, args) => {
    const got = fn(...(args as [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]]));
    expect(got).toEqual(cellByCell(fn, args));
  });
});

describe("single cells equal evaluate() on the same facts", () => {
  it.each([
    [17, "legevakt", "2026-07-31"],
    [17, "legevakt", "2026-08-01"],
    ["17", "legevakt", "2026-08-01"],
    [serial("2010-08-02"), "fastlege", "2026-08-01"],
    [40, "poliklinikk", "2026-08-01"],
  ])("%p %p %p", (person, tjeneste, date) => {
    const facts =
      typeof person === "number" && person > 150
        ? { fodselsdato: "2010-08-02", tjeneste }
        : { alder: Number(person), tjeneste };
    const o = evaluate(real, "egenandel", { facts, date });
    if (!o.ok) throw new Error(o.error.message);
    const r = o.value.result as Record<string, unknown>;
    expect(F.egenandel([[person]], [[tjeneste]], [[date]])).toEqual([[r.betaler]]);
    expect(F.egenandelGrunn([[person]], [[tjeneste]], [[date]])).toEqual([[r.grunn]]);
  });
});
