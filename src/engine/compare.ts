/**
 * The difference between two results of the same rule file (a scenario against the government's
 * proposal): exact decimal differences for numeric outputs, changed/unchanged for the rest.
 */
import type { ResultValue } from "../model/result";
import { decimalText, isDecimalText, toDecimal } from "./decimal";

export type Difference = Record<string, { base: unknown; scenario: unknown; difference?: string; changed: boolean }>;

/** scenario − base, exact decimal text, when both are numbers (or decimal text); null otherwise. The one scenario difference. */
export function exactDifference(base: unknown, scenario: unknown): string | null {
  const nx = typeof base === "number" ? String(base) : base;
  const ny = typeof scenario === "number" ? String(scenario) : scenario;
  if (typeof nx !== "string" || typeof ny !== "string" || !isDecimalText(nx) || !isDecimalText(ny)) return null;
  return decimalText(toDecimal(ny).minus(toDecimal(nx)) as ReturnType<typeof toDecimal>);
}

export function compareResults(base: ResultValue, scenario: ResultValue): Difference {
  const a = Array.isArray(base) ? {} : base;
  const b = Array.isArray(scenario) ? {} : scenario;
  const out: Difference = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[name];
    const y = b[name];
    const entry: Difference[string] = { base: x, scenario: y, changed: x !== y };
    const d = exactDifference(x, y);
    if (d !== null) entry.difference = d;
    out[name] = entry;
  }
  return out;
}
