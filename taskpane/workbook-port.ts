/**
 * The task pane's only view of the workbook. Two implementations: office-port.ts (Excel via Office.js)
 * and preview-port.ts (a plain browser: the bundled hod-2026.xlsx or a dropped file, shown as an HTML grid).
 * Writes are limited to notes/comments, fill-colour marks and appended rows in the «Revisjonsspor» sheet;
 * no implementation ever writes the value of a user cell.
 */
import { columnLetter, parseA1Cell } from "../src/budget/a1";

export const AUDIT_SHEET = "Revisjonsspor";

/** Header of the Revisjonsspor sheet (first row, written once when the sheet is created). */
export const AUDIT_HEADER = [
  "Tidspunkt",
  "Bruker",
  "Ark",
  "Område",
  "Regeldato",
  "Scenario",
  "Regelfiler (id@versjon sha256)",
  "Feil",
  "Advarsler",
  "Info",
  "Varighet ms",
];

export interface SheetRead {
  sheet: string;
  /** Address of the used range as Excel reports it, e.g. "A1:H40". */
  range: string;
  /** Values grid anchored at A1 (rows/columns before the used range are padded with null). */
  values: unknown[][];
  /** Formula text grid, same shape ("=SUM(E5:E9)" or null for plain values). */
  formulas: (string | null)[][];
}

export interface SelectedCell {
  sheet: string;
  /** A1 address of the top-left cell of the selection, e.g. "F12". */
  address: string;
  value: unknown;
  formula: string | null;
}

export interface CellMark {
  cell: string;
  /** Fill colour as #RRGGBB. */
  color: string;
  /** Note/comment text. */
  note: string;
}

export interface WorkbookPort {
  readonly kind: "office" | "preview";
  readActiveSheet(): Promise<SheetRead>;
  selectCell(sheet: string, address: string): Promise<void>;
  getSelectedCell(): Promise<SelectedCell | null>;
  /** Adds fill marks and notes to cells; all or nothing. */
  markCells(sheet: string, marks: CellMark[]): Promise<void>;
  /** Removes the marks and notes this pane added on the sheet, restoring earlier fills. */
  clearMarks(sheet: string): Promise<void>;
  /** Appends rows below the last used row of «Revisjonsspor» (creates the sheet with AUDIT_HEADER if missing). */
  appendAuditRows(rows: (string | number)[][]): Promise<void>;
  getUserName(): Promise<string | null>;
}

/** Parses "Ark1!B3:H40", "'Mitt ark'!B3" or "B3:H40" into 0-based start row/column. */
export function parseRangeAddress(address: string): {
  sheet: string | null;
  row: number;
  col: number;
  endRow: number;
  endCol: number;
} {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang >= 0
      ? address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'")
      : null;
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const [a, b] = ref.split(":");
  const one = (s: string) => {
    const c = parseA1Cell(s);
    return c ? { row: c.row - 1, col: c.col } : { row: 0, col: 0 };
  };
  const s = one(a);
  const e = b ? one(b) : s;
  return { sheet, row: s.row, col: s.col, endRow: e.row, endCol: e.col };
}

/** Column letters of a 0-based index (the core's A1 helper, under the name the pane uses). */
export const columnName = columnLetter;

/** Pads a grid read at (row, col) so that it is anchored at A1. */
export function anchorAtA1<T>(grid: T[][], row: number, col: number, empty: T): T[][] {
  const width = col + (grid[0]?.length ?? 0);
  const out: T[][] = [];
  for (let r = 0; r < row; r++) out.push(new Array(width).fill(empty));
  for (const line of grid) out.push([...new Array(col).fill(empty), ...line]);
  return out;
}
