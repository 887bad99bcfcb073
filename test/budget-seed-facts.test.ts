/**
 * Re-proves the committed sheets/hod-2026.csv against figures read straight from the seed text (not from the
 * parser): every "Sum kap." line, the vedtak I amounts, and the department totals printed in vedtak I.
 */
import * as fs from "fs";
import * as path from "path";
import { postsFromCsv } from "../src/budget/csv";
import {
  AMOUNT_COLUMNS,
  isKanOverfores,
  isOverslagsbevilgning,
  kanNyttesUnder,
  type BudgetPost,
} from "../src/budget/model";
import { DEFAULT_SEED } from "../scripts/build-budget";

const ROOT = path.resolve(__dirname, "..");
const csv = postsFromCsv(fs.readFileSync(path.join(ROOT, "sheets/hod-2026.csv"), "utf8"));
const posts = csv.model.posts;
// The seed prints NBSP after an amount's first thousands group; compare with plain spaces.
const seed = fs.existsSync(DEFAULT_SEED) ? fs.readFileSync(DEFAULT_SEED, "utf8").replace(/\u00A0/g, " ") : null;

/** Thousands grouped with spaces, as the document prints them: 237123786 → "237 123 786". */
const grouped = (n: number): string => (n < 0 ? "-" : "") + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

function sumOf(ps: BudgetPost[], c: (typeof AMOUNT_COLUMNS)[number]): number | null {
  const v = ps.map((p) => p[c]).filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) : null;
}

describe("committed hod-2026.csv", () => {
  it("reads without problems", () => expect(csv.problems).toEqual([]));

  it("has 50 chapters and 167 posts (139 utgift, 28 inntekt)", () => {
    expect(new Set(posts.map((p) => p.kap)).size).toBe(50);
    expect(posts).toHaveLength(167);
    expect(posts.filter((p) => p.kap < 3000)).toHaveLength(139);
    expect(posts.filter((p) => p.kap >= 3000)).toHaveLength(28);
  });

  it("department forslag 2026 totals: utgifter 305 304 824, inntekter 6 097 913 (1 000 kr)", () => {
    const f = (pred: (k: number) => boolean): number =>
      posts.filter((p) => pred(p.kap)).reduce((a, p) => a + (p.forslag_2026 ?? 0), 0);
    expect(f((k) => k < 3000)).toBe(305_304_824);
    expect(f((k) => k >= 3000)).toBe(6_097_913);
    if (seed) {
      expect(seed).toContain("Sum departementets utgifter 305 304 824 000");
      expect(seed).toContain("Sum departementets inntekter 6 097 913 000");
    }
  });

  it("stikkord counts on posts with forslag 2026: kan overføres 36, overslagsbevilgning 5, kan nyttes under 20", () => {
    const active = posts.filter((p) => p.forslag_2026 !== null);
    expect(active).toHaveLength(138);
    expect(active.filter(isKanOverfores)).toHaveLength(36);
    expect(active.filter(isOverslagsbevilgning).map((p) => `${p.kap}/${p.post}`)).toEqual([
      "732/76",
      "732/77",
      "732/80",
      "732/83",
      "737/70",
    ]);
    expect(active.filter((p) => kanNyttesUnder(p).length)).toHaveLength(20);
    expect(kanNyttesUnder(posts.find((p) => p.kap === 732 && p.post === 70) as BudgetPost)).toEqual([72, 73, 74, 75]);
  });

  (seed ? it : it.skip)('every chapter: posts sum to the printed "Sum kap." line in all three columns', () => {
    const kaps = [...new Set(posts.map((p) => p.kap))];
    for (const kap of kaps) {
      const ps = posts.filter((p) => p.kap === kap);
      const printed = AMOUNT_COLUMNS.map((c) => sumOf(ps, c))
        .filter((v): v is number => v !== null)
        .map(grouped)
        .join(" ");
      expect(seed).toMatch(new RegExp(`^Sum kap\\. ${kap} ${printed}\\s*$`, "m"));
    }
  });

  (seed ? it : it.skip)("every post with forslag 2026 appears in vedtak I as kroner = forslag × 1000", () => {
    const vedtak = (seed as string).slice(
      (seed as string).indexOf("Kapitlene 700–783"),
      (seed as string).indexOf("Sum departementets inntekter"),
    );
    for (const p of posts.filter((x) => x.forslag_2026 !== null))
      expect(vedtak).toContain(grouped((p.forslag_2026 as number) * 1000));
  });
});
