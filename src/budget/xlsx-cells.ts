/**
 * An exceljs worksheet as the reader's two grids: values (a formula cell's cached result) and formula
 * text. Shared by the CLI's .xlsx reader and the task pane's browser preview, so both see the same cells.
 */
import type ExcelJS from "exceljs";

/** Value and formula of one exceljs cell value; rich text and hyperlinks become their plain text. */
export function splitCellValue(v: ExcelJS.CellValue): { value: unknown; formula: string | null } {
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const f = (o.formula ?? o.sharedFormula) as string;
      return { value: o.result ?? null, formula: f ? `=${f}` : null };
    }
    if ("richText" in o)
      return { value: (o.richText as Array<{ text: string }>).map((t) => t.text).join(""), formula: null };
    if ("hyperlink" in o && "text" in o) return { value: o.text, formula: null };
  }
  return { value: v ?? null, formula: null };
}

export function worksheetCells(ws: ExcelJS.Worksheet): { values: unknown[][]; formulas: (string | null)[][] } {
  const values: unknown[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const vs: unknown[] = [];
    const fs: (string | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const { value, formula } = splitCellValue(row.getCell(c).value);
      vs.push(value);
      fs.push(formula);
    }
    values.push(vs);
    formulas.push(fs);
  }
  return { values, formulas };
}
