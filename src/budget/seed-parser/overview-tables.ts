/**
 * Programme-category overview tables: "Kap. Betegnelse / Regnskap 2024 / … / Endring i pst.",
 * one row per chapter, closed by "Sum kategori NN.NN" (which must equal the sum of the chapter rows).
 */
import { seedTables, type SeedLine } from "./lines";
import { groupRows, kapStart } from "./logical-rows";
import { rowReadings, totalReadings } from "./amount-tokens";
import { solveSums, type Vec } from "./solver";
import { endringPst } from "./percent";

export interface OverviewChapter {
  kap: number;
  navn: string;
  values: Vec;
  /** "Endring i pst." as printed, e.g. "-0,4". */
  endringPst: string;
  programkategori: string;
  line: number;
}

export interface OverviewTable {
  programkategori: string;
  chapters: OverviewChapter[];
  sum: Vec;
  sumEndringPst: string;
  headerLine: number;
  consistent: number;
  /** Set when the sums alone allowed several readings and "Endring i pst." had to pick one. */
  resolvedBy?: "endring i pst.";
}

const PCT = /^-?\d+,\d$/;
const HEADER_WORDS = /^(Regnskap|2024|Saldert|budsjett 2025|Forslag|2026|Endring|i pst\.|\(i 1 000 kr\))$/;
const SUM_KATEGORI = /^Sum kategori\s+(\d{2}\.\d{2})\s+(.*)$/;

/** Splits the trailing percentage off "… 304 141 323 186 333 959 3,3". */
function splitPct(text: string): { rest: string; pct: string } | null {
  const tokens = text.trim().split(/\s+/);
  const pct = tokens.pop();
  return pct && PCT.test(pct) ? { rest: tokens.join(" "), pct } : null;
}

export function parseOverviewTables(lines: SeedLine[]): { tables: OverviewTable[]; errors: string[] } {
  const tables: OverviewTable[] = [];
  const errors: string[] = [];
  for (const { headerLine, body, sum: sm } of seedTables(lines, "Kap. Betegnelse", SUM_KATEGORI, HEADER_WORDS)) {
    if (!sm) continue; // "Kap. Betegnelse" also heads other tables (e.g. vedtak fullmakter); only category tables end in "Sum kategori"
    const programkategori = sm[1];
    const { rows, orphans } = groupRows(body, kapStart);
    for (const o of orphans)
      errors.push(`kategori ${programkategori}: linje ${o.no} "${o.text}" hører ikke til noe kapittel`);
    const sumSplit = splitPct(sm[2]);
    const rowSplits = rows.map((r) => splitPct(r.text));
    if (!sumSplit || rowSplits.some((s) => !s)) {
      errors.push(`kategori ${programkategori} (linje ${headerLine}): mangler "Endring i pst." på en rad`);
      continue;
    }
    const choices = rowSplits.map((s) => rowReadings((s as { rest: string }).rest));
    const totals = totalReadings(sumSplit.rest);
    let solved = solveSums(choices, totals, 3);
    let resolvedBy: OverviewTable["resolvedBy"];
    if (solved.consistent > 1) {
      // A one-chapter category reads the same in the row and the sum; the printed percentage tells which reading.
      const pctOk = (values: Vec, pct: string): boolean => endringPst(values[1], values[2]) === pct;
      solved = solveSums(
        choices.map((cs, k) => cs.filter((c) => pctOk(c.values, (rowSplits[k] as { pct: string }).pct))),
        totals.filter((t) => pctOk(t.values, sumSplit.pct)),
        3,
      );
      resolvedBy = "endring i pst.";
    }
    if ("error" in solved) {
      errors.push(`kategori ${programkategori} (linje ${headerLine}): ${solved.error}`);
      continue;
    }
    tables.push({
      programkategori,
      chapters: rows.map((r, k) => ({
        kap: r.key,
        navn: solved.rows[k].name,
        values: solved.rows[k].values,
        endringPst: (rowSplits[k] as { pct: string }).pct,
        programkategori,
        line: r.line,
      })),
      sum: solved.total,
      sumEndringPst: sumSplit.pct,
      headerLine,
      consistent: solved.consistent,
      resolvedBy,
    });
  }
  return { tables, errors };
}
