/**
 * The facts a budget-post rule file can ask about, derived from the budget model: one set per post
 * row and one per chapter. A rule file declares the subset it uses; the checker passes only those.
 */
import {
  AMOUNT_COLUMNS,
  BudgetChapter,
  BudgetModel,
  BudgetPost,
  isInntektKap,
  isKanOverfores,
  isOverslagsbevilgning,
  kanNyttesUnder,
} from "./model";
import { PropReference, referenceKey } from "./reference";
import { nameFacts, PostNameWords } from "./post-names";
import { endringPst } from "./endring-pst";
import { parseA1Range } from "./a1";

export type FactRow = Record<string, string | number | boolean | null>;

/** `words`: which names count as transfers / operating costs, from the rule set (post-names.ts). */
export function postFacts(
  model: BudgetModel,
  chapter: BudgetChapter,
  p: BudgetPost,
  words: PostNameWords,
  reference?: PropReference,
): FactRow {
  const postsInChapter = new Set(chapter.posts.map((x) => x.post));
  const refs = kanNyttesUnder(p);
  const missing = refs.filter((n) => !postsInChapter.has(n));
  // The other direction: posts of the chapter whose appropriation «kan nyttes under» this post.
  const drawnFrom = chapter.posts
    .filter((x) => x !== p && kanNyttesUnder(x).includes(p.post))
    .map((x) => String(x.post).padStart(2, "0"));
  return {
    kap: p.kap,
    post: p.post,
    betegnelse: p.betegnelse,
    inntekt: isInntektKap(p.kap),
    kan_overfores: isKanOverfores(p),
    overslagsbevilgning: isOverslagsbevilgning(p),
    aktiv_post: p.saldert_2025 !== null || p.forslag_2026 !== null,
    ...nameFacts(p.betegnelse, words),
    kan_nyttes_under: refs.join(", "),
    kan_nyttes_under_antall: refs.length,
    kan_nyttes_under_mangler: missing.join(", "),
    kan_nyttes_under_mangler_antall: missing.length,
    kan_belastes_fra: drawnFrom.join(", "),
    kan_belastes_fra_antall: drawnFrom.length,
    regnskap_2024: p.regnskap_2024,
    saldert_2025: p.saldert_2025,
    forslag_2026: p.forslag_2026,
    endring_pst: endringPst(p.saldert_2025, p.forslag_2026),
    endring_belop: p.saldert_2025 !== null && p.forslag_2026 !== null ? p.forslag_2026 - p.saldert_2025 : null,
    ...referenceFacts(p, reference),
  };
}

/** The document's own figures for this post; `i_prop` false when Prop. 1 S has no such post. */
function referenceFacts(p: BudgetPost, reference?: PropReference): FactRow {
  const none = {
    i_prop: null,
    prop_regnskap_2024: null,
    prop_saldert_2025: null,
    prop_forslag_2026: null,
    avvik_fra_prop: null,
  };
  if (!reference) return { ...none, omtale_type: null, omtale_linje: null, omtale_tekst: null };
  // What the document says about this post's change: its own statement, else its chapter's.
  const statement =
    reference.statements.get(referenceKey(p.kap, p.post)) ?? reference.statements.get(referenceKey(p.kap, null));
  // Without a statement, the post's own section is what the officer should read (never another chapter's text).
  const own = statement ?? reference.postTexts.get(referenceKey(p.kap, p.post));
  const said = {
    omtale_type: statement?.kind ?? "ingen-omtale",
    omtale_linje: own?.line ?? null,
    omtale_tekst: own?.text ?? null,
  };
  const r = reference.posts.get(referenceKey(p.kap, p.post));
  if (!r) return { ...none, i_prop: false, ...said };
  const differs = AMOUNT_COLUMNS.filter((c) => r[c] !== p[c]);
  return {
    i_prop: true,
    prop_regnskap_2024: r.regnskap_2024,
    prop_saldert_2025: r.saldert_2025,
    prop_forslag_2026: r.forslag_2026,
    avvik_fra_prop: differs.length ? differs.join(", ") : null,
    ...said,
  };
}

/** Columns whose SUM formula does not cover exactly the chapter's post rows ("E5:E9" vs rows 5–9). */
function sumFormulaProblems(c: BudgetChapter): string[] {
  const ranges = c.sumRow?.formulaRanges;
  if (!ranges) return [];
  const rows = c.posts.map((p) => p.row).filter((r): r is number => r !== undefined);
  if (rows.length === 0) return [];
  const [lo, hi] = [Math.min(...rows), Math.max(...rows)];
  const out: string[] = [];
  for (const col of AMOUNT_COLUMNS) {
    const range = ranges[col];
    if (!range) continue;
    const r = parseA1Range(range.replace(/^SUM\(|\)$/g, ""));
    if (!r || r.start.row !== lo || r.end.row !== hi || r.start.col !== r.end.col)
      out.push(`${col} (${range}, forventet rad ${lo}–${hi})`);
  }
  return out;
}

export function chapterFacts(model: BudgetModel, c: BudgetChapter): FactRow {
  const facts: FactRow = {
    kap: c.kap,
    inntekt: isInntektKap(c.kap),
    antall_poster: c.posts.length,
    har_sumrad: c.sumRow !== undefined,
  };
  for (const col of AMOUNT_COLUMNS) {
    const values = c.posts.map((p) => p[col]).filter((x): x is number => x !== null);
    const computed = values.length ? values.reduce((a, b) => a + b, 0) : null;
    const printed = c.sumRow ? c.sumRow.values[col] : null;
    facts[`sum_${col}`] = computed;
    facts[`sumrad_${col}`] = printed;
    facts[`sumrad_avvik_${col}`] =
      computed !== null && printed !== null
        ? printed - computed
        : printed !== null
          ? printed
          : computed !== null && c.sumRow
            ? -computed
            : 0;
  }
  facts.endring_pst = endringPst(facts.sum_saldert_2025 as number | null, facts.sum_forslag_2026 as number | null);
  const formulaProblems = sumFormulaProblems(c);
  facts.sumformel_feil = formulaProblems.join("; ");
  facts.sumformel_feil_antall = formulaProblems.length;
  // Revenue chapter = expenditure chapter + 3000 (3700 ↔ 700); 5xxx chapters (skatter, renter) have none.
  const paired = c.kap >= 3000 && c.kap < 5000;
  facts.har_utgiftskapittel = paired ? model.chapters.some((x) => x.kap === c.kap - 3000) : null;
  facts.utgiftskapittel = paired ? c.kap - 3000 : null;
  return facts;
}
