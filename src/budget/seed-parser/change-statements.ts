/**
 * What Prop. 1 S says about each chapter's (or post's) changes from Saldert 2025: either «Det er ingen
 * vesentlige endringsforslag …» (only the general price and wage adjustment and cross-cutting measures)
 * or «Vesentlige endringsforslag …» followed by the listed changes. Found by the headings around them.
 */
import { contentLines, SeedLine, toLines } from "./lines";

/**
 * bare-prisjustering: «ingen vesentlige endringsforslag utover … pris- og lønnsjustering» (or «prisomregning»);
 * ingen-endring: «ingen vesentlige endringsforslag sammenlignet med saldert budsjett» with no word of price
 * adjustment, so an unchanged (nominal) amount is what the document says; vesentlige-endringer: the listed changes;
 * postomtale: no statement of either kind, only the post's own section (its first sentences), quoted so the officer
 * reads that chapter's own text.
 */
export type StatementKind = "bare-prisjustering" | "ingen-endring" | "vesentlige-endringer" | "postomtale";

export interface ChangeStatement {
  kap: number;
  /** The post whose section holds the statement, or null for the whole chapter. */
  post: number | null;
  /** 1-based seed line where the statement starts. */
  line: number;
  kind: StatementKind;
  /** The statement and the changes it lists, de-hyphenated, at most 400 characters. */
  text: string;
}

// A chapter heading is «Kap. 702 Beredskap» or «Sum kap. 702»; a wrapped sentence may also start a line with a
// lower-case «kap. 710 om vaksiner …» (seed 003 L6683, inside kap. 702), which is a reference, not a heading.
const KAP_HEADING = /^(?:Sum kap|Kap)\. (\d{3,4})\b/;
const POST_HEADING = /^Post (\d{2}) [A-ZÆØÅ]/;
const NONE = /ingen vesentlige endringsforslag/i;
const SOME = /^Vesentlige endringsforslag,? ut ?over/i;
const MAX_TEXT = 400;
const POST_TEXT = 240;
/** «utover … pris- og lønnsjustering», «Ut over generell prisomregning»: the statement allows the adjustment. */
const PRICE_ADJUSTMENT = /pris- og lønnsjust|prisomregning|prisjust/i;

/** A post section's opening: the heading's title may wrap onto a lower-case line, which is skipped. */
function postExcerpt(lines: SeedLine[], heading: number): string {
  const taken: string[] = [];
  let i = heading + 1;
  // «Post 72 Kompensasjon til» / «legemiddelgrossister», «… etter» / «2008», «… til» / «Helseplattformen»: a short
  // line without a full stop right after the heading is the rest of the title.
  if (
    i < lines.length &&
    (/^[a-zæøå0-9]/.test(lines[i].text) || (lines[i].text.length < 40 && !/\.\s*$/.test(lines[i].text)))
  )
    i++;
  for (; i < lines.length && taken.length < 8; i++) {
    const t = lines[i].text;
    if (POST_HEADING.test(t) || KAP_HEADING.test(t) || /^(\(i 1 000 kr\)|Tabell )/.test(t)) break;
    taken.push(t);
  }
  // Whole sentences up to about POST_TEXT characters: enough to say what the post pays for and what is proposed.
  let text = "";
  for (const sentence of joinLines(taken).split(/(?<=[.!?])\s+(?=[A-ZÆØÅ«–])/)) {
    if (text && text.length + sentence.length > POST_TEXT) break;
    text = text ? `${text} ${sentence}` : sentence;
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).replace(/\s+\S*$/, "")} …` : text;
}

/** Joins PDF lines, mending words hyphenated across a line break («gjennomgå-» + «ende»). */
export function joinLines(lines: string[]): string {
  let out = "";
  for (const l of lines) {
    // «pris-» + «og lønn…» is Norwegian shorthand (pris- og lønnsjustering), not a broken word.
    // «CBRNE-» + «medisin» keeps its hyphen: after a capital it is part of a compound, not a line break.
    if (out.endsWith("-") && !/[A-ZÆØÅ]-$/.test(out) && /^[a-zæøå]/.test(l) && !/^(og|eller)\b/.test(l))
      out = out.slice(0, -1) + l;
    else out = out ? `${out} ${l}` : l;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** The statement from the start of its sentence, with the changes it lists. */
function excerpt(lines: SeedLine[], from: number): string {
  const taken: string[] = from > 0 ? [lines[from - 1].text] : [];
  for (let i = from; i < lines.length && taken.length < 15; i++) {
    const t = lines[i].text;
    if (i > from && (POST_HEADING.test(t) || KAP_HEADING.test(t) || /^\(i 1 000 kr\)$/.test(t))) break;
    taken.push(t);
  }
  const joined = joinLines(taken);
  const at = joined.search(/(Det er )?ingen vesentlige endringsforslag|Vesentlige endringsforslag/i);
  // «Vesentlige endringsforslag …» opens its own paragraph; «… ingen vesentlige …» is inside a sentence.
  const heading = at >= 0 && joined.startsWith("Vesentlige", at);
  // A sentence ends at «.» or «:» before a capital letter («kap. 704» is not an end).
  let stop = -1;
  for (const m of joined.slice(0, Math.max(at, 0) + 1).matchAll(/[.:]\s+(?=[A-ZÆØÅ«])/g))
    if (m.index! + m[0].length <= at) stop = m.index! + m[0].length;
  const sentence = heading || stop < 0 ? at : stop;
  const text = joined.slice(at >= 0 ? sentence : 0);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).replace(/\s+\S*$/, "")} …` : text;
}

export function parseChangeStatements(seedText: string): ChangeStatement[] {
  const lines = contentLines(toLines(seedText));
  const out: ChangeStatement[] = [];
  let kap: number | null = null;
  let post: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    const k = KAP_HEADING.exec(t);
    if (k) {
      if (Number(k[1]) !== kap) post = null;
      kap = Number(k[1]);
      continue;
    }
    const p = POST_HEADING.exec(t);
    if (p) {
      post = Number(p[1]);
      if (kap !== null) {
        const text = postExcerpt(lines, i);
        if (text) out.push({ kap, post, line: lines[i].no, kind: "postomtale", text });
      }
      continue;
    }
    if (kap === null) continue;
    // A statement may start mid-line («… Det er ingen vesentlige …»): look at this line and the next.
    const here = joinLines([t, lines[i + 1]?.text ?? ""]);
    const none = NONE.test(here) && !NONE.test(joinLines([lines[i - 1]?.text ?? "", ""]));
    if (none || SOME.test(t)) {
      const text = excerpt(lines, i);
      out.push({
        kap,
        post,
        line: lines[i].no,
        kind: none ? (PRICE_ADJUSTMENT.test(text) ? "bare-prisjustering" : "ingen-endring") : "vesentlige-endringer",
        text,
      });
    }
  }
  // One statement per chapter/post: the first the document gives; a post's own section text is kept apart.
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.kap}/${s.post ?? ""}${s.kind === "postomtale" ? "/omtale" : ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
