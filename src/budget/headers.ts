/** Recognises the budget table's header row: Norwegian document headings or the CSV names, any order/case/spacing. */
import type { ColumnKey } from "./model";
import { cellText } from "./amount-cell";

const NAMES: Record<ColumnKey, string[]> = {
  kap: ["kap", "kap.", "kapittel"],
  post: ["post"],
  betegnelse: ["betegnelse", "navn"],
  stikkord: ["stikkord"],
  regnskap_2024: ["regnskap 2024"],
  saldert_2025: ["saldert budsjett 2025", "saldert 2025"],
  forslag_2026: ["forslag 2026"],
};

/** The printed Norwegian heading of each column (used in messages and when writing sheets). */
export const NORWEGIAN_HEADERS: Record<ColumnKey, string> = {
  kap: "Kap.",
  post: "Post",
  betegnelse: "Betegnelse",
  stikkord: "Stikkord",
  regnskap_2024: "Regnskap 2024",
  saldert_2025: "Saldert budsjett 2025",
  forslag_2026: "Forslag 2026",
};

export const REQUIRED: readonly ColumnKey[] = [
  "kap",
  "post",
  "betegnelse",
  "regnskap_2024",
  "saldert_2025",
  "forslag_2026",
];

export function normalizeHeader(v: unknown): string {
  return (cellText(v) ?? "")
    .replace(/[_\s\u00A0\u202F]+/g, " ")
    .trim()
    .toLowerCase();
}

export function headerKey(v: unknown): ColumnKey | null {
  const n = normalizeHeader(v);
  for (const [key, names] of Object.entries(NAMES) as [ColumnKey, string[]][]) if (names.includes(n)) return key;
  return null;
}

/** Column index per key for one row (first occurrence wins). */
export function headerColumns(row: readonly unknown[]): Partial<Record<ColumnKey, number>> {
  const out: Partial<Record<ColumnKey, number>> = {};
  if (!Array.isArray(row)) return out; // a malformed row is no header; the reader reports it
  row.forEach((v, i) => {
    const k = headerKey(v);
    if (k && out[k] === undefined) out[k] = i;
  });
  return out;
}

export interface HeaderFound {
  row: number; // 0-based index in cells
  columns: Partial<Record<ColumnKey, number>>;
  missing: ColumnKey[];
}

/** The row among the first `limit` with the most recognised required headers. */
export function findHeader(cells: readonly (readonly unknown[])[], limit = 20): HeaderFound | null {
  let best: HeaderFound | null = null;
  for (let r = 0; r < Math.min(limit, cells.length); r++) {
    const columns = headerColumns(cells[r] ?? []);
    const missing = REQUIRED.filter((k) => columns[k] === undefined);
    if (missing.length === REQUIRED.length) continue;
    if (!best || missing.length < best.missing.length) best = { row: r, columns, missing };
  }
  return best;
}
