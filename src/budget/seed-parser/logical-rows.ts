/** Joins wrapped table lines into logical rows (a row starts where `startOf` matches). */
import type { SeedLine } from "./lines";

export interface LogicalRow {
  /** The key printed at the start of the row (post or chapter number). */
  key: number;
  /** Text after the key, wrapped lines joined. */
  text: string;
  /** Seed line number of the row's first line. */
  line: number;
}

/**
 * Joins a wrapped line onto the text before it. A trailing hyphen is a word break ("helse-" + "tjenesten")
 * unless the next word is a conjunction ("helse- og omsorg"), in which case the hyphen is kept with a space.
 */
export function joinWrapped(before: string, next: string): string {
  const b = before.replace(/\s+$/, "");
  const n = next.trim();
  if (/[A-Za-zÆØÅæøå]-$/.test(b) && /^[a-zæøå]/.test(n) && !/^(og|eller|til)\b/.test(n)) return b.slice(0, -1) + n;
  return `${b} ${n}`;
}

/** Groups lines into rows. Lines before the first row start are returned in `orphans` (a parse error for callers). */
export function groupRows(
  lines: SeedLine[],
  startOf: (text: string) => { key: number; rest: string } | null,
): { rows: LogicalRow[]; orphans: SeedLine[] } {
  const rows: LogicalRow[] = [];
  const orphans: SeedLine[] = [];
  for (const l of lines) {
    const s = startOf(l.text);
    if (s) rows.push({ key: s.key, text: s.rest, line: l.no });
    else if (rows.length) rows[rows.length - 1].text = joinWrapped(rows[rows.length - 1].text, l.text);
    else orphans.push(l);
  }
  return { rows, orphans };
}

/** "21 Spesielle …" → post 21. The name must start with a capital letter, which rules out "2008 1 992 000". */
export function postStart(text: string): { key: number; rest: string } | null {
  const m = /^(\d{2})\s+([A-ZÆØÅ].*)$/.exec(text);
  return m ? { key: Number(m[1]), rest: m[2] } : null;
}

/** "732 Regionale helseforetak …" → chapter 732. */
export function kapStart(text: string): { key: number; rest: string } | null {
  const m = /^(\d{3,4})\s+([A-ZÆØÅ].*)$/.exec(text);
  return m ? { key: Number(m[1]), rest: m[2] } : null;
}
