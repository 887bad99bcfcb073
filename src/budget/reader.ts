/**
 * Reads a budget table as a user would have it in a sheet (values 2-D array) into a BudgetModel,
 * reporting every problem at its A1 cell. Never throws, never yields NaN, never drops a non-empty row silently.
 */
import {
  AMOUNT_COLUMNS,
  COLUMN_KEYS,
  type AmountColumn,
  type Amounts,
  type BudgetChapter,
  type BudgetModel,
  type BudgetPost,
  type ColumnKey,
  type SumRow,
} from "./model";
import { address, columnLetter, parseA1Range, rangeText } from "./a1";
import { cellText, readAmount, readInteger } from "./amount-cell";
import { findHeader, headerColumns, NORWEGIAN_HEADERS, REQUIRED } from "./headers";
import { readStikkordCell } from "./seed-parser/stikkord";

export interface SheetProblem {
  cell: string;
  message: string;
  severity: "error" | "warning";
}

export interface BudgetTableRead {
  model: BudgetModel;
  problems: SheetProblem[];
}

export interface ReadOptions {
  sheetName?: string;
  /** Formula text per cell (same shape as cells), e.g. "SUM(E5:E9)" or "=SUM(E5:E9)". */
  formulas?: (string | null)[][];
}

const SUM_KAP = /^\s*sum\s+kap\.?\s*(\d{3,4})\b/i;
const SUM_OTHER = /^\s*sum\b/i;
const SUM_FORMULA = /^=?\s*SUM\((.*)\)\s*$/i;

function isEmpty(v: unknown): boolean {
  const t = cellText(v);
  return t === null || t.trim() === "";
}

function emptyModel(sheetName: string, columns: Partial<Record<ColumnKey, number>>): BudgetModel {
  const letters = {} as Record<ColumnKey, string>;
  for (const k of COLUMN_KEYS) letters[k] = columns[k] === undefined ? "" : columnLetter(columns[k] as number);
  return { sheetName, chapters: [], posts: [], columns: letters };
}

export function readBudgetTable(cells: unknown[][], opts: ReadOptions = {}): BudgetTableRead {
  const sheetName = opts.sheetName ?? "Ark1";
  const problems: SheetProblem[] = [];
  const rows = Array.isArray(cells) ? cells : [];
  const header = findHeader(rows);
  if (!header || header.missing.length) {
    const where = header ? `rad ${header.row + 1}` : "de 20 første radene";
    const missing = (header?.missing ?? REQUIRED).map((k) => NORWEGIAN_HEADERS[k]).join(", ");
    problems.push({
      cell: header ? address(0, header.row + 1) : "A1",
      message: `Forventet overskriftsrad med Kap., Post, Betegnelse, Regnskap 2024, Saldert budsjett 2025, Forslag 2026 i ${where}; mangler: ${missing}.`,
      severity: "error",
    });
    return { model: emptyModel(sheetName, header?.columns ?? {}), problems };
  }
  const col = header.columns as Record<ColumnKey, number | undefined>;
  const model = emptyModel(sheetName, header.columns);
  const chapters = new Map<number, BudgetChapter>();
  const chapterOf = (kap: number): BudgetChapter => {
    let c = chapters.get(kap);
    if (!c) chapters.set(kap, (c = { kap, posts: [] }));
    return c;
  };
  const seen = new Map<string, number>();
  let lastKap: number | null = null;
  const at = (c: number | undefined, r: number): string => address(c ?? 0, r);

  for (let r = header.row + 1; r < rows.length; r++) {
    const row = Array.isArray(rows[r]) ? rows[r] : [];
    const sheetRow = r + 1;
    if (row.every(isEmpty)) continue;
    const get = (k: ColumnKey): unknown => (col[k] === undefined ? null : row[col[k] as number]);
    const text = (k: ColumnKey): string => (cellText(get(k)) ?? "").trim();

    // The header repeated further down (a pasted page break): one warning, not an error per column.
    if (isRepeatedHeader(row, col)) {
      problems.push({
        cell: at(col.kap, sheetRow),
        message: "Overskriftsraden står her en gang til; raden er hoppet over.",
        severity: "warning",
      });
      continue;
    }

    // Sum rows: "Sum kap. 732" (kept as the chapter's sumRow) or other sums ("Sum kategori …", reported as not checked).
    // The label stands in a label column (Kap., Post or Betegnelse); that cell is then not read as an amount.
    const isSumText = (v: unknown) => typeof v === "string" && SUM_OTHER.test(v);
    let labelCol = [col.betegnelse, col.kap, col.post].find((c) => c !== undefined && isSumText(row[c])) ?? -1;
    if (labelCol < 0) {
      // Elsewhere in the row only when the row has no post number (a post's Stikkord may well say «Sum …»).
      const post = readInteger(get("post"));
      if (post.ok && post.value === null) labelCol = row.findIndex(isSumText);
    }
    const label = labelCol >= 0 ? (row[labelCol] as string).trim() : undefined;

    const amounts = {} as Amounts;
    let amountError = false;
    for (const a of AMOUNT_COLUMNS) {
      const read = col[a] === labelCol ? ({ ok: true, value: null } as const) : readAmount(get(a));
      if (read.ok) amounts[a] = read.value;
      else {
        amounts[a] = null;
        amountError = true;
        problems.push({
          cell: at(col[a], sheetRow),
          message: `${NORWEGIAN_HEADERS[a]}: forventet et beløp, fant ${read.message}.`,
          severity: "error",
        });
      }
    }

    if (label !== undefined) {
      const m = SUM_KAP.exec(label);
      if (!m) {
        if (NAMED_SUBTOTAL.test(label)) continue; // «Sum kategori 10.30» etc.: a known subtotal, not a post
        problems.push({
          cell: at(labelCol, sheetRow),
          message: `«${label}» er en delsum som ikke kontrolleres; bare «Sum kap. NNN»-rader sammenlignes med postene.`,
          severity: "warning",
        });
        continue;
      }
      const kap = Number(m[1]);
      const sumRow: SumRow = { row: sheetRow, values: amounts };
      const ranges: Partial<Record<AmountColumn, string>> = {};
      for (const a of AMOUNT_COLUMNS) {
        const f = col[a] === undefined ? null : opts.formulas?.[r]?.[col[a] as number];
        const fm = f ? SUM_FORMULA.exec(f) : null;
        const range = fm ? parseA1Range(fm[1]) : null;
        if (range) ranges[a] = rangeText(range);
        else if (f)
          problems.push({
            cell: at(col[a], sheetRow),
            message: `Sum kap. ${kap}: forventet en SUM-formel, fant «${f}».`,
            severity: "warning",
          });
      }
      if (Object.keys(ranges).length) sumRow.formulaRanges = ranges;
      const ch = chapterOf(kap);
      if (ch.sumRow)
        problems.push({
          cell: at(col.betegnelse, sheetRow),
          message: `Sum kap. ${kap} står allerede i rad ${ch.sumRow.row}.`,
          severity: "error",
        });
      else ch.sumRow = sumRow;
      continue;
    }

    const kapRead = readInteger(get("kap"));
    const postRead = readInteger(get("post"));
    if (!kapRead.ok) {
      problems.push({
        cell: at(col.kap, sheetRow),
        message: `Kap.: forventet et kapittelnummer, fant ${kapRead.message}.`,
        severity: "error",
      });
      continue;
    }
    if (!postRead.ok) {
      problems.push({
        cell: at(col.post, sheetRow),
        message: `Post: forventet et postnummer, fant ${postRead.message}.`,
        severity: "error",
      });
      continue;
    }
    const hasAmounts = AMOUNT_COLUMNS.some((a) => amounts[a] !== null) || amountError;
    // A chapter heading row ("732 | | Regionale helseforetak") sets the chapter for the posts below it.
    if (kapRead.value !== null && postRead.value === null && !hasAmounts) {
      lastKap = kapRead.value;
      continue;
    }
    const kap: number | null = kapRead.value ?? lastKap;
    if (kap === null) {
      problems.push({
        cell: at(col.kap, sheetRow),
        message: "Kap.: forventet et kapittelnummer, fant en tom celle.",
        severity: "error",
      });
      continue;
    }
    if (postRead.value === null) {
      problems.push({
        cell: at(col.post, sheetRow),
        message: `Post: forventet et postnummer i kap. ${kap}, fant en tom celle.`,
        severity: "error",
      });
      continue;
    }
    lastKap = kap;
    const key = `${kap}/${postRead.value}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        cell: at(col.post, sheetRow),
        message: `Post ${kap}/${String(postRead.value).padStart(2, "0")} finnes allerede i rad ${earlier}.`,
        severity: "error",
      });
      continue;
    }
    seen.set(key, sheetRow);
    const { stikkord, unread } = readStikkordCell(text("stikkord"));
    for (const u of unread) {
      problems.push({
        cell: at(col.stikkord, sheetRow),
        message: `Stikkord: «${u}» kan ikke leses (kjente stikkord: kan overføres, overslagsbevilgning, kan nyttes under post(ene) …); ingen regel bruker det.`,
        severity: "warning",
      });
    }
    const post: BudgetPost = {
      kap,
      post: postRead.value,
      betegnelse: text("betegnelse"),
      stikkord,
      ...amounts,
      row: sheetRow,
    };
    if (!post.betegnelse)
      problems.push({
        cell: at(col.betegnelse, sheetRow),
        message: `Betegnelse: forventet navnet på post ${key}, fant en tom celle.`,
        severity: "warning",
      });
    chapterOf(kap).posts.push(post);
    model.posts.push(post);
  }
  // Where the sheet has sum rows, a chapter without one is worth a word (a sheet with none is fine).
  const someHaveSums = [...chapters.values()].some((c) => c.sumRow);
  for (const ch of chapters.values()) {
    const last = ch.posts[ch.posts.length - 1];
    if (someHaveSums && !ch.sumRow && last?.row !== undefined) {
      problems.push({
        cell: at(col.betegnelse, last.row),
        message: `Kap. ${ch.kap} har ingen «Sum kap. ${ch.kap}»-rad etter postene, slik de andre kapitlene har; kapittelsummen er ikke kontrollert.`,
        severity: "warning",
      });
    }
  }
  for (const ch of chapters.values())
    if (!ch.posts.length && ch.sumRow)
      problems.push({
        cell: at(col.betegnelse, ch.sumRow.row),
        message: `Sum kap. ${ch.kap}: forventet poster i kapitlet over, fant ingen.`,
        severity: "warning",
      });
  model.chapters = [...chapters.values()];
  return { model, problems };
}

/** True when a row repeats the header's own labels in the header's columns. */
function isRepeatedHeader(row: readonly unknown[], col: Partial<Record<ColumnKey, number>>): boolean {
  const found = headerColumns(row);
  return REQUIRED.every((k) => found[k] !== undefined && found[k] === col[k]);
}

/** Subtotals the document itself prints between chapters; recognised and not checked. */
const NAMED_SUBTOTAL = /^sum\s+(kategori|programkategori|programområde|utgifter|inntekter|departementets)/i;
