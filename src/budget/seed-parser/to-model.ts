/** Turns the parsed chapter tables into BudgetPost rows (sorted by kap, post) and chapter reference rows. */
import type { BudgetPost } from "../model";
import type { SeedParse } from "./index";

export interface ChapterReference {
  kap: number;
  navn: string;
  regnskap_2024: number | null;
  saldert_2025: number | null;
  forslag_2026: number | null;
  endring_pst: string;
  programkategori: string;
}

export function postsFromSeed(s: SeedParse): BudgetPost[] {
  return s.tables
    .flatMap((t) =>
      t.posts.map((p) => ({
        kap: p.kap,
        post: p.post,
        betegnelse: p.betegnelse,
        stikkord: p.stikkord,
        regnskap_2024: p.values[0],
        saldert_2025: p.values[1],
        forslag_2026: p.values[2],
      })),
    )
    .sort((a, b) => a.kap - b.kap || a.post - b.post);
}

/** The document's own chapter totals ("Sum kap."), with name, percentage and category from the overview tables where printed. */
export function chaptersFromSeed(s: SeedParse): ChapterReference[] {
  const vedtakNames = new Map((s.vedtak?.chapters ?? []).map((c) => [c.kap, c.navn]));
  return s.tables
    .map((t) => {
      const o = s.overviewByKap.get(t.kap);
      return {
        kap: t.kap,
        navn: o?.navn ?? vedtakNames.get(t.kap) ?? "",
        regnskap_2024: t.sum[0],
        saldert_2025: t.sum[1],
        forslag_2026: t.sum[2],
        endring_pst: o?.endringPst ?? "",
        programkategori: o?.programkategori ?? "",
      };
    })
    .sort((a, b) => a.kap - b.kap);
}
