/**
 * Broken sheets (test/fixtures/broken-sheets: `name.json` cell grid + `name.expected.json`): each cell is
 * either read correctly or reported once at its A1 address with what was expected.
 */
import * as fs from "fs";
import * as path from "path";
import { readBudgetTable } from "../src/budget/reader";

const DIR = path.join(__dirname, "fixtures/broken-sheets");
const names = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .map((f) => f.slice(0, -5))
  .sort();
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8"));
const H = ["Kap.", "Post", "Betegnelse", "Stikkord", "Regnskap 2024", "Saldert budsjett 2025", "Forslag 2026"];

it("has the fixtures", () => expect(names.length).toBeGreaterThanOrEqual(10));

describe.each(names)("%s", (name) => {
  const fx = load(`${name}.json`);
  const exp = load(`${name}.expected.json`);
  const read = () => readBudgetTable(fx.cells, { sheetName: fx.sheetName, formulas: fx.formulas });
  it(fx.description, () => {
    const r = read();
    expect(
      r.model.posts.map((p) => ({
        kap: p.kap,
        post: p.post,
        betegnelse: p.betegnelse,
        stikkord: p.stikkord,
        regnskap_2024: p.regnskap_2024,
        saldert_2025: p.saldert_2025,
        forslag_2026: p.forslag_2026,
        row: p.row,
      })),
    ).toEqual(exp.posts);
    expect(
      r.model.chapters
        .filter((c) => c.sumRow)
        .map((c) => ({
          kap: c.kap,
          row: c.sumRow!.row,
          values: c.sumRow!.values,
          ...(c.sumRow!.formulaRanges ? { formulaRanges: c.sumRow!.formulaRanges } : {}),
        })),
    ).toEqual(exp.sumRows);
    expect(r.problems).toEqual(exp.problems);
    // at most one problem per cell, every address a valid A1 reference, no NaN anywhere
    const cells = r.problems.map((p) => p.cell);
    expect(new Set(cells).size).toBe(cells.length);
    for (const c of cells) expect(c).toMatch(/^[A-Z]+[1-9]\d*$/);
    expect(JSON.stringify(r.model)).not.toMatch(/NaN|Infinity/);
    for (const p of r.model.posts)
      for (const k of ["regnskap_2024", "saldert_2025", "forslag_2026"] as const)
        if (p[k] !== null) expect(Number.isFinite(p[k])).toBe(true);
  });
});

describe("100 000 rows (generated)", () => {
  const N = 100_000;
  const cells: unknown[][] = [H];
  const bad = new Map<number, string>(); // sheet row → expected problem cell
  for (let i = 0; i < N; i++) {
    const kap = 700 + Math.floor(i / 90);
    const post = (i % 90) + 1;
    const row = cells.length + 1;
    if (i % 9973 === 5) {
      cells.push([kap, post, `Post ${i}`, "", "1 438,1", "#N/A", i]);
      bad.set(row, `F${row}`);
      continue;
    }
    if (i % 7919 === 3) {
      cells.push([kap, post, `Post ${i}`, "", "12 345", "tolv", i]);
      bad.set(row, `F${row}`);
      continue;
    }
    cells.push([kap, post, `Post ${i}`, i % 3 === 0 ? "kan overføres" : "", i * 1.5, `${i},5`, i]);
  }
  // How long this takes is measured by the bench, not asserted here: a loaded machine must not fail a correct reader.
  it("reads every row and reports each bad cell once", () => {
    const r = readBudgetTable(cells);
    expect(r.model.posts).toHaveLength(N);
    expect(r.problems.map((p) => p.cell).sort()).toEqual([...bad.values()].sort());
    expect(r.problems.every((p) => p.message.includes("Saldert budsjett 2025: forventet et beløp"))).toBe(true);
    const p = r.model.posts[10];
    expect(p).toMatchObject({ kap: 700, post: 11, regnskap_2024: 15, saldert_2025: 10.5, forslag_2026: 10, row: 12 });
    expect(r.model.posts.some((x) => Number.isNaN(x.regnskap_2024) || Number.isNaN(x.saldert_2025))).toBe(false);
  });
});

describe("inputs that are not a grid", () => {
  it.each([[null], [undefined], ["tekst"], [42], [{}], [[]], [[null]], [[[]]]])(
    "%p: a problem at A1, no throw",
    (cells) => {
      const r = readBudgetTable(cells as unknown as unknown[][]);
      expect(r.model.posts).toEqual([]);
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems[0].cell).toBe("A1");
    },
  );
  it("a row that is not an array (e.g. a string) does not throw", () => {
    expect(() => readBudgetTable([H, "x" as unknown as unknown[], [732, 70, "A", "", 1, 2, 3]])).not.toThrow();
  });
});
