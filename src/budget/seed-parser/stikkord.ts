/**
 * One stikkord grammar (issue 12.4), for the seed parser (a printed post name) and the sheet reader (a
 * stikkord cell). Annotations are separated by commas, as Prop. 1 S prints them, or by semicolons, as our
 * sheet writes them; a comma inside «kan nyttes under postene 72, 73 og 75» is not a separator.
 */

const ANNOTATION = "(?:kan overføres|overslagsbevilgning|kan nyttes under)";
const FIRST = new RegExp(`\\s*,\\s*(?=${ANNOTATION})`, "i");
const BETWEEN = new RegExp(`\\s*;\\s*|\\s*,\\s*(?=${ANNOTATION})`, "gi");
/** Every stikkord the rules read: kan overføres, overslagsbevilgning, kan nyttes under post(ene) N[, N … og N]. */
const KNOWN =
  /^(?:kan overføres|overslagsbevilgning|kan nyttes under (?:post|postene) \d{1,2}(?:(?:\s*,\s*|\s+og\s+)\d{1,2})*)$/i;

/** The annotations in a run of stikkord text, in order. */
export function splitAnnotations(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(BETWEEN)
    .map((s) => s.replace(/[,;]\s*$/, "").trim())
    .filter(Boolean);
}

export function isKnownStikkord(s: string): boolean {
  return KNOWN.test(s.trim());
}

export function splitStikkord(printedName: string): { betegnelse: string; stikkord: string[] } {
  const name = printedName.replace(/\s+/g, " ").trim();
  const m = FIRST.exec(name);
  if (!m) return { betegnelse: name, stikkord: [] };
  return { betegnelse: name.slice(0, m.index).trim(), stikkord: splitAnnotations(name.slice(m.index + m[0].length)) };
}

/** A stikkord cell: every annotation (kept in order), and the ones the grammar cannot read (to report, never drop). */
export function readStikkordCell(text: string): { stikkord: string[]; unread: string[] } {
  const stikkord = splitAnnotations(text);
  return { stikkord, unread: stikkord.filter((s) => !isKnownStikkord(s)) };
}
