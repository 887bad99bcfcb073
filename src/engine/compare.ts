/**
 * The difference between two results of the same rule file (a scenario against the government's
 * proposal): exact decimal differences for numeric outputs, changed/unchanged for the rest.
 */
import type { ResultValue } from "../model/result";
import { decimalText, toDecimal } from "./decimal";

export type Difference = Record<string, { base: unknown; scenario: unknown; difference?: string; changed: boolean }>;

const NUMERIC = /^-?\d+(\.\d+)?$/;

export function compareResults(base: ResultValue, scenario: ResultValue): Difference {
  const a = Array.isArray(base) ? {} : base;
  const b = Array.isArray(scenario) ? {} : scenario;
  const out: Difference = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[name];
    const y = b[name];
    const entry: Difference[string] = { base: x, scenario: y, changed: x !== y };
    const nx = typeof x === "number" ? String(x) : x;
    const ny = typeof y === "number" ? String(y) : y;
    if (typeof nx === "string" && typeof ny === "string" && NUMERIC.test(nx) && NUMERIC.test(ny)) {
      entry.difference = decimalText(toDecimal(ny).minus(toDecimal(nx)) as ReturnType<typeof toDecimal>);
    }
    out[name] = entry;
  }
  return out;
}
