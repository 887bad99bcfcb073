/**
 * Prop. 1 S's own printed figures per post (the seed-derived sheets/hod-2026.csv), so a check can tell
 * a sheet that drifted from the document. Parsing only; Node and the browser each supply the text.
 */
import { parseCsv } from "./csv";
import type { Amounts } from "./model";

export type PropReference = Map<string, Amounts & { betegnelse: string }>;

export const referenceKey = (kap: number, post: number): string => `${kap}/${post}`;

export function parseReference(csvText: string): PropReference {
  const [header, ...rows] = parseCsv(csvText);
  const col = (name: string) => header.indexOf(name);
  const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
  const out: PropReference = new Map();
  for (const r of rows) {
    if (r.length < header.length) continue;
    out.set(referenceKey(Number(r[col("kap")]), Number(r[col("post")])), {
      betegnelse: r[col("betegnelse")],
      regnskap_2024: num(r[col("regnskap_2024")]),
      saldert_2025: num(r[col("saldert_2025")]),
      forslag_2026: num(r[col("forslag_2026")]),
    });
  }
  return out;
}
