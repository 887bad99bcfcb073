/**
 * WorkbookPort over Office.js. Every operation is one `Excel.run` with the proxy calls batched and one
 * `context.sync()` per phase (never inside loops); only the properties needed are loaded.
 * Writes: fill colours and comments on marked cells, appended rows in «Revisjonsspor». Never a user value.
 * A write batch that fails halfway is undone in a compensating batch, so a run is all or nothing.
 */
import {
  AUDIT_HEADER,
  AUDIT_SHEET,
  CellMark,
  SelectedCell,
  SheetRead,
  WorkbookPort,
  anchorAtA1,
  columnName,
  parseRangeAddress,
} from "./workbook-port";

/** The subset of the Excel namespace used here (the real one, or a fake in tests). */
export interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

interface SavedMark {
  cell: string;
  fill: string | null;
  comment: boolean;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class OfficePort implements WorkbookPort {
  readonly kind = "office" as const;
  /** Per sheet: the cells we marked and what was there before (for clearMarks). */
  private marks = new Map<string, SavedMark[]>();
  /** Number of context.sync() calls of the last operation, per operation name (diagnostics and tests). */
  readonly syncs: Record<string, number> = {};

  constructor(
    private readonly excel: ExcelLike,
    private readonly userName: () => string | null = () => null,
  ) {}

  private async run<T>(
    name: string,
    batch: (ctx: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>,
  ): Promise<T> {
    this.syncs[name] = 0;
    return this.excel.run(async (ctx) => {
      const sync = async () => {
        this.syncs[name]++;
        await ctx.sync();
      };
      return batch(ctx, sync);
    });
  }

  async readActiveSheet(): Promise<SheetRead> {
    return this.run("readActiveSheet", async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(false);
      used.load(["address", "values", "formulas"]);
      await sync();
      if (used.isNullObject) return { sheet: ws.name, range: "", values: [], formulas: [] };
      const at = parseRangeAddress(used.address);
      const formulas = (used.formulas as unknown[][]).map((row) =>
        row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)),
      );
      return {
        sheet: ws.name,
        range: used.address.replace(/^.*!/, ""),
        values: anchorAtA1(used.values as unknown[][], at.row, at.col, null as unknown),
        formulas: anchorAtA1(formulas, at.row, at.col, null),
      };
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run("selectCell", async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await sync();
    });
  }

  async getSelectedCell(): Promise<SelectedCell | null> {
    return this.run("getSelectedCell", async (ctx, sync) => {
      const range = ctx.workbook.getSelectedRange();
      const cell = range.getCell(0, 0);
      cell.load(["address", "values", "formulas"]);
      await sync();
      const at = parseRangeAddress(cell.address);
      const f = cell.formulas[0]?.[0];
      return {
        sheet: at.sheet ?? "",
        address: `${columnName(at.col)}${at.row + 1}`,
        value: cell.values[0]?.[0] ?? null,
        formula: typeof f === "string" && f.startsWith("=") ? f : null,
      };
    });
  }

  /** Cells (as "Sheet!A1") that carry a comment now: two syncs, whatever the number of comments. */
  private async commentCells(
    ctx: Excel.RequestContext,
    sync: () => Promise<void>,
  ): Promise<Map<string, Excel.Comment>> {
    const all = ctx.workbook.comments;
    all.load("items");
    await sync();
    const locs = all.items.map((c) => {
      const loc = c.getLocation();
      loc.load("address");
      return { c, loc };
    });
    await sync();
    const out = new Map<string, Excel.Comment>();
    for (const { c, loc } of locs) {
      const at = parseRangeAddress(loc.address);
      out.set(`${at.sheet}!${columnName(at.col)}${at.row + 1}`, c);
    }
    return out;
  }

  async markCells(sheet: string, marks: CellMark[]): Promise<void> {
    if (!marks.length) return;
    // Replace earlier marks on the sheet rather than stacking them.
    if (this.marks.get(sheet)?.length) await this.clearMarks(sheet);
    const unique = [...new Map(marks.map((m) => [m.cell, m])).values()];
    await this.run("markCells", async (ctx, sync) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      // Phase 1: the fills there now (to restore on clear) and which cells already have a user comment.
      const ranges = unique.map((m) => {
        const r = ws.getRange(m.cell);
        r.format.fill.load("color");
        return r;
      });
      const before = await this.commentCells(ctx, sync);
      const saved: SavedMark[] = unique.map((m, i) => {
        const c = ranges[i].format.fill.color;
        return {
          cell: m.cell,
          fill: !c || c.toUpperCase() === "#FFFFFF" ? null : c,
          comment: !before.has(`${sheet}!${m.cell}`),
        };
      });
      // Phase 2: all marks and comments in one batch (a user's own comment is left alone).
      unique.forEach((m, i) => {
        ranges[i].format.fill.color = m.color;
        if (saved[i].comment) ctx.workbook.comments.add(`${quoteSheet(sheet)}!${m.cell}`, m.note);
      });
      try {
        await sync();
      } catch (e) {
        // Office applies a failing batch up to the failing operation: undo whatever was applied.
        await this.undoMarks(ctx, sheet, saved, sync).catch(() => undefined);
        throw e;
      }
      this.marks.set(sheet, saved);
    });
  }

  /** Restores fills and deletes the comments we added (three syncs). */
  private async undoMarks(
    ctx: Excel.RequestContext,
    sheet: string,
    saved: SavedMark[],
    sync: () => Promise<void>,
  ): Promise<void> {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const now = await this.commentCells(ctx, sync);
    for (const s of saved) {
      const r = ws.getRange(s.cell);
      if (s.fill) r.format.fill.color = s.fill;
      else r.format.fill.clear();
      const c = s.comment ? now.get(`${sheet}!${s.cell}`) : undefined;
      if (c) c.delete();
    }
    await sync();
  }

  async clearMarks(sheet: string): Promise<void> {
    const saved = this.marks.get(sheet);
    if (!saved?.length) return;
    await this.run("clearMarks", (ctx, sync) => this.undoMarks(ctx, sheet, saved, sync));
    this.marks.delete(sheet);
  }

  async appendAuditRows(rows: (string | number)[][]): Promise<void> {
    if (!rows.length) return;
    const width = AUDIT_HEADER.length;
    const norm = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
    await this.run("appendAuditRows", async (ctx, sync) => {
      const sheets = ctx.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(AUDIT_SHEET);
      existing.load("isNullObject");
      await sync();
      let ws: Excel.Worksheet;
      let startRow: number;
      let block: (string | number)[][];
      let created = false;
      if (existing.isNullObject) {
        ws = sheets.add(AUDIT_SHEET);
        created = true;
        startRow = 0;
        block = [AUDIT_HEADER, ...norm];
      } else {
        ws = existing;
        const used = ws.getUsedRangeOrNullObject(true);
        used.load(["rowIndex", "rowCount"]);
        await sync();
        startRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
        block = used.isNullObject ? [AUDIT_HEADER, ...norm] : norm;
      }
      const target = ws.getRange(`A${startRow + 1}:${columnName(width - 1)}${startRow + block.length}`);
      // One assignment: the rows appear together or not at all.
      target.values = block;
      try {
        await sync();
      } catch (e) {
        if (created) {
          sheets.getItem(AUDIT_SHEET).delete();
          await sync().catch(() => undefined);
        }
        throw e;
      }
    });
  }

  async getUserName(): Promise<string | null> {
    return this.userName();
  }
}
