/** Reads a budget workbook with exceljs into the reader's cell array: cached formula results as values, formula text alongside. */
import ExcelJS from 'exceljs';
import { readBudgetTable, type BudgetTableRead, type SheetProblem } from './reader';

export interface WorkbookRead extends BudgetTableRead {
  cells: unknown[][];
  formulas: (string | null)[][];
}

/** Value and formula of one exceljs cell value. */
function split(v: ExcelJS.CellValue): { value: unknown; formula: string | null } {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const f = (o.formula ?? o.sharedFormula) as string;
      return { value: o.result ?? null, formula: f ? `=${f}` : null };
    }
  }
  return { value: v ?? null, formula: null };
}

export async function readBudgetWorkbook(pathOrBuffer: string | Buffer | ArrayBuffer, sheetName?: string): Promise<WorkbookRead> {
  const wb = new ExcelJS.Workbook();
  try {
    if (typeof pathOrBuffer === 'string') await wb.xlsx.readFile(pathOrBuffer);
    else await wb.xlsx.load(pathOrBuffer as ArrayBuffer);
  } catch (e) {
    const problems: SheetProblem[] = [{ cell: 'A1', message: `Kunne ikke åpne arbeidsboken: ${(e as Error).message}`, severity: 'error' }];
    return { ...readBudgetTable([], { sheetName }), problems, cells: [], formulas: [] };
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    const problems: SheetProblem[] = [{ cell: 'A1', message: `Forventet arket «${sheetName}», fant bare: ${names || 'ingen ark'}.`, severity: 'error' }];
    return { ...readBudgetTable([], { sheetName }), problems, cells: [], formulas: [] };
  }
  const cells: unknown[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: unknown[] = [];
    const fs: (string | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const { value, formula } = split(row.getCell(c).value);
      values.push(value);
      fs.push(formula);
    }
    cells.push(values);
    formulas.push(fs);
  }
  const read = readBudgetTable(cells, { sheetName: ws.name, formulas });
  return { ...read, cells, formulas };
}
