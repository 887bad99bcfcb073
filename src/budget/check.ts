/**
 * Checks a budget model with every budget-post rule file (appliesTo post/chapter): each hit of a
 * collect-policy rule becomes a finding at a cell address. Reader problems are findings too.
 */
import type { RuleSet } from "../engine/rule-set";
import type { LoadedRuleFile } from "../engine/compiled-file";
import { evaluate } from "../engine/evaluate";
import type { Trace } from "../model/result";
import type { BudgetChapter, BudgetModel, BudgetPost, ColumnKey } from "./model";
import { chapterFacts, FactRow, postFacts } from "./check-facts";
import type { PropReference } from "./reference";
import { postNameWords } from "./post-names";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  severity: Severity;
  sheet: string;
  /** A1 address, e.g. "G12". */
  cell: string;
  message: string;
  ruleFile: string;
  ruleFileVersion: string;
  ruleFileHash: string;
  rule: string;
  kap?: number;
  post?: number;
  /** The post's (or chapter's) change Saldert 2025 → Forslag 2026, for ranking findings by size (1 000 kr, %). */
  change?: { amount: number | null; percent: number | null };
  trace?: Trace;
}

export interface CheckedRuleFile {
  id: string;
  title: string;
  version: string;
  hash: string;
  appliesTo: string;
  evaluations: number;
}

export interface CheckReport {
  sheet: string;
  date: string;
  scenario: string | null;
  ruleFiles: CheckedRuleFile[];
  findings: Finding[];
  counts: Record<Severity, number>;
}

export interface SheetProblemLike {
  cell: string;
  message: string;
  severity: "error" | "warning";
}

const SEVERITIES = new Set<Severity>(["error", "warning", "info"]);

/** Identifiers are written as the document writes them (kap. 5631, post 01, linje 29996), amounts grouped (2 318 000). */
const IDENTIFIER_FACT = /^(kap|utgiftskapittel)$|linje/;

/** Replace {name} in a message template by the fact's value. */
export function fillTemplate(template: string, facts: FactRow): string {
  return template.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (whole, name: string) => {
    const v = facts[name];
    if (v === undefined) return whole;
    if (v === null) return "(tom)";
    if (typeof v === "number") {
      if (name === "post") return String(v).padStart(2, "0");
      if (IDENTIFIER_FACT.test(name)) return String(v);
      return v.toLocaleString("nb-NO").replace(/\u00a0/g, " ");
    }
    return String(v);
  });
}

function pick(facts: FactRow, loaded: LoadedRuleFile): FactRow {
  const out: FactRow = {};
  for (const name of loaded.facts.names) if (name in facts) out[name] = facts[name];
  return out;
}

function cellOf(model: BudgetModel, column: string | undefined, row: number | undefined): string {
  const letter = model.columns[(column as ColumnKey) ?? "kap"] ?? model.columns.kap ?? "A";
  return `${letter}${row ?? 1}`;
}

export function budgetRuleFiles(set: RuleSet, only?: string[]): LoadedRuleFile[] {
  return [...set.files.values()].filter((f) => f.file.appliesTo !== "question" && (!only || only.includes(f.file.id)));
}

export function checkBudget(
  model: BudgetModel,
  set: RuleSet,
  opts: {
    date: string;
    scenario?: string | null;
    ruleFiles?: string[];
    sheetProblems?: SheetProblemLike[];
    trace?: boolean;
    reference?: PropReference;
  },
): CheckReport {
  const findings: Finding[] = [];
  const files = budgetRuleFiles(set, opts.ruleFiles);
  const checked: CheckedRuleFile[] = [];
  for (const p of opts.sheetProblems ?? []) {
    findings.push({
      severity: p.severity,
      sheet: model.sheetName,
      cell: p.cell,
      message: p.message,
      ruleFile: "arkleser",
      ruleFileVersion: "-",
      ruleFileHash: "-",
      rule: "lesbart-ark",
    });
  }
  // Facts depend only on the sheet and the reference: derived once per post and chapter, shared by every rule file.
  const words = postNameWords(set, opts.date, opts.scenario);
  const postFactsOf = new Map<BudgetPost, FactRow>();
  const chapterFactsOf = new Map<BudgetChapter, FactRow>();
  const factsOfPost = (chapter: BudgetChapter, p: BudgetPost): FactRow => {
    let f = postFactsOf.get(p);
    if (!f) postFactsOf.set(p, (f = postFacts(model, chapter, p, words, opts.reference)));
    return f;
  };
  const factsOfChapter = (chapter: BudgetChapter): FactRow => {
    let f = chapterFactsOf.get(chapter);
    if (!f) chapterFactsOf.set(chapter, (f = chapterFacts(model, chapter)));
    return f;
  };
  for (const loaded of files) {
    let evaluations = 0;
    const run = (facts: FactRow, row: number | undefined, kap: number, post: number | undefined) => {
      evaluations++;
      const outcome = evaluate(
        set,
        loaded.file.id,
        { facts: pick(facts, loaded), date: opts.date, scenario: opts.scenario },
        { trace: opts.trace },
      );
      const base = {
        sheet: model.sheetName,
        ruleFile: loaded.file.id,
        ruleFileVersion: loaded.file.version,
        ruleFileHash: loaded.hash,
        kap,
        post,
      };
      if (!outcome.ok) {
        findings.push({
          ...base,
          severity: "error",
          cell: cellOf(model, "kap", row),
          message: `kunne ikke kontrolleres: ${outcome.error.message}`,
          rule: "(evaluering)",
        });
        return;
      }
      const hits = Array.isArray(outcome.value.result) ? outcome.value.result : [outcome.value.result];
      for (const hit of hits) {
        const severity = SEVERITIES.has(hit.alvorlighet as Severity) ? (hit.alvorlighet as Severity) : "info";
        findings.push({
          ...base,
          severity,
          cell: cellOf(model, hit.kolonne as string | undefined, row),
          message: fillTemplate(String(hit.melding ?? hit.regel), facts),
          rule: String(hit.regel ?? ""),
          change: changeOf(facts),
          trace: outcome.value.trace,
        });
      }
    };
    for (const chapter of model.chapters) {
      if (loaded.file.appliesTo === "post") {
        for (const p of chapter.posts) run(factsOfPost(chapter, p), p.row, p.kap, p.post);
      } else {
        run(factsOfChapter(chapter), chapterRow(chapter), chapter.kap, undefined);
      }
    }
    checked.push({
      id: loaded.file.id,
      title: loaded.file.title,
      version: loaded.file.version,
      hash: loaded.hash,
      appliesTo: loaded.file.appliesTo,
      evaluations,
    });
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    sheet: model.sheetName,
    date: opts.date,
    scenario: opts.scenario ?? null,
    ruleFiles: checked,
    findings,
    counts,
  };
}

function changeOf(facts: FactRow): Finding["change"] {
  const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const amount =
    num(facts.endring_belop) ??
    (num(facts.sum_forslag_2026) !== null && num(facts.sum_saldert_2025) !== null
      ? (facts.sum_forslag_2026 as number) - (facts.sum_saldert_2025 as number)
      : null);
  return { amount, percent: num(facts.endring_pst) };
}

function chapterRow(c: BudgetChapter): number | undefined {
  return c.sumRow?.row ?? c.posts[0]?.row;
}
