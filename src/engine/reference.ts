/**
 * The reference path: json-rules-engine decides which rules fire (one engine per rule file, reused);
 * everything else is shared with the compiled path. Kept out of the custom-functions bundle.
 */
import { Engine } from "json-rules-engine";
import type { RuleSet } from "./rule-set";
import type { LoadedRuleFile } from "./compiled-file";
import type { ConditionTrace } from "./conditions";
import { prepare, Question } from "./context";
import { computeResult } from "./results";
import { applyHitPolicy } from "./outcome";
import { envRecord } from "./slots";
import { CUSTOM_OPERATORS } from "./operators";
import { buildTrace, evaluation, failure, Outcome, ruleTrace } from "./evaluate";

function referenceEngine(loaded: LoadedRuleFile): Engine {
  let engine = loaded.memo.referenceEngine;
  if (engine) return engine;
  engine = new Engine([], { allowUndefinedFacts: false });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS))
    engine.addOperator(name, fn as (a: unknown, b: unknown) => boolean);
  for (const r of loaded.rules) {
    engine.addRule({
      name: r.rule.name,
      priority: r.priority,
      conditions: r.rule.conditions as never,
      event: { type: r.rule.event.type, params: { index: r.index } },
    });
  }
  loaded.memo.referenceEngine = engine;
  return engine;
}

interface JreCondition {
  all?: JreCondition[];
  any?: JreCondition[];
  not?: JreCondition;
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

function fromJre(c: JreCondition): ConditionTrace {
  if (c.all) {
    const children = c.all.map(fromJre);
    return { kind: "all", result: children.every((x) => x.result), children };
  }
  if (c.any) {
    const children = c.any.map(fromJre);
    return { kind: "any", result: children.some((x) => x.result), children };
  }
  if (c.not) {
    const child = fromJre(c.not);
    return { kind: "not", result: !child.result, children: [child] };
  }
  const ref =
    typeof c.value === "object" && c.value !== null && !Array.isArray(c.value)
      ? (c.value as { fact: string }).fact
      : undefined;
  return {
    kind: "fact",
    result: c.result === true,
    fact: c.fact,
    operator: c.operator,
    value: ref !== undefined ? c.valueResult : c.value,
    valueFrom: ref,
    factValue: c.factResult,
  };
}

/** Reference path: json-rules-engine decides which rules fire; the trace carries its condition results. */
export async function evaluateReference(set: RuleSet, id: string, q: Question): Promise<Outcome> {
  try {
    const ctx = prepare(set, id, q);
    const { results, failureResults } = await referenceEngine(ctx.loaded).run(envRecord(ctx.loaded.slots, ctx.env));
    const byIndex = new Map<number, { fired: boolean; conditions: ConditionTrace }>();
    for (const r of results)
      byIndex.set((r.event!.params as { index: number }).index, {
        fired: true,
        conditions: fromJre(r.conditions as JreCondition),
      });
    for (const r of failureResults)
      byIndex.set((r.event!.params as { index: number }).index, {
        fired: false,
        conditions: fromJre(r.conditions as JreCondition),
      });
    const fired = ctx.loaded.rules.filter((r) => byIndex.get(r.index)?.fired === true);
    const selected = applyHitPolicy(ctx.loaded, fired);
    const work = computeResult(ctx, selected, true);
    const traces = ctx.loaded.rules.map((r) =>
      ruleTrace(r, byIndex.get(r.index)!.fired, byIndex.get(r.index)!.conditions),
    );
    return { ok: true, value: evaluation(ctx, work, buildTrace(ctx, "json-rules-engine", traces, selected, work)) };
  } catch (e) {
    return failure(e);
  }
}
