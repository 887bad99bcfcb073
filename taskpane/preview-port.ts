/**
 * WorkbookPort for a plain browser: the workbook is the bundled hod-2026.xlsx (fetched from the same
 * origin) or a file dropped on the page, parsed with exceljs and shown as an HTML grid. Marks, notes and
 * the Revisjonsspor sheet live in memory; user values are never changed.
 */
import ExcelJS from "exceljs";
import { worksheetCells } from "../src/budget/xlsx-cells";
import {
  AUDIT_HEADER,
  AUDIT_SHEET,
  CellMark,
  SelectedCell,
  SheetRead,
  WorkbookPort,
  columnName,
  parseRangeAddress,
} from "./workbook-port";

export interface PreviewSheet {
  name: string;
  values: unknown[][];
  formulas: (string | null)[][];
  fills: Record<string, string>;
  notes: Record<string, string>;
  /** Computed by the pane for the demo, not part of the user's workbook. */
  demo?: boolean;
}

export interface PreviewState {
  sheets: PreviewSheet[];
  active: string;
  selected: { sheet: string; address: string };
}

export async function parseWorkbook(data: ArrayBuffer): Promise<PreviewSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return wb.worksheets.map((ws) => ({ name: ws.name, ...worksheetCells(ws), fills: {}, notes: {} }));
}

export class PreviewPort implements WorkbookPort {
  readonly kind = "preview" as const;
  private listeners = new Set<() => void>();
  state: PreviewState;

  constructor(sheets: PreviewSheet[]) {
    const first = sheets[0]?.name ?? "Ark1";
    this.state = { sheets, active: first, selected: { sheet: first, address: "A1" } };
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  private emit(): void {
    this.state = { ...this.state };
    this.listeners.forEach((l) => l());
  }
  sheet(name: string): PreviewSheet | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }
  replaceSheets(sheets: PreviewSheet[]): void {
    const first = sheets[0]?.name ?? "Ark1";
    this.state = { sheets, active: first, selected: { sheet: first, address: "A1" } };
    this.emit();
  }
  addDemoSheet(sheet: PreviewSheet): void {
    this.state.sheets = [...this.state.sheets.filter((s) => s.name !== sheet.name), { ...sheet, demo: true }];
    this.emit();
  }
  activate(name: string): void {
    this.state.active = name;
    this.emit();
  }
  /** A click in the grid. */
  userSelect(sheet: string, address: string): void {
    this.state.active = sheet;
    this.state.selected = { sheet, address };
    this.emit();
  }

  async readActiveSheet(): Promise<SheetRead> {
    const s = this.sheet(this.state.active);
    if (!s) return { sheet: this.state.active, range: "", values: [], formulas: [] };
    const rows = s.values.length;
    const cols = Math.max(0, ...s.values.map((r) => r.length));
    return {
      sheet: s.name,
      range: rows && cols ? `A1:${columnName(cols - 1)}${rows}` : "",
      values: s.values.map((r) => [...r]),
      formulas: s.formulas.map((r) => [...r]),
    };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.userSelect(sheet, address);
  }

  async getSelectedCell(): Promise<SelectedCell | null> {
    const { sheet, address } = this.state.selected;
    const s = this.sheet(sheet);
    if (!s) return null;
    const at = parseRangeAddress(address);
    return {
      sheet,
      address: `${columnName(at.col)}${at.row + 1}`,
      value: s.values[at.row]?.[at.col] ?? null,
      formula: s.formulas[at.row]?.[at.col] ?? null,
    };
  }

  async markCells(sheet: string, marks: CellMark[]): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`Fant ikke arket «${sheet}»`);
    const fills = { ...s.fills },
      notes = { ...s.notes };
    for (const m of marks) {
      fills[m.cell] = m.color;
      notes[m.cell] = notes[m.cell] && !notes[m.cell].includes(m.note) ? `${notes[m.cell]}\n${m.note}` : m.note;
    }
    s.fills = fills;
    s.notes = notes;
    this.emit();
  }

  async clearMarks(sheet: string): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) return;
    s.fills = {};
    s.notes = {};
    this.emit();
  }

  async appendAuditRows(rows: (string | number)[][]): Promise<void> {
    let s = this.sheet(AUDIT_SHEET);
    if (!s) {
      s = {
        name: AUDIT_SHEET,
        values: [[...AUDIT_HEADER]],
        formulas: [AUDIT_HEADER.map(() => null)],
        fills: {},
        notes: {},
      };
      this.state.sheets = [...this.state.sheets, s];
    }
    for (const r of rows) {
      s.values.push([...r]);
      s.formulas.push(r.map(() => null));
    }
    this.emit();
  }

  async getUserName(): Promise<string | null> {
    return null;
  }
}
