/**
 * Conditions compiled once into synchronous closures (the fast path), and the same conditions
 * walked with recording (the explain path). Both use OPERATOR_FUNCTIONS, so they cannot disagree.
 */
import type { Condition, LeafCondition, TopCondition } from "../model/schema";
import { OPERATOR_FUNCTIONS } from "./operators";
import type { ConditionTrace } from "../model/result";
import { Env, Slots, slotOf } from "./slots";
import { canonical } from "../util/canonical";

export type { Env } from "./slots";
export type Predicate = (env: Env) => boolean;

export type { ConditionTrace } from "../model/result";

function isLeaf(c: Condition): c is LeafCondition {
  return (c as LeafCondition).fact !== undefined;
}

export function compileCondition(c: Condition | TopCondition, slots: Slots): Predicate {
  const compile = (x: Condition): Predicate => compileCondition(x, slots);
  if ("all" in c) {
    const parts = c.all.map(compile);
    // Short conjunctions (most rules) as direct calls rather than a loop.
    if (parts.length === 1) return parts[0];
    if (parts.length === 2) {
      const [a, b] = parts;
      return (env) => a(env) && b(env);
    }
    if (parts.length === 3) {
      const [a, b, d] = parts;
      return (env) => a(env) && b(env) && d(env);
    }
    return (env) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i](env)) return false;
      return true;
    };
  }
  if ("any" in c) {
    const parts = c.any.map(compile);
    if (parts.length === 1) return parts[0];
    if (parts.length === 2) {
      const [a, b] = parts;
      return (env) => a(env) || b(env);
    }
    return (env) => {
      for (let i = 0; i < parts.length; i++) if (parts[i](env)) return true;
      return false;
    };
  }
  if ("not" in c) {
    const inner = compile(c.not);
    return (env) => !inner(env);
  }
  if (!isLeaf(c)) throw new Error("unreachable: unknown condition shape");
  const op = OPERATOR_FUNCTIONS[c.operator];
  const onNumbers = ON_NUMBERS[c.operator];
  const fact = slotOf(slots, c.fact);
  const v = Array.isArray(c.value) ? c.value.map(canonical) : canonical(c.value);
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const ref = slotOf(slots, v.fact);
    if (c.operator === "equal") return (env) => env[fact] === env[ref];
    if (onNumbers !== undefined)
      return (env) => {
        const x = env[fact];
        const y = env[ref];
        return typeof x === "number" && typeof y === "number" ? onNumbers(x, y) : op(x, y);
      };
    return (env) => op(env[fact], env[ref]);
  }
  if (onNumbers !== undefined && typeof v === "number")
    return (env) => {
      const x = env[fact];
      return typeof x === "number" ? onNumbers(x, v) : op(x, v);
    };
  return equalityLeaf(c.operator, fact, v) ?? ((env) => op(env[fact], v));
}

/**
 * The numeric operators on two numbers, called without isNumeric: a number is numeric unless NaN, and NaN
 * compares false, so the answer is OPERATOR_FUNCTIONS'. Anything else goes through the operator itself.
 */
const ON_NUMBERS: Partial<Record<LeafCondition["operator"], (x: number, y: number) => boolean>> = {
  lessThan: (x, y) => x < y,
  lessThanInclusive: (x, y) => x <= y,
  greaterThan: (x, y) => x > y,
  greaterThanInclusive: (x, y) => x >= y,
};

/** Equality and membership against constants, written out so a row pays no operator call (same answers). */
function equalityLeaf(operator: LeafCondition["operator"], fact: number, v: unknown): Predicate | null {
  switch (operator) {
    case "equal":
      return (env) => env[fact] === v;
    case "notEqual":
      return (env) => env[fact] !== v;
    case "in":
    case "notIn": {
      if (!Array.isArray(v)) return null;
      const hit = memberTest(fact, v);
      return operator === "in" ? hit : (env) => !hit(env);
    }
  }
  return null;
}

/** Membership as indexOf answers it (strict equality), without a scan of the list per row. */
function memberTest(fact: number, list: unknown[]): Predicate {
  if (list.length === 0) return () => false;
  if (list.length === 1) {
    const a = list[0];
    return (env) => env[fact] === a;
  }
  if (list.length === 2) {
    const [a, b] = list;
    return (env) => {
      const x = env[fact];
      return x === a || x === b;
    };
  }
  const set = new Set<unknown>(list);
  return (env) => set.has(env[fact]);
}

/** json-rules-engine's `all` short-circuits nothing in its result tree; we record every child. */
export function traceCondition(c: Condition | TopCondition, env: Env, slots: Slots): ConditionTrace {
  if ("all" in c) {
    const children = c.all.map((x) => traceCondition(x, env, slots));
    return { kind: "all", result: children.every((x) => x.result), children };
  }
  if ("any" in c) {
    const children = c.any.map((x) => traceCondition(x, env, slots));
    return { kind: "any", result: children.some((x) => x.result), children };
  }
  if ("not" in c) {
    const child = traceCondition(c.not, env, slots);
    return { kind: "not", result: !child.result, children: [child] };
  }
  const leaf = c as LeafCondition;
  const ref =
    typeof leaf.value === "object" && leaf.value !== null && !Array.isArray(leaf.value) ? leaf.value.fact : undefined;
  const value = ref !== undefined ? env[slotOf(slots, ref)] : leaf.value;
  const factValue = env[slotOf(slots, leaf.fact)];
  return {
    kind: "fact",
    result: OPERATOR_FUNCTIONS[leaf.operator](factValue, value),
    fact: leaf.fact,
    operator: leaf.operator,
    value,
    valueFrom: ref,
    factValue,
    description: leaf.description,
  };
}

export function conditionDepth(c: Condition | TopCondition): number {
  if ("all" in c) return 1 + Math.max(0, ...c.all.map(conditionDepth));
  if ("any" in c) return 1 + Math.max(0, ...c.any.map(conditionDepth));
  if ("not" in c) return 1 + conditionDepth(c.not);
  return 1;
}

export function* leaves(c: Condition | TopCondition): Generator<LeafCondition> {
  if ("all" in c) for (const x of c.all) yield* leaves(x);
  else if ("any" in c) for (const x of c.any) yield* leaves(x);
  else if ("not" in c) yield* leaves(c.not);
  else yield c as LeafCondition;
}
