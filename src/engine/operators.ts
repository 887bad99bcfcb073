/**
 * Condition operators. The json-rules-engine built-ins are mirrored with their exact semantics
 * (including the numeric fact-value check) so the compiled path answers as the reference does;
 * the date and range operators are ours and are registered on the reference engine too.
 */
import type { Operator } from "../model/schema";

export type OperatorFn = (factValue: unknown, compareTo: unknown) => boolean;

/**
 * json-rules-engine's numberValidator (`parseFloat(v).toString() !== "NaN"`), with the same answer for
 * every input but no string allocation for the common cases: a number is numeric unless NaN; null,
 * undefined and booleans never are; anything else takes the original route.
 */
export function isNumeric(v: unknown): boolean {
  if (typeof v === "number") return v === v;
  if (v === null || v === undefined || typeof v === "boolean") return false;
  return Number.parseFloat(v as string).toString() !== "NaN";
}

const isIsoText = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

export const CUSTOM_OPERATORS: Partial<Record<Operator, OperatorFn>> = {
  dateBefore: (a, b) => isIsoText(a) && isIsoText(b) && a < b,
  dateOnOrBefore: (a, b) => isIsoText(a) && isIsoText(b) && a <= b,
  dateAfter: (a, b) => isIsoText(a) && isIsoText(b) && a > b,
  dateOnOrAfter: (a, b) => isIsoText(a) && isIsoText(b) && a >= b,
  inRange: (a, b) =>
    isNumeric(a) && Array.isArray(b) && b.length === 2 && (a as number) >= b[0] && (a as number) <= b[1],
};

export const OPERATOR_FUNCTIONS: Record<Operator, OperatorFn> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
  ...(CUSTOM_OPERATORS as Record<
    "dateBefore" | "dateOnOrBefore" | "dateAfter" | "dateOnOrAfter" | "inRange",
    OperatorFn
  >),
};

/** Norwegian reading of an operator, for traces. */
export const OPERATOR_TEXT: Record<Operator, string> = {
  equal: "er lik",
  notEqual: "er ikke lik",
  in: "er en av",
  notIn: "er ingen av",
  lessThan: "<",
  lessThanInclusive: "≤",
  greaterThan: ">",
  greaterThanInclusive: "≥",
  dateBefore: "før",
  dateOnOrBefore: "på eller før",
  dateAfter: "etter",
  dateOnOrAfter: "på eller etter",
  inRange: "i intervallet",
};
