/**
 * The rule set the functions evaluate against, loaded once per runtime. In the add-in it is the
 * webpack-bundled rules/ folder (shared with the task pane); jest injects its own provider.
 */
import type { RuleSet } from "../src/engine/rule-set";
import { bundledRuleSet } from "../src/rules/bundled";
import { ArgError } from "../src/questions/arg-error";

let provider: () => RuleSet = bundledRuleSet;
/**
 * The process's one loaded rule set, as the functions see it: from the provider on first use, kept until a
 * new provider is set (tests). Its files carry their own memos (FileMemo); docs/architecture.md, "Memos".
 */
let cached: RuleSet | null = null;

export function setRuleSetProvider(p: () => RuleSet): void {
  provider = p;
  cached = null;
}

export function ruleSet(): RuleSet {
  if (cached) return cached;
  try {
    cached = provider();
  } catch (e) {
    throw new ArgError("#N/A", `regelsettet kunne ikke lastes: ${(e as Error)?.message ?? String(e)}`);
  }
  return cached;
}
