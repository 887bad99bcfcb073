/** Node-only: read a budget sheet from .xlsx or .csv into the model, with the reader's problems. */
import * as fs from "fs";
import { readBudgetWorkbook } from "./xlsx";
import { readBudgetTable } from "./reader";
import { parseCsv } from "./csv";
import type { BudgetModel } from "./model";
import type { SheetProblemLike } from "./check";

/** `unreadable`: no sheet could be read (not a workbook, or no such sheet); the caller treats it as bad input. */
export async function readBudgetFile(
  path: string,
  sheet?: string,
): Promise<{ model: BudgetModel; problems: SheetProblemLike[]; unreadable?: string }> {
  if (/\.csv$/i.test(path)) {
    const { model, problems } = readBudgetTable(parseCsv(fs.readFileSync(path, "utf8")), {
      sheetName: sheet ?? path.replace(/^.*[\\/]/, ""),
    });
    return { model, problems };
  }
  const { model, problems, unreadable } = await readBudgetWorkbook(path, sheet);
  return { model, problems, unreadable };
}
