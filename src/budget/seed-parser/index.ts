/**
 * Parses the seed (Prop. 1 S 2025–2026, HOD) into posts and chapters.
 * Order matters: the overview tables and vedtak I are read first (each checked by its own printed sums),
 * because they are the independent evidence for chapter tables whose sum line alone can be read several ways.
 */
import { contentLines, toLines } from "./lines";
import { parseOverviewTables, type OverviewChapter, type OverviewTable } from "./overview-tables";
import { parsePostTables, type Anchors, type ParsedChapterTable } from "./post-tables";
import { parseVedtak, type Vedtak } from "./vedtak";

export interface SeedParse {
  tables: ParsedChapterTable[];
  overview: OverviewTable[];
  overviewByKap: Map<number, OverviewChapter>;
  vedtak: Vedtak | null;
  errors: string[];
  /** The seed's raw lines (index = line number − 1), for typographic checks. */
  rawLines: string[];
}

function anchorsFrom(overview: OverviewChapter[], vedtak: Vedtak | null): Anchors {
  const anchors: Anchors = new Map();
  for (const c of overview) anchors.set(c.kap, { values: [...c.values], source: "oversiktstabell" });
  for (const c of vedtak?.chapters ?? []) {
    if (c.totalKroner % 1000 !== 0) continue;
    const forslag = c.totalKroner / 1000;
    const a = anchors.get(c.kap);
    if (a) a.source += " og vedtak I";
    else anchors.set(c.kap, { values: [undefined, undefined, forslag], source: "vedtak I" });
  }
  return anchors;
}

export function parseSeed(text: string): SeedParse {
  const lines = contentLines(toLines(text));
  const ov = parseOverviewTables(lines);
  const ved = parseVedtak(lines);
  const overviewChapters = ov.tables.flatMap((t) => t.chapters);
  const pt = parsePostTables(lines, anchorsFrom(overviewChapters, ved.vedtak));
  return {
    tables: pt.tables,
    overview: ov.tables,
    overviewByKap: new Map(overviewChapters.map((c) => [c.kap, c])),
    vedtak: ved.vedtak,
    errors: [...ov.errors, ...ved.errors, ...pt.errors],
    rawLines: text.split(/\r?\n/),
  };
}
