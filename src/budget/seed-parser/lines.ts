/** Seed text as numbered lines, with PDF page furniture removed. */

export interface SeedLine {
  /** 1-based line number in the seed file (for error messages). */
  no: number;
  text: string;
}

/** Running page headers, e.g. "2025–2026 Prop. 1 S 17" and "40 Prop. 1 S 2025–2026". */
export function isPageHeader(text: string): boolean {
  const t = text.trim();
  return /^\d{4}[–-]\d{4}\s+Prop\.\s*1\s*S\s+\d+$/.test(t) || /^\d+\s+Prop\.\s*1\s*S\s+\d{4}[–-]\d{4}$/.test(t);
}

export function toLines(text: string): SeedLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t }));
}

/** Trimmed, non-blank lines without page headers; line numbers kept. */
export function contentLines(lines: SeedLine[]): SeedLine[] {
  return lines
    .map((l) => ({ no: l.no, text: l.text.replace(/\s+/g, " ").trim() }))
    .filter((l) => l.text !== "" && !isPageHeader(l.text));
}
