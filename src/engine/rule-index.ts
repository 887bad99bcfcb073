/**
 * An index over a file's rules by one fact (Rete's alpha memory, in small): most rules require a code fact
 * such as `tjeneste` to equal one of a few constants in their top-level `all`. Grouping the rules by those
 * constants once per file lets a row run only the rules its value can satisfy, in the same order. A rule
 * with no such requirement is in every group. The answers are those of running every rule: a rule left out
 * of a row's group has a leaf that is false for the row, so its condition is false.
 */
import type { Condition, TopCondition } from "../model/schema";
import type { CompiledRule } from "./compiled-file";
import type { Env, Slots } from "./slots";

export interface RuleGroup {
  /** In file order (unique, collect) and in hit-policy order (first), as the file's own lists. */
  readonly rules: readonly CompiledRule[];
  readonly ordered: readonly CompiledRule[];
}

export interface RuleIndex {
  readonly slot: number;
  readonly groups: ReadonlyMap<unknown, RuleGroup>;
  /** The rules for a value no rule names: those that do not constrain the fact. */
  readonly rest: RuleGroup;
}

/** The constants a top-level `all` requires of each fact (equal or in against constants), intersected. */
function requirements(c: TopCondition): Map<string, Set<unknown>> {
  const out = new Map<string, Set<unknown>>();
  if (!("all" in c)) return out;
  for (const child of c.all as Condition[]) {
    if (!("fact" in child)) continue;
    const v = child.value;
    let allowed: unknown[];
    if (child.operator === "equal" && (typeof v !== "object" || v === null)) allowed = [v];
    else if (child.operator === "in" && Array.isArray(v)) allowed = v;
    else continue;
    const before = out.get(child.fact);
    out.set(child.fact, new Set(before ? allowed.filter((x) => before.has(x)) : allowed));
  }
  return out;
}

/** The index over the fact most rules constrain, or null when no fact is constrained by two rules or more. */
export function buildRuleIndex(
  rules: readonly CompiledRule[],
  ordered: readonly CompiledRule[],
  slots: Slots,
): RuleIndex | null {
  const reqs = new Map(rules.map((r) => [r, requirements(r.rule.conditions)] as const));
  const counts = new Map<string, number>();
  for (const m of reqs.values()) for (const f of m.keys()) counts.set(f, (counts.get(f) ?? 0) + 1);
  let fact: string | null = null;
  for (const [f, n] of counts) if (n >= 2 && (fact === null || n > counts.get(fact)!)) fact = f;
  const slot = fact === null ? undefined : slots.index.get(fact);
  if (fact === null || slot === undefined) return null;
  const admits = (r: CompiledRule, value: unknown): boolean => reqs.get(r)!.get(fact)?.has(value) ?? true;
  const group = (keep: (r: CompiledRule) => boolean): RuleGroup => ({
    rules: rules.filter(keep),
    ordered: ordered.filter(keep),
  });
  const values = new Set<unknown>();
  for (const m of reqs.values()) m.get(fact)?.forEach((v) => values.add(v));
  const groups = new Map<unknown, RuleGroup>();
  for (const v of values)
    groups.set(
      v,
      group((r) => admits(r, v)),
    );
  return { slot, groups, rest: group((r) => !reqs.get(r)!.has(fact)) };
}

/** The rules a row can fire: its value's group, or the unconstrained rules. */
export function candidates(index: RuleIndex, env: Env): RuleGroup {
  return index.groups.get(env[index.slot]) ?? index.rest;
}
