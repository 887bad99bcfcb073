/**
 * What Prop. 1 S says about each chapter's (or post's) changes from Saldert 2025: either «Det er ingen
 * vesentlige endringsforslag …» (only the general price and wage adjustment and cross-cutting measures)
 * or «Vesentlige endringsforslag …» followed by the listed changes. Found by the headings around them.
 */
import { contentLines, SeedLine, toLines } from "./lines";

export type StatementKind = "bare-prisjustering" | "vesentlige-endringer";

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

const KAP_HEADING = /^(?:Sum )?[Kk]ap\. (\d{3,4})\b/;
const POST_HEADING = /^Post (\d{2}) [A-ZÆØÅ]/;
const NONE = /ingen vesentlige endringsforslag/i;
const SOME = /^Vesentlige endringsforslag,? ut ?over/i;
const MAX_TEXT = 400;

/** Joins PDF lines, mending words hyphenated across a line break («gjennomgå-» + «ende»). */
export function joinLines(lines: string[]): string {
  let out = "";
  for (const l of lines) {
    // «pris-» + «og lønn…» is Norwegian shorthand (pris- og lønnsjustering), not a broken word.
    if (out.endsWith("-") && /^[a-zæøå]/.test(l) && !/^(og|eller)\b/.test(l)) out = out.slice(0, -1) + l;
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
  for (const m of joined.slice(0, Math.max(at, 0) + 1).matchAll(/[.:]\s+(?=[A-ZÆØÅ«])/g)) if (m.index! + m[0].length <= at) stop = m.index! + m[0].length;
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
      continue;
    }
    if (kap === null) continue;
    // A statement may start mid-line («… Det er ingen vesentlige …»): look at this line and the next.
    const here = joinLines([t, lines[i + 1]?.text ?? ""]);
    const none = NONE.test(here) && !NONE.test(joinLines([lines[i - 1]?.text ?? "", ""]));
    if (none || SOME.test(t)) {
      out.push({ kap, post, line: lines[i].no, kind: none ? "bare-prisjustering" : "vesentlige-endringer", text: excerpt(lines, i) });
    }
  }
  // One statement per chapter/post: the first the document gives.
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.kap}/${s.post ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
