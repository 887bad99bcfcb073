/** The committed workbook reads back to the same posts as the committed CSV, with SUM formulas over exactly each chapter's posts. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readBudgetWorkbook } from "../src/budget/xlsx";
import { postsFromCsv } from "../src/budget/csv";

const ROOT = path.resolve(__dirname, "..");
const XLSX = path.join(ROOT, "sheets/hod-2026.xlsx");

describe("sheets/hod-2026.xlsx", () => {
  it("gives the same posts as the CSV, without problems", async () => {
    const wb = await readBudgetWorkbook(XLSX);
    const csv = postsFromCsv(fs.readFileSync(path.join(ROOT, "sheets/hod-2026.csv"), "utf8"));
    expect(wb.problems).toEqual([]);
    const strip = (ps: typeof wb.model.posts) => ps.map(({ row: _row, ...p }) => p);
    expect(strip(wb.model.posts)).toEqual(strip(csv.model.posts));
    expect(wb.model.sheetName).toBe("HOD 2026");
  });

  it("has a Sum kap. row per chapter whose formulas cover exactly its posts and cache the sums", async () => {
    const { model } = await readBudgetWorkbook(XLSX, "HOD 2026");
    expect(model.chapters).toHaveLength(50);
    for (const ch of model.chapters) {
      const rows = ch.posts.map((p) => p.row as number);
      const sum = ch.sumRow;
      expect(sum).toBeDefined();
      expect(sum?.row).toBe(Math.max(...rows) + 1);
      for (const [col, letter] of [
        ["regnskap_2024", "E"],
        ["saldert_2025", "F"],
        ["forslag_2026", "G"],
      ] as const) {
        expect(sum?.formulaRanges?.[col]).toBe(`${letter}${Math.min(...rows)}:${letter}${Math.max(...rows)}`);
        // A column empty in every post has an empty cached result, as the document prints an empty sum.
        const empty = ch.posts.every((p) => p[col] === null);
        expect(sum?.values[col]).toBe(empty ? null : ch.posts.reduce((a, p) => a + (p[col] ?? 0), 0));
      }
    }
  });

  it("has Norwegian headers, a frozen header row and #,##0 on amounts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(XLSX);
    const ws = wb.getWorksheet("HOD 2026");
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      "Kap.",
      "Post",
      "Betegnelse",
      "Stikkord",
      "Regnskap 2024",
      "Saldert budsjett 2025",
      "Forslag 2026",
    ]);
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws?.getCell("G2").numFmt).toBe("#,##0");
    expect(wb.created.toISOString()).toBe("2025-10-06T00:00:00.000Z");
  });

  it("reports a missing sheet as one problem", async () => {
    const r = await readBudgetWorkbook(XLSX, "Finnes ikke");
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/HOD 2026/);
  });
});
