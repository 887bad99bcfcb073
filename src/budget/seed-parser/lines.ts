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

/**
 * The tables whose column header is the line `header`, in order: each one's body (without the repeated
 * column-header words `headerWords` of a page break) up to the line `sum` matches, or to the next table with the
 * same header. `sum` is that line's match, or null when the table does not close with one; after a table that
 * does, the search goes on after its sum line, otherwise right after its header.
 */
export function* seedTables(
  lines: SeedLine[],
  header: string,
  sum: RegExp,
  headerWords: RegExp,
): Generator<{ headerLine: number; body: SeedLine[]; sum: RegExpExecArray | null; sumLine: number }> {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].text !== header) continue;
    const body: SeedLine[] = [];
    let j = i + 1;
    while (j < lines.length && !sum.test(lines[j].text) && lines[j].text !== header) {
      if (!headerWords.test(lines[j].text)) body.push(lines[j]);
      j++;
    }
    const m = j < lines.length ? sum.exec(lines[j].text) : null;
    yield { headerLine: lines[i].no, body, sum: m, sumLine: m ? lines[j].no : NaN };
    if (m) i = j;
  }
}
