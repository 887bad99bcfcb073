/**
 * An index over a file's rules by the code facts they constrain (Rete's alpha network, in small): most
 * rules require facts such as `tjeneste` and `fritaksgrunn` to equal one of a few constants in their
 * top-level `all`. Grouping the rules once per file by those constants lets a row run only the rules its
 * values can satisfy, in the same order, each without the leaves its group already settles. A rule with
 * no requirement on a fact is in every group of that fact. The answers are those of running every rule
 * whole: a rule left out of a row's group has a leaf that is false for the row, and a leaf left out of a
 * rule's test is true for every row of the group.
 */
import type { Condition, TopCondition } from "../model/schema";
import type { CompiledRule } from "./compiled-file";
import { compileCondition, type Predicate } from "./conditions";
import type { Env, Slots } from "./slots";
import { canonical } from "../util/canonical";

export interface RuleGroup {
  /** In file order (unique, collect) and in hit-policy order (first), as the file's own lists. */
  readonly rules: readonly CompiledRule[];
  readonly ordered: readonly CompiledRule[];
  /** Each rule's condition for rows of this group (without the settled leaves), beside `rules` and `ordered`. */
  readonly ruleTests: readonly Predicate[];
  readonly orderedTests: readonly Predicate[];
}

/** One indexed fact: its slot, and each value some rule names by its number (a value none names: `codes.size`). */
export interface IndexedFact {
  readonly name: string;
  readonly slot: number;
  readonly codes: ReadonlyMap<unknown, number>;
}

export interface RuleIndex {
  readonly facts: readonly IndexedFact[];
  /** By the facts' codes, first fact most significant: groups[c0 * (n1 + 1) + c1 ...], n the fact's `codes.size`. */
  readonly groups: readonly RuleGroup[];
}

/** More indexed facts than this gains little (each costs a lookup per row); the group count stays small. */
const MAX_FACTS = 3;
const MAX_GROUPS = 4096;

/** The constants a top-level leaf requires of its fact (equal or in against constants), or null. */
function required(child: Condition): { fact: string; allowed: unknown[] } | null {
  if (!("fact" in child)) return null;
  const v = child.value;
  // NaN is never equal to itself, so it admits no row; Map keys would say otherwise.
  const keep = (xs: unknown[]) => xs.filter((x) => x === x);
  if (child.operator === "equal" && (typeof v !== "object" || v === null))
    return { fact: child.fact, allowed: keep([v]) };
  if (child.operator === "in" && Array.isArray(v)) return { fact: child.fact, allowed: keep(v) };
  return null;
}

/** The constants a top-level `all` requires of each fact, intersected. */
function requirements(c: TopCondition): Map<string, Set<unknown>> {
  const out = new Map<string, Set<unknown>>();
  if (!("all" in c)) return out;
  for (const child of c.all as Condition[]) {
    const req = required(child);
    if (req === null) continue;
    const before = out.get(req.fact);
    out.set(req.fact, new Set(before ? req.allowed.filter((x) => before.has(x)) : req.allowed));
  }
  return out;
}

/** A rule's condition without its requirements on the indexed facts, for rows whose values they admit. */
function testWithout(r: CompiledRule, facts: ReadonlySet<string>, slots: Slots): Predicate {
  const c = r.rule.conditions;
  if (!("all" in c)) return r.predicate;
  const rest = (c.all as Condition[]).filter((child) => !facts.has(required(child)?.fact ?? ""));
  return rest.length === c.all.length ? r.predicate : compileCondition({ all: rest } as TopCondition, slots);
}

/** The facts constrained by two rules or more, most constrained first, as many as the group limit allows. */
function chooseFacts(reqs: ReadonlyArray<Map<string, Set<unknown>>>, slots: Slots): IndexedFact[] {
  const counts = new Map<string, number>();
  for (const m of reqs) for (const f of m.keys()) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ranked = [...counts].filter(([f, n]) => n >= 2 && slots.index.has(f)).sort((a, b) => b[1] - a[1]);
  const out: IndexedFact[] = [];
  let groups = 1;
  for (const [name] of ranked) {
    if (out.length === MAX_FACTS) break;
    const values = new Set<unknown>();
    for (const m of reqs) m.get(name)?.forEach((v) => values.add(v));
    if (groups * (values.size + 1) > MAX_GROUPS) continue;
    groups *= values.size + 1;
    out.push({ name, slot: slots.index.get(name)!, codes: new Map([...values].map((v, i) => [canonical(v), i])) });
  }
  return out;
}

const NONE = Symbol("a value no rule names");

/** The index over the facts rules constrain, or null when no fact is constrained by two rules or more. */
export function buildRuleIndex(
  rules: readonly CompiledRule[],
  ordered: readonly CompiledRule[],
  slots: Slots,
): RuleIndex | null {
  const reqs = rules.map((r) => requirements(r.rule.conditions));
  const facts = chooseFacts(reqs, slots);
  if (facts.length === 0) return null;
  const reqOf = new Map(rules.map((r, i) => [r, reqs[i]] as const));
  const names = new Set(facts.map((f) => f.name));
  const tests = new Map(rules.map((r) => [r, testWithout(r, names, slots)] as const));
  // A code per fact; the last code of each is «a value no rule names».
  const valuesOf = facts.map((f) => [...f.codes.keys()]);
  const groups: RuleGroup[] = [];
  const combine = (d: number, chosen: Array<unknown | typeof NONE>): void => {
    if (d === facts.length) {
      const keep = (r: CompiledRule): boolean =>
        facts.every((f, j) => {
          const req = reqOf.get(r)!.get(f.name);
          return req === undefined || (chosen[j] !== NONE && req.has(chosen[j]));
        });
      const kept = rules.filter(keep);
      const keptOrdered = ordered.filter(keep);
      groups.push({
        rules: kept,
        ordered: keptOrdered,
        ruleTests: kept.map((r) => tests.get(r)!),
        orderedTests: keptOrdered.map((r) => tests.get(r)!),
      });
      return;
    }
    for (const v of [...valuesOf[d], NONE]) combine(d + 1, [...chosen, v]);
  };
  combine(0, []);
  return { facts, groups };
}

/** Every rule, with its whole condition: the group of a file without an index. */
export function everyRule(rules: readonly CompiledRule[], ordered: readonly CompiledRule[]): RuleGroup {
  return { rules, ordered, ruleTests: rules.map((r) => r.predicate), orderedTests: ordered.map((r) => r.predicate) };
}

/** The rules a row can fire, by its values of the indexed facts. */
export function candidates(index: RuleIndex, env: Env): RuleGroup {
  const facts = index.facts;
  let at = 0;
  for (let j = 0; j < facts.length; j++) {
    const f = facts[j];
    const n = f.codes.size;
    at = at * (n + 1) + (f.codes.get(env[f.slot]) ?? n);
  }
  return index.groups[at];
}
