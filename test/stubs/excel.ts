/** Helpers for calling the custom functions as Excel would, in jest (no CustomFunctions global). */
import * as path from "path";
import { loadRuleFolder } from "../../src/rules/load-folder";
import type { RuleSet } from "../../src/engine/rule-set";

export const STUB_RULES = path.join(__dirname, "rules");
export const REAL_RULES = path.join(__dirname, "..", "..", "rules");

let stub: RuleSet | null = null;
export function stubRuleSet(): RuleSet {
  return (stub ??= loadRuleFolder(STUB_RULES));
}

/** Excel's 1900 date serial for an ISO date (as Excel passes a date cell). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86400000);
  return days >= 60 ? days + 1 : days;
}

/** An error cell as Excel passes it to a function (the plain shape our adapter uses off-Excel). */
export const errorCell = (code: string) => ({ error: code });

export interface PlainError {
  error: string;
  message?: string;
}
export function isError(v: unknown): v is PlainError {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as PlainError).error === "string" &&
    (v as PlainError).error.startsWith("#")
  );
}
