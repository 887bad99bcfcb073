/** Reads a budget workbook with exceljs into the reader's cell array: cached formula results as values, formula text alongside. */
// exceljs is loaded on first use: it is large, and `eval`/`list` must start fast without it.
import type ExcelJS from "exceljs";
import { readBudgetTable, type BudgetTableRead, type SheetProblem } from "./reader";
import { worksheetCells } from "./xlsx-cells";

export interface WorkbookRead extends BudgetTableRead {
  cells: unknown[][];
  formulas: (string | null)[][];
  /** Set when no sheet could be read at all (not a workbook, or no sheet of that name): bad input, not a finding. */
  unreadable?: string;
}

export async function readBudgetWorkbook(
  pathOrBuffer: string | Buffer | ArrayBuffer,
  sheetName?: string,
): Promise<WorkbookRead> {
  const { Workbook }: typeof ExcelJS = (await import("exceljs")).default;
  const wb = new Workbook();
  try {
    if (typeof pathOrBuffer === "string") await wb.xlsx.readFile(pathOrBuffer);
    else await wb.xlsx.load(pathOrBuffer as ArrayBuffer);
  } catch {
    // The zip library's own (English) text says nothing a budget officer can act on.
    const unreadable =
      "filen er ikke en Excel-arbeidsbok (.xlsx) som kan åpnes (skadet, eller en annen filtype med endelsen .xlsx)";
    const problems: SheetProblem[] = [
      { cell: "A1", message: `Kunne ikke åpne arbeidsboken: ${unreadable}`, severity: "error" },
    ];
    return { ...readBudgetTable([], { sheetName }), problems, cells: [], formulas: [], unreadable };
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(", ");
    const unreadable = sheetName
      ? `arbeidsboken har ikke arket «${sheetName}»; arkene er: ${names || "ingen"}`
      : "arbeidsboken har ingen ark";
    const problems: SheetProblem[] = [
      { cell: "A1", message: `Forventet arket «${sheetName}», fant bare: ${names || "ingen ark"}.`, severity: "error" },
    ];
    return { ...readBudgetTable([], { sheetName }), problems, cells: [], formulas: [], unreadable };
  }
  const { values: cells, formulas } = worksheetCells(ws);
  const read = readBudgetTable(cells, { sheetName: ws.name, formulas });
  return { ...read, cells, formulas };
}
