/**
 * Differential test (issue 7): for every rule file in rules/ (and the basic fixture), thousands of
 * generated fact sets (fixed seed, boundary values, malformed input) must give identical results and
 * identical errors through json-rules-engine (evaluateReference), the compiled path (evaluate, with
 * and without trace) and the batch path (compileBatch: rows with per-row dates, and columns).
 * Issue 12.1: the same over random rule files generated from the schema (test/random-rule-files.ts).
 * This is the guard for every performance change in src/engine.
 */
import * as fs from "fs";
import { isDeepStrictEqual } from "util";
import { loadRuleFolder } from "../src/rules/load-folder";
import type { RuleSet } from "../src/engine/rule-set";
import { evaluate } from "../src/engine/evaluate";
import { evaluateReference } from "../src/engine/reference";
import { compileBatch, evaluateBatch, unsupportedConstructs } from "../src/engine/batch";
import { generateCases, Case } from "./fact-generators";
import { loadRuleSet } from "../src/rules/loader";
import { randomRuleFiles } from "./random-rule-files";
import { plain, plainRow, type Plain } from "./helpers/outcomes";

const CASES_PER_FILE = Number(process.env.DIFF_CASES ?? 3000);
/** Random rule files (issue 12.1): how many, and cases through each. */
const RANDOM_FILES = 45;
const CASES_PER_RANDOM_FILE = Number(process.env.DIFF_RANDOM_CASES ?? 400);
const SEED = 20260801;

interface Stats {
  file: string;
  cases: number;
  ok: number;
  errors: number;
  codes: Record<string, number>;
  mismatches: string[];
  batchRows: number;
  tableRows: number;
  tablePlan: boolean;
}

async function runFile(set: RuleSet, id: string, seedOffset: number, count = CASES_PER_FILE): Promise<Stats> {
  const loaded = set.files.get(id)!;
  const cases = generateCases(loaded, count, SEED + seedOffset, [...set.scenarios.keys()]);
  const stats: Stats = {
    file: id,
    cases: cases.length,
    ok: 0,
    errors: 0,
    codes: {},
    mismatches: [],
    batchRows: 0,
    tableRows: 0,
    tablePlan: false,
  };
  const mismatch = (c: Case, path: string, a: unknown, b: unknown) => {
    if (stats.mismatches.length < 10)
      stats.mismatches.push(`${id} ${path}: ${JSON.stringify(c)}\n  ${JSON.stringify(a)}\n  ${JSON.stringify(b)}`);
  };
  const compiled: Plain[] = [];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const ref = await evaluateReference(set, id, c);
    const comp = evaluate(set, id, c);
    const p = plain(comp);
    compiled.push(p);
    if (!isDeepStrictEqual(plain(ref), p)) mismatch(c, "reference≠compiled", plain(ref), p);
    if (ref.ok && comp.ok && !isDeepStrictEqual({ ...ref.value, trace: undefined }, comp.value))
      mismatch(c, "evaluation metadata", ref.value.ruleFile, comp.value.ruleFile);
    if (i % 7 === 0) {
      const traced = evaluate(set, id, c, { trace: true });
      if (!isDeepStrictEqual(plain(traced), p)) mismatch(c, "compiled+trace≠compiled", plain(traced), p);
      if (traced.ok && ref.ok) {
        const sel = (o: typeof traced) => (o.ok ? o.value.trace?.selected : null);
        if (!isDeepStrictEqual(sel(traced), sel(ref))) mismatch(c, "selected rules differ", sel(traced), sel(ref));
        const fired = (o: typeof traced) => (o.ok ? o.value.trace?.rules.map((r) => r.fired) : null);
        if (!isDeepStrictEqual(fired(traced), fired(ref))) mismatch(c, "fired rules differ", fired(traced), fired(ref));
      }
    }
    if (p.ok) stats.ok++;
    else {
      stats.errors++;
      const code = (p.error as { code: string }).code;
      stats.codes[code] = (stats.codes[code] ?? 0) + 1;
    }
  }
  // Batch path, per scenario: rows with one date per row, then the same rows as columns.
  const groups = new Map<string | undefined, number[]>();
  cases.forEach((c, i) => {
    const g = groups.get(c.scenario) ?? [];
    g.push(i);
    groups.set(c.scenario, g);
  });
  for (const [scenario, idx] of groups) {
    const batch = compileBatch(set, id, { scenario });
    const rows = idx.map((i) => cases[i].facts);
    const dates = idx.map((i) => cases[i].date);
    const viaRows = batch.evaluateRows(rows, dates);
    const columns: Record<string, unknown[]> = {};
    for (const r of rows) for (const k of Object.keys(r)) columns[k] ??= [];
    for (const k of Object.keys(columns)) columns[k] = rows.map((r) => (k in r ? r[k] : undefined));
    // A column absent from a row object and an undefined cell differ only for unknown facts; keep rows with them out.
    const viaColumns = batch.evaluateColumns(columns, dates, rows.length);
    idx.forEach((caseIndex, j) => {
      const want = compiled[caseIndex];
      if (!isDeepStrictEqual(plainRow(viaRows[j]), want))
        mismatch(cases[caseIndex], "batch rows≠compiled", plainRow(viaRows[j]), want);
      const hasUnknownKey = Object.keys(columns).some((k) => !(k in rows[j]) && !loaded.facts.names.includes(k));
      if (!hasUnknownKey) {
        const viaCol = plainRow(viaColumns[j]);
        if (!isDeepStrictEqual(viaCol, want)) mismatch(cases[caseIndex], "batch columns≠compiled", viaCol, want);
      }
    });
    // Again, now that the decision tables are filled: every vouched row comes from a table cell.
    const again = batch.evaluateRows(rows, dates);
    idx.forEach((caseIndex, j) => {
      if (!isDeepStrictEqual(plainRow(again[j]), compiled[caseIndex]))
        mismatch(
          cases[caseIndex],
          "batch rows, second pass (tables)≠compiled",
          plainRow(again[j]),
          compiled[caseIndex],
        );
    });
    // One date for the whole batch (the common Excel shape: columns classified column by column), and a trace on demand agrees.
    const d0 = dates.find((d) => typeof d === "string") ?? "2026-08-01";
    const single = batch.evaluateRows(rows, d0);
    const singleColumns = batch.evaluateColumns(columns, d0, rows.length);
    const singleColumnsAgain = batch.evaluateColumns(columns, d0, rows.length);
    rows.forEach((r, j) => {
      const hasUnknownKey = Object.keys(columns).some((k) => !(k in r) && !loaded.facts.names.includes(k));
      if (j % 5 !== 0 && hasUnknownKey) return;
      const want = plain(evaluate(set, id, { facts: r, date: d0, scenario }));
      if (!isDeepStrictEqual(plainRow(single[j]), want))
        mismatch({ facts: r, date: d0, scenario }, "batch single date≠compiled", plainRow(single[j]), want);
      if (!hasUnknownKey) {
        if (!isDeepStrictEqual(plainRow(singleColumns[j]), want))
          mismatch(
            { facts: r, date: d0, scenario },
            "batch columns single date≠compiled",
            plainRow(singleColumns[j]),
            want,
          );
        if (!isDeepStrictEqual(plainRow(singleColumnsAgain[j]), want))
          mismatch(
            { facts: r, date: d0, scenario },
            "batch columns single date, second pass (tables)≠compiled",
            plainRow(singleColumnsAgain[j]),
            want,
          );
      }
      if (j % 50 === 0 && !isDeepStrictEqual(plain(batch.trace(r, d0)), want))
        mismatch({ facts: r, date: d0, scenario }, "batch trace≠compiled", plain(batch.trace(r, d0)), want);
    });
    const st = batch.stats();
    stats.tableRows += st.fromTable;
    stats.batchRows += st.rows;
    stats.tablePlan ||= st.tablePlan;
  }
  return stats;
}

const folders = ["rules", "test/fixtures/rules-basic"].filter((f) => fs.existsSync(f));
const all: Stats[] = [];

describe.each(folders)("differential: %s", (folder) => {
  const set = loadRuleFolder(folder);
  const ids = [...set.files.keys()];

  it("loads rule files, and the compiler supports every construct in them (no json-rules-engine fallback needed)", () => {
    if (set.broken.length)
      console.warn(
        `${folder}: ${set.broken.length} rule file(s) did not load and are not compared: ${set.broken.map((b) => b.path).join(", ")}`,
      );
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(unsupportedConstructs(set.files.get(id)!)).toEqual([]);
  });

  it.each(ids)("%s: json-rules-engine = compiled = batch on generated facts", async (id) => {
    const stats = await runFile(set, id, ids.indexOf(id) * 1000);
    all.push(stats);
    expect(stats.mismatches).toEqual([]);
    expect(stats.ok).toBeGreaterThan(0);
  });

  it("whole-batch errors (unknown rule file, unknown scenario) fill every row like evaluate", () => {
    const rows = [{}, { a: 1 }];
    for (const [rid, scenario] of [
      ["finnes-ikke", undefined],
      [ids[0], "finnes-ikke"],
    ] as const) {
      const got = evaluateBatch(set, rid, rows, "2026-08-01", { scenario }).map(plainRow);
      const want = rows.map((r) => plain(evaluate(set, rid, { facts: r, date: "2026-08-01", scenario })));
      expect(got).toEqual(want);
    }
  });
});

describe("differential: random rule files generated from the schema", () => {
  const generated = randomRuleFiles(RANDOM_FILES, SEED);
  const set = loadRuleSet(generated.texts);

  it("every generated file and scenario loads, and they cover every hit policy and rule-error events", () => {
    expect(set.problems).toEqual([]);
    expect(set.files.size).toBe(RANDOM_FILES);
    expect(set.scenarios.size).toBe(RANDOM_FILES);
    expect(new Set(Object.values(generated.policies))).toEqual(new Set(["unique", "first", "collect"]));
    expect(generated.feilFiles).toBeGreaterThan(5);
    // The rule index (src/engine/rule-index.ts) is exercised with one fact and with several.
    const indexed = [...set.files.values()].map((f) => f.index?.facts.length ?? 0);
    expect(indexed.filter((n) => n === 1).length).toBeGreaterThan(0);
    expect(indexed.filter((n) => n >= 2).length).toBeGreaterThan(0);
  });

  const outcomes: Record<string, number> = {};
  let tableRows = 0;
  it.each(generated.ids)("%s: json-rules-engine = compiled = batch rows = batch columns", async (id) => {
    const stats = await runFile(set, id, 7919 * generated.ids.indexOf(id), CASES_PER_RANDOM_FILE);
    all.push(stats);
    for (const [code, k] of Object.entries(stats.codes)) outcomes[code] = (outcomes[code] ?? 0) + k;
    outcomes.ok = (outcomes.ok ?? 0) + stats.ok;
    tableRows += stats.tableRows;
    expect(stats.mismatches).toEqual([]);
  });

  it("the random files reached results, rule-error events, overlaps, no-rule-fired, bad outputs and decision tables", () => {
    for (const code of ["ok", "not-covered", "overlap", "no-rule-fired", "bad-output"])
      expect(outcomes[code]).toBeGreaterThan(0);
    expect(tableRows).toBeGreaterThan(0); // decision tables served rows of random files too
  });
});

afterAll(() => {
  const total = all.reduce((a, s) => a + s.cases, 0);
  const lines = all.map(
    (s) =>
      `${s.file}: ${s.cases} cases, ${s.ok} ok, ${s.errors} errors ${JSON.stringify(s.codes)}; batch rows ${s.batchRows}, from decision table ${s.tableRows}${s.tablePlan ? "" : " (no table plan)"}`,
  );
  console.log(
    `differential: ${all.length} rule files (${RANDOM_FILES} random) = ${total} cases (each through json-rules-engine, compiled, batch rows, batch columns)\n${lines.join("\n")}`,
  );
});
