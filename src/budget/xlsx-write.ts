/**
 * Writes the budget sheet with exceljs, byte-for-byte reproducibly: fixed document dates, and the zip is
 * re-packed with a fixed timestamp on every entry (exceljs/JSZip would stamp the current time).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { AMOUNT_COLUMNS, COLUMN_KEYS, type BudgetPost } from "./model";
import { columnLetter } from "./a1";
import { NORWEGIAN_HEADERS } from "./headers";

export const SHEET_NAME = "HOD 2026";
/** Date of Prop. 1 S (2025–2026); used for every timestamp so reruns give identical bytes. */
export const FIXED_DATE = new Date(Date.UTC(2025, 9, 6, 0, 0, 0));

const WIDTHS: Record<(typeof COLUMN_KEYS)[number], number> = {
  kap: 7,
  post: 6,
  betegnelse: 62,
  stikkord: 48,
  regnskap_2024: 16,
  saldert_2025: 20,
  forslag_2026: 16,
};

export function buildWorkbook(posts: readonly BudgetPost[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "budget-rules build-budget";
  wb.lastModifiedBy = "budget-rules build-budget";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.columns = COLUMN_KEYS.map((k) => ({ key: k, width: WIDTHS[k] }));
  const header = ws.addRow(COLUMN_KEYS.map((k) => NORWEGIAN_HEADERS[k]));
  header.font = { bold: true };
  const amountCol = (a: (typeof AMOUNT_COLUMNS)[number]): number => COLUMN_KEYS.indexOf(a) + 1;
  for (const a of AMOUNT_COLUMNS) ws.getColumn(amountCol(a)).numFmt = "#,##0";

  let i = 0;
  while (i < posts.length) {
    const kap = posts[i].kap;
    const first = ws.rowCount + 1;
    for (; i < posts.length && posts[i].kap === kap; i++) {
      const p = posts[i];
      ws.addRow([
        p.kap,
        p.post,
        p.betegnelse,
        p.stikkord.join("; ") || null,
        p.regnskap_2024,
        p.saldert_2025,
        p.forslag_2026,
      ]);
    }
    const last = ws.rowCount;
    const chapterPosts = posts.filter((p) => p.kap === kap);
    const sum = ws.addRow([kap, null, `Sum kap. ${kap}`, null]);
    sum.font = { bold: true };
    for (const a of AMOUNT_COLUMNS) {
      const letter = columnLetter(amountCol(a) - 1);
      const result = chapterPosts.reduce((s, p) => s + (p[a] ?? 0), 0);
      sum.getCell(amountCol(a)).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result };
    }
  }
  return wb;
}

/** Re-packs a zip with sorted-stable entry order and a fixed timestamp. */
export async function deterministicZip(buffer: Buffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  const names = Object.keys(src.files).filter((n) => !src.files[n].dir);
  for (const name of names)
    out.file(name, await src.files[name].async("uint8array"), { date: FIXED_DATE, createFolders: false });
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

export async function workbookBuffer(posts: readonly BudgetPost[]): Promise<Buffer> {
  const raw = await buildWorkbook(posts).xlsx.writeBuffer();
  return deterministicZip(Buffer.from(raw as ArrayBuffer));
}
