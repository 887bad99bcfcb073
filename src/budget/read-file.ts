/** Node-only: read a budget sheet from .xlsx or .csv into the model, with the reader's problems. */
import * as fs from "fs";
import { readBudgetWorkbook } from "./xlsx";
import { readBudgetTable } from "./reader";
import { parseCsv } from "./csv";
import type { BudgetModel } from "./model";
import type { SheetProblemLike } from "./check";

export async function readBudgetFile(path: string, sheet?: string): Promise<{ model: BudgetModel; problems: SheetProblemLike[] }> {
  if (/\.csv$/i.test(path)) {
    const { model, problems } = readBudgetTable(parseCsv(fs.readFileSync(path, "utf8")), { sheetName: sheet ?? path.replace(/^.*[\\/]/, "") });
    return { model, problems };
  }
  const { model, problems } = await readBudgetWorkbook(path, sheet);
  return { model, problems };
}
