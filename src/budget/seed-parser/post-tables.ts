/**
 * The chapter tables: "Post Betegnelse / Regnskap 2024 / Saldert budsjett 2025 / Forslag 2026",
 * post rows, then "Sum kap. NNN" with the chapter total.
 */
import { seedTables, type SeedLine } from "./lines";
import { groupRows, postStart } from "./logical-rows";
import { rowReadings, totalReadings } from "./amount-tokens";
import { solveSums, type Vec } from "./solver";
import { splitStikkord } from "./stikkord";

export interface ParsedPost {
  kap: number;
  post: number;
  printedName: string;
  betegnelse: string;
  stikkord: string[];
  values: Vec; // [regnskap_2024, saldert_2025, forslag_2026]
  line: number;
}

export interface ParsedChapterTable {
  kap: number;
  posts: ParsedPost[];
  /** The printed "Sum kap." values. */
  sum: Vec;
  headerLine: number;
  sumLine: number;
  /** Consistent readings of the amounts from the sum line alone (1 = the table could be read one way only). */
  consistent: number;
  /** Set when the sum line alone allowed several readings: the chapter totals from elsewhere in the document were used. */
  anchoredBy?: string;
  /** Consistent readings left after anchoring; above 1 the magnitude tie-breaker chose. */
  consistentAnchored?: number;
}

const HEADER_WORDS =
  /^(Regnskap|2024|Saldert|budsjett 2025|Saldert budsjett 2025|Forslag|2026|Forslag 2026|Regnskap 2024|\(i 1 000 kr\))$/;
const SUM_KAP = /^Sum kap\.\s+(\d{3,4})\s+(.*)$/;

/** Chapter totals known from other parts of the document (overview tables, vedtak I); undefined = not known there. */
export type Anchors = Map<number, { values: (number | null | undefined)[]; source: string }>;

function anchorOk(anchor: (number | null | undefined)[] | undefined, values: Vec): boolean {
  return !anchor || anchor.every((a, i) => a === undefined || a === values[i]);
}

export function parsePostTables(
  lines: SeedLine[],
  anchors: Anchors = new Map(),
): { tables: ParsedChapterTable[]; errors: string[] } {
  const tables: ParsedChapterTable[] = [];
  const errors: string[] = [];
  for (const { headerLine, body, sum: sumMatch, sumLine } of seedTables(
    lines,
    "Post Betegnelse",
    SUM_KAP,
    HEADER_WORDS,
  )) {
    if (!sumMatch) {
      errors.push(`Tabellen på linje ${headerLine} slutter uten "Sum kap."-linje`);
      continue;
    }
    const kap = Number(sumMatch[1]);
    const { rows, orphans } = groupRows(body, postStart);
    for (const o of orphans) errors.push(`kap. ${kap}: linje ${o.no} "${o.text}" hører ikke til noen post`);
    const sumChoices = totalReadings(sumMatch[2]);
    const rowChoiceList = rows.map((r) => rowReadings(r.text));
    let solved = solveSums(rowChoiceList, sumChoices, 3);
    const consistent = solved.consistent;
    let anchoredBy: string | undefined;
    let consistentAnchored: number | undefined;
    const anchor = anchors.get(kap);
    if (solved.consistent > 1 && anchor) {
      // e.g. a one-post chapter: post = sum in every reading, so only the totals printed elsewhere can decide.
      solved = solveSums(
        rowChoiceList,
        sumChoices.filter((c) => anchorOk(anchor.values, c.values)),
        3,
      );
      anchoredBy = anchor.source;
      consistentAnchored = solved.consistent;
    }
    if ("error" in solved) {
      errors.push(`kap. ${kap} (linje ${headerLine}–${sumLine}): ${solved.error}`);
      continue;
    }
    const posts = rows.map((r, k): ParsedPost => {
      const { name, values } = solved.rows[k];
      return { kap, post: r.key, printedName: name, ...splitStikkord(name), values, line: r.line };
    });
    tables.push({
      kap,
      posts,
      sum: solved.total,
      headerLine,
      sumLine,
      consistent,
      anchoredBy,
      consistentAnchored,
    });
  }
  return { tables, errors };
}
