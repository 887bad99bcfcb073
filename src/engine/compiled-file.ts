/**
 * A validated rule file compiled once: fact normaliser, condition closures, formulas and parameter
 * timelines. Both evaluation paths (compiled and json-rules-engine) run on this structure.
 */
import type { RuleFile, Rule, Scalar, Citation } from "../model/schema";
import { compileFacts, FactNormalizer } from "./facts";
import { compileCondition, leaves, Predicate } from "./conditions";
import { compileFormula, CompiledFormula } from "./formula";
import { timelineOf, Timeline } from "./parameters";
import { FileMemo } from "./memo";
import { Slots, slotsFor } from "./slots";
import { buildRuleIndex, everyRule, RuleGroup, RuleIndex } from "./rule-index";
import type { EvalFailure } from "./errors";
import { noRuleFiredFailure, ruleErrorFailure } from "./outcome";

export interface NamedFormula {
  name: string;
  formula: CompiledFormula;
}

export interface CompiledRule {
  rule: Rule;
  index: number;
  priority: number;
  predicate: Predicate;
  params: Record<string, Scalar>;
  formulas: NamedFormula[];
  /**
   * What choosing this rule alone means, built once: the selection [this rule], or for a rule-error event
   * («feil») the error it gives. Shared by every row that chooses it, so never mutated.
   */
  chosen: readonly CompiledRule[] | EvalFailure;
}

export interface LoadedRuleFile {
  path: string;
  hash: string;
  file: RuleFile;
  facts: FactNormalizer;
  rules: CompiledRule[];
  /** Rules in hit-policy order: priority high to low, then file order (json-rules-engine runs the same order). */
  ordered: CompiledRule[];
  otherwise?: { params: Record<string, Scalar>; formulas: NamedFormula[]; source: string };
  /** The error when no rule fires and there is no «otherwise» (null when there is one). */
  noRuleFired: EvalFailure | null;
  fileFormulas: NamedFormula[];
  timelines: Map<string, Timeline>;
  citations: Record<string, Citation>;
  /** Parameters read by any condition (all conditions run, so these must have values on the date). */
  conditionParameters: Set<string>;
  /** The rules grouped by the fact most of them constrain (rule-index.ts); null when none is worth it. */
  index: RuleIndex | null;
  /** The group a row without an index runs: every rule, whole conditions. */
  everyRule: RuleGroup;
  /** Where each name a condition reads sits in a question's environment (slots.ts). */
  slots: Slots;
  /** What is worked out once for this file and kept while it is loaded (memo.ts). */
  memo: FileMemo;
}

/** Every name the conditions read: leaf facts and the facts or parameters a value refers to. */
function conditionNames(rules: readonly Rule[]): Set<string> {
  const names = new Set<string>();
  for (const r of rules) {
    for (const leaf of leaves(r.conditions)) {
      names.add(leaf.fact);
      const v = leaf.value;
      if (typeof v === "object" && v !== null && !Array.isArray(v)) names.add(v.fact);
    }
  }
  return names;
}

type FormulaErrorSink = (jsonPath: string, e: Error) => void;

/**
 * Names a formula may read: facts, parameters, event/otherwise params, and earlier formulas. Every
 * bad formula is reported at its own path (formulas.rest), so all problems show at once.
 */
function compileFormulas(
  decls: Record<string, string | { expr: string; round?: number }> | undefined,
  known: Set<string>,
  parameters: Set<string>,
  basePath: string,
  onError: FormulaErrorSink,
): NamedFormula[] {
  const out: NamedFormula[] = [];
  for (const [name, decl] of Object.entries(decls ?? {})) {
    const expr = typeof decl === "string" ? decl : decl.expr;
    const round = typeof decl === "string" ? undefined : decl.round;
    try {
      out.push({ name, formula: compileFormula(expr, known, parameters, round) });
    } catch (e) {
      onError(`${basePath}.${name}${typeof decl === "string" ? "" : ".expr"}`, e as Error);
    }
    known.add(name);
  }
  return out;
}

/** Reports each bad formula to `onFormulaError` (the loader makes it a problem at its JSON path); without one, throws. */
export function compileRuleFile(
  file: RuleFile,
  path: string,
  hash: string,
  onFormulaError?: FormulaErrorSink,
): LoadedRuleFile {
  const parameterNames = new Set(Object.keys(file.parameters));
  const base = new Set([...Object.keys(file.facts), ...parameterNames]);
  const formulaErrors: Array<[string, Error]> = [];
  const onError: FormulaErrorSink = onFormulaError ?? ((p, e) => formulaErrors.push([p, e]));
  const fileFormulaNames = Object.keys(file.formulas);
  const slots = slotsFor(file.facts, [...parameterNames], conditionNames(file.rules));
  const rules: CompiledRule[] = file.rules.map((rule, index) => {
    const known = new Set([...base, ...Object.keys(rule.event.params ?? {})]);
    const formulas = compileFormulas(rule.formulas, known, parameterNames, `rules[${index}].formulas`, onError);
    const compiled: CompiledRule = {
      rule,
      index,
      priority: rule.priority ?? 1,
      predicate: compileCondition(rule.conditions, slots),
      params: rule.event.params ?? {},
      formulas,
      chosen: [],
    };
    compiled.chosen = ruleErrorFailure(file.id, rule.event) ?? Object.freeze([compiled]);
    return compiled;
  });
  // File formulas may read any event param or rule formula name declared anywhere in the file.
  const everyResultName = new Set<string>(base);
  for (const r of file.rules) {
    Object.keys(r.event.params ?? {}).forEach((n) => everyResultName.add(n));
    Object.keys(r.formulas ?? {}).forEach((n) => everyResultName.add(n));
  }
  Object.keys(file.otherwise?.params ?? {}).forEach((n) => everyResultName.add(n));
  Object.keys(file.otherwise?.formulas ?? {}).forEach((n) => everyResultName.add(n));
  for (const n of fileFormulaNames) everyResultName.delete(n);
  const fileFormulas = compileFormulas(file.formulas, everyResultName, parameterNames, "formulas", onError);
  const otherwise = file.otherwise
    ? {
        params: file.otherwise.params,
        source: file.otherwise.source,
        formulas: compileFormulas(
          file.otherwise.formulas,
          new Set([...base, ...Object.keys(file.otherwise.params)]),
          parameterNames,
          "otherwise.formulas",
          onError,
        ),
      }
    : undefined;
  // Without a sink (direct callers), a bad formula is still an exception, never a silent omission.
  if (formulaErrors.length > 0) throw formulaErrors[0][1];
  const ordered = [...rules].sort((a, b) => b.priority - a.priority || a.index - b.index);
  const timelines = new Map(Object.entries(file.parameters).map(([name, p]) => [name, timelineOf(name, p)] as const));
  const conditionParameters = new Set<string>();
  for (const name of conditionNames(file.rules)) if (parameterNames.has(name)) conditionParameters.add(name);
  return {
    path,
    hash,
    file,
    facts: compileFacts(file.facts),
    rules,
    ordered,
    otherwise,
    noRuleFired: otherwise ? null : noRuleFiredFailure(file.id),
    fileFormulas,
    timelines,
    citations: file.sources,
    conditionParameters,
    slots,
    index: buildRuleIndex(rules, ordered, slots),
    everyRule: everyRule(rules, ordered),
    memo: new FileMemo(),
  };
}
