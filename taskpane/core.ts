/**
 * What the pane does, without any UI or Office: run a check over a sheet read through the port,
 * explain a cell, build audit rows, compare a scenario with the government's proposal.
 */
import { Ask, questionForCall } from "../src/questions/questions";
import { tracedAnswer } from "../src/questions/answer";
import { readBudgetTable } from "../src/budget/reader";
import { checkBudget, budgetRuleFiles, CheckReport, Finding, Severity } from "../src/budget/check";
import type { PropReference } from "../src/budget/reference";
import type { RuleSet } from "../src/engine/rule-set";
import { formatProblem } from "../src/model/problems";
import { evaluate, Outcome } from "../src/engine/evaluate";
import { exactDifference } from "../src/engine/compare";
import { entryInForce } from "../src/engine/parameters";
import type { Trace } from "../src/model/result";
import type { SheetRead } from "./workbook-port";

export interface CheckRun {
  report: CheckReport;
  ms: number;
  sheet: string;
  range: string;
  startedAt: string;
}

/** A rule set that did not load whole (issue 12.2): the error banner's text, naming each file's path and problem; null when whole. */
export function brokenRuleSetMessage(set: RuleSet): string | null {
  if (set.broken.length === 0) return null;
  const files = set.broken.map((b) => (b.problems[0] ? formatProblem(b.problems[0]) : `${b.path}: ukjent feil`));
  return `Regelsettet lastes ikke helt, så arket kan ikke kontrolleres: ${files.join("; ")}`;
}

/**
 * Checks a sheet rule file by rule file (so the UI can show progress); same findings, same order as one checkBudget call.
 * A broken rule set is an error (shown as the error banner), never a partial result that could look clean.
 */
export async function runCheck(
  set: RuleSet,
  read: SheetRead,
  opts: {
    date: string;
    scenario?: string | null;
    ruleFiles?: string[];
    reference?: PropReference;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<CheckRun> {
  const broken = brokenRuleSetMessage(set);
  if (broken) throw new Error(broken);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const { model, problems } = readBudgetTable(read.values, { sheetName: read.sheet, formulas: read.formulas });
  const files = budgetRuleFiles(set, opts.ruleFiles).map((f) => f.file.id);
  const parts: CheckReport[] = [];
  const base = { date: opts.date, scenario: opts.scenario ?? null, trace: true, reference: opts.reference };
  parts.push(checkBudget(model, set, { ...base, ruleFiles: [], sheetProblems: problems }));
  for (let i = 0; i < files.length; i++) {
    opts.onProgress?.(i, files.length);
    // Yield to the browser between files so the progress bar can paint.
    await new Promise((r) => setTimeout(r, 0));
    parts.push(checkBudget(model, set, { ...base, ruleFiles: [files[i]] }));
  }
  opts.onProgress?.(files.length, files.length);
  const findings = parts.flatMap((p) => p.findings);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const report: CheckReport = {
    sheet: read.sheet,
    date: opts.date,
    scenario: opts.scenario ?? null,
    ruleFiles: parts.flatMap((p) => p.ruleFiles),
    findings,
    counts,
  };
  return { report, ms: performance.now() - t0, sheet: read.sheet, range: read.range, startedAt };
}

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
export const SEVERITY_COLOR: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** One row of the Revisjonsspor sheet (columns as AUDIT_HEADER). */
export function auditRow(run: CheckRun, user: string | null): (string | number)[] {
  const r = run.report;
  return [
    run.startedAt,
    user ?? "",
    run.sheet,
    run.range,
    r.date,
    r.scenario ?? "",
    r.ruleFiles.map((f) => `${f.id}@${f.version} ${f.hash}`).join("; "),
    r.counts.error,
    r.counts.warning,
    r.counts.info,
    Math.round(run.ms),
  ];
}

export interface AuditEntry {
  time: string;
  user: string | null;
  sheet: string;
  range: string;
  date: string;
  scenario: string | null;
  ruleFiles: Array<{ id: string; version: string; hash: string }>;
  counts: Record<Severity, number>;
  ms: number;
}

export function auditEntry(run: CheckRun, user: string | null): AuditEntry {
  const r = run.report;
  return {
    time: run.startedAt,
    user,
    sheet: run.sheet,
    range: run.range,
    date: r.date,
    scenario: r.scenario,
    ruleFiles: r.ruleFiles.map(({ id, version, hash }) => ({ id, version, hash })),
    counts: r.counts,
    ms: Math.round(run.ms),
  };
}

// ---------------------------------------------------------------------------------------------
// Cells produced by the custom functions: =BUDSJETT.NAVN(arg; arg; …)

export type Literal = number | string | boolean | null;
export interface FunctionCall {
  name: string;
  args: Literal[];
  nonLiteral: string[];
}

function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0,
    cur = "",
    inStr = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inStr) {
      cur += ch;
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cur += '"';
          i++;
        } else inStr = false;
      }
      continue;
    }
    if (ch === '"') {
      inStr = true;
      cur += ch;
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if ((ch === ";" || ch === ",") && depth === 0) {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (cur.trim() || out.length) out.push(cur.trim());
  return out;
}

function literal(a: string): { ok: true; value: Literal } | { ok: false } {
  if (a === "") return { ok: true, value: null };
  if (/^"(.*)"$/s.test(a)) return { ok: true, value: a.slice(1, -1).replace(/""/g, '"') };
  const num = a.replace(/\s/g, "");
  if (/^-?\d+([.,]\d+)?$/.test(num)) return { ok: true, value: Number(num.replace(",", ".")) };
  if (/^(SANN|TRUE)$/i.test(a)) return { ok: true, value: true };
  if (/^(USANN|FALSE)$/i.test(a)) return { ok: true, value: false };
  const d = /^(?:DATO|DATE)\(\s*(\d{4})\s*[;,]\s*(\d{1,2})\s*[;,]\s*(\d{1,2})\s*\)$/i.exec(a);
  if (d) return { ok: true, value: `${d[1]}-${d[2].padStart(2, "0")}-${d[3].padStart(2, "0")}` };
  return { ok: false };
}

/** Parses `=BUDSJETT.EGENANDEL(17;"legevakt";DATO(2026;8;1))`; null when the formula calls no BUDSJETT function. */
export function parseBudsjettCall(formula: string | null): FunctionCall | null {
  if (!formula) return null;
  const m = /BUDSJETT\.([A-ZÆØÅ_.0-9]+)\s*\(/i.exec(formula);
  if (!m) return null;
  let depth = 1,
    i = m.index + m[0].length,
    inStr = false;
  const start = i;
  for (; i < formula.length && depth > 0; i++) {
    const ch = formula[i];
    if (ch === '"') inStr = !inStr;
    else if (!inStr && ch === "(") depth++;
    else if (!inStr && ch === ")") depth--;
  }
  const inner = formula.slice(start, i - 1);
  const args: Literal[] = [];
  const nonLiteral: string[] = [];
  for (const a of splitArgs(inner)) {
    const l = literal(a);
    if (l.ok) args.push(l.value);
    else {
      args.push(null);
      nonLiteral.push(a);
    }
  }
  return { name: m[1].toUpperCase(), args, nonLiteral };
}

export interface FunctionTrace {
  call: FunctionCall;
  ruleId: string;
  facts: Record<string, Literal>;
  date: string;
  scenario: string | null;
  outcome: Outcome;
}

/**
 * Re-evaluates a BUDSJETT.* call with trace: the arguments become the very question the custom function
 * asks (functions/questions.ts), so the trace explains the cell's own figure. Cell references cannot be
 * followed here and are reported as such.
 */
export function traceFunctionCall(
  set: RuleSet,
  call: FunctionCall,
): FunctionTrace | { error: string; call: FunctionCall } {
  if (call.nonLiteral.length)
    return {
      call,
      error: `Argumentene ${call.nonLiteral.join(", ")} er cellereferanser eller uttrykk; sporet bruker bare faste verdier`,
    };
  let q: Ask;
  try {
    q = questionForCall(set, call.name, call.args);
  } catch (e) {
    return { call, error: (e as { message?: string }).message ?? String(e) };
  }
  const outcome = tracedAnswer(set, q);
  return {
    call,
    ruleId: q.regel,
    facts: q.facts as Record<string, Literal>,
    date: q.date,
    scenario: q.scenario,
    outcome,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios side by side with the proposal

export interface ParameterDiff {
  ruleFile: string;
  parameter: string;
  date: string;
  base: unknown;
  baseFrom: string | null;
  scenario: unknown;
  scenarioFrom: string | null;
  difference: string | null;
  note?: string;
}
export interface QuestionDiff {
  label: string;
  ruleFile: string;
  date: string;
  facts: Record<string, Literal>;
  output: string;
  base: unknown;
  scenario: unknown;
  difference: string | null;
  error?: string;
}

function valueAt(
  entries: Array<{ from: string; value: unknown }>,
  date: string,
): { value: unknown; from: string | null } {
  const hit = entryInForce(entries, date);
  return hit ? { value: hit.value, from: hit.from } : { value: null, from: null };
}

export function scenarioParameters(set: RuleSet, scenarioId: string, date: string): ParameterDiff[] {
  const sc = set.scenarios.get(scenarioId);
  if (!sc) return [];
  const out: ParameterDiff[] = [];
  for (const [fileId, params] of sc.overrides) {
    const file = set.files.get(fileId);
    for (const [name, o] of params) {
      const tl = file?.timelines.get(name);
      const base = tl ? valueAt(tl.entries, date) : { value: null, from: null };
      const s = valueAt(o.entries, date);
      out.push({
        ruleFile: fileId,
        parameter: name,
        date,
        base: base.value,
        baseFrom: base.from,
        scenario: s.value ?? base.value,
        scenarioFrom: s.from ?? base.from,
        difference: exactDifference(base.value, s.value ?? base.value),
        note: o.note,
      });
    }
  }
  return out;
}

/** The figures the brief asks about: egenandel for ages 16–20 at fastlege on 2026-08-01, and egenandelstak 2026. */
export function scenarioQuestions(set: RuleSet, scenarioId: string): QuestionDiff[] {
  const qs: Array<{ label: string; ruleFile: string; date: string; facts: Record<string, Literal>; output: string }> =
    [];
  for (let alder = 16; alder <= 20; alder++)
    qs.push({
      label: `Egenandel, ${alder} år, fastlege`,
      ruleFile: "egenandel",
      date: "2026-08-01",
      facts: { alder, tjeneste: "fastlege" },
      output: "betaler",
    });
  qs.push({
    label: "Egenandelstak 2026",
    ruleFile: "egenandelstak",
    date: "2026-08-01",
    facts: { ar: 2026, betalt: 0 },
    output: "tak",
  });
  return qs
    .filter((q) => set.files.has(q.ruleFile))
    .map((q) => {
      const run = (scenario: string | null) =>
        evaluate(
          set,
          q.ruleFile,
          { facts: q.facts as Record<string, string | number | boolean | null>, date: q.date, scenario },
          {},
        );
      const a = run(null),
        b = run(scenarioId);
      if (!a.ok || !b.ok)
        return {
          ...q,
          base: null,
          scenario: null,
          difference: null,
          error: !a.ok ? a.error.message : !b.ok ? b.error.message : "",
        };
      const pick = (o: Outcome) => (o.ok && !Array.isArray(o.value.result) ? o.value.result[q.output] : null);
      const x = pick(a),
        y = pick(b);
      return { ...q, base: x, scenario: y, difference: exactDifference(x, y) };
    });
}

export type { Trace, Finding, CheckReport, Severity };
