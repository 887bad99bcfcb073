/**
 * Public evaluation API. `evaluate` is the compiled synchronous path (cells, batches, the CLI);
 * `evaluateReference` (./reference) runs the same file through json-rules-engine, the reference semantics.
 * Both share fact normalisation, parameters, hit policy, formulas and trace assembly.
 */
import type { RuleSet } from "./rule-set";
import type { CompiledRule, LoadedRuleFile } from "./compiled-file";
import type { ConditionTrace } from "./conditions";
import { traceCondition } from "./conditions";
import { Context, prepare, Question } from "./context";
import { computeResult, ResultWork } from "./results";
import { chooseRules, isFailure, type Selection } from "./outcome";
import { EvalError, EvalFailure } from "./errors";
import type { ResultValue, RuleFileRef, RuleTrace, Trace } from "../model/result";
import { collectSources } from "./sources";

export type { Question };
export interface Evaluation {
  ruleFile: { id: string; version: string; hash: string };
  scenario: string | null;
  result: ResultValue;
  trace?: Trace;
}
export type Outcome = { ok: true; value: Evaluation } | { ok: false; error: EvalError };

export function failure(e: unknown): Outcome {
  if (e instanceof EvalFailure) return { ok: false, error: e.error };
  // Anything else is our defect, reported plainly rather than as a stack trace.
  return { ok: false, error: { code: "formula", message: `intern feil: ${(e as Error)?.message ?? String(e)}` } };
}

export function evaluation(ctx: Context, work: ResultWork, trace: Trace | undefined): Evaluation {
  const f = ctx.loaded;
  return {
    ruleFile: { id: f.file.id, version: f.file.version, hash: f.hash },
    scenario: ctx.scenario?.scenario.id ?? null,
    result: work.result,
    trace,
  };
}

/** Which rule file answered, as a trace names it (and `budget-rules list` shows it). */
export function ruleFileIdentity(f: LoadedRuleFile): RuleFileRef {
  return {
    id: f.file.id,
    title: f.file.title,
    domain: f.file.domain,
    version: f.file.version,
    hash: f.hash,
    path: f.path,
  };
}

export function buildTrace(
  ctx: Context,
  engine: Trace["engine"],
  rules: RuleTrace[],
  selected: Selection,
  work: ResultWork,
): Trace {
  const f = ctx.loaded;
  const selectedNames = selected === "otherwise" ? ["otherwise"] : selected.map((r) => r.rule.name);
  const parameters = ctx.params.used;
  return {
    ruleFile: ruleFileIdentity(f),
    scenario: ctx.scenario
      ? {
          id: ctx.scenario.scenario.id,
          title: ctx.scenario.scenario.title,
          version: ctx.scenario.scenario.version,
          hash: ctx.scenario.hash,
        }
      : null,
    date: ctx.date,
    engine,
    facts: ctx.facts,
    derivedFacts: ctx.derived,
    parameters,
    hitPolicy: f.file.hitPolicy,
    rules,
    selected: selectedNames,
    formulas: work.formulas,
    result: work.result,
    sources: collectSources(ctx, selected, [...parameters, ...work.series]),
    interpretations: f.file.interpretations,
  };
}

export function ruleTrace(r: CompiledRule, fired: boolean, conditions: ConditionTrace): RuleTrace {
  return {
    name: r.rule.name,
    description: r.rule.description,
    priority: r.priority,
    fired,
    conditions,
    source: r.rule.source,
  };
}

/** Compiled path. With `trace`, every condition is recorded; without, only closures run. */
export function evaluate(set: RuleSet, id: string, q: Question, opts: { trace?: boolean } = {}): Outcome {
  try {
    const ctx = prepare(set, id, q);
    // A selection error (no rule fired, a rule-error event, an overlap) comes back as a value: no throw per question.
    const selected = chooseRules(ctx.loaded, ctx.env);
    if (isFailure(selected)) return { ok: false, error: selected.error };
    return { ok: true, value: evaluateSelected(ctx, selected, opts.trace === true) };
  } catch (e) {
    return failure(e);
  }
}

function evaluateSelected(ctx: Context, selected: Selection, withTrace: boolean): Evaluation {
  const rules = ctx.loaded.rules;
  const work = computeResult(ctx, selected, withTrace);
  if (!withTrace) return evaluation(ctx, work, undefined);
  const traces = rules.map((r) => {
    const t = traceCondition(r.rule.conditions, ctx.env, ctx.loaded.slots);
    return ruleTrace(r, t.result, t);
  });
  return evaluation(ctx, work, buildTrace(ctx, "compiled", traces, selected, work));
}
