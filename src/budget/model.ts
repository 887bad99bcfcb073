/**
 * Budget model shared by the seed parser, the CSV/XLSX readers and the rules engine.
 * Amounts are in 1 000 kr, as printed in Prop. 1 S; null means the table cell is empty (not zero).
 */

export type AmountColumn = "regnskap_2024" | "saldert_2025" | "forslag_2026";
export const AMOUNT_COLUMNS: readonly AmountColumn[] = ["regnskap_2024", "saldert_2025", "forslag_2026"];

export type ColumnKey = "kap" | "post" | "betegnelse" | "stikkord" | AmountColumn;
export const COLUMN_KEYS: readonly ColumnKey[] = ["kap", "post", "betegnelse", "stikkord", ...AMOUNT_COLUMNS];

export type Amounts = Record<AmountColumn, number | null>;

export interface BudgetPost extends Amounts {
  kap: number;
  post: number;
  betegnelse: string;
  /** Annotations split off the printed name, document wording, e.g. "kan overføres". */
  stikkord: string[];
  /** 1-based sheet row, when the post was read from a sheet. */
  row?: number;
}

export interface SumRow {
  /** 1-based sheet row. */
  row: number;
  values: Amounts;
  /** Per amount column: the SUM range of the cell's formula (e.g. "E5:E9"), when one was given. */
  formulaRanges?: Partial<Record<AmountColumn, string>>;
}

export interface BudgetChapter {
  kap: number;
  posts: BudgetPost[];
  sumRow?: SumRow;
}

export interface BudgetModel {
  sheetName: string;
  chapters: BudgetChapter[];
  posts: BudgetPost[];
  /** Column letter of each field in the sheet (for A1 addresses in problems). */
  columns: Record<ColumnKey, string>;
}

/** Expenditure chapters are below 3000 (700–799, 2700–2799); revenue chapters 3000 and up. */
export function isInntektKap(kap: number): boolean {
  return kap >= 3000;
}

const KAN_OVERFORES = /^kan overføres$/i;
const OVERSLAG = /^overslagsbevilgning$/i;
const KAN_NYTTES = /^kan nyttes under posten[e]?\s+(.+)$|^kan nyttes under post\s+(.+)$/i;

export function isKanOverfores(p: Pick<BudgetPost, "stikkord">): boolean {
  return p.stikkord.some((s) => KAN_OVERFORES.test(s.trim()));
}

export function isOverslagsbevilgning(p: Pick<BudgetPost, "stikkord">): boolean {
  return p.stikkord.some((s) => OVERSLAG.test(s.trim()));
}

/** Post numbers a "kan nyttes under post(ene) …" annotation points to: "postene 72, 73, 74 og 75" → [72, 73, 74, 75]. */
export function kanNyttesUnder(p: Pick<BudgetPost, "stikkord">): number[] {
  const out: number[] = [];
  for (const s of p.stikkord) {
    const m = KAN_NYTTES.exec(s.trim());
    if (!m) continue;
    const list = m[1] ?? m[2] ?? "";
    for (const n of list.match(/\d+/g) ?? []) {
      const v = Number(n);
      if (!out.includes(v)) out.push(v);
    }
  }
  return out;
}
