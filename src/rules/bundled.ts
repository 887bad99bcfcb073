/**
 * The rules folder as bundled by webpack (each file's exact text, so hashes match the CLI's).
 * Only meaningful inside a webpack build; Node code uses load-folder.ts instead.
 */
import { loadRuleSet, SourceText } from "./loader";
import type { RuleSet } from "./rule-set";

interface RequireContext { keys(): string[]; (id: string): string }
declare const require: { context(dir: string, deep: boolean, filter: RegExp): RequireContext };

export function bundledRuleTexts(): SourceText[] {
  const ctx = require.context("../../rules", true, /\.json$/);
  return ctx.keys().map((k) => ({ path: `rules/${k.replace(/^\.\//, "")}`, text: ctx(k) }));
}

let cached: RuleSet | null = null;

/** Loaded once per runtime: the task pane and the custom functions share it in the shared runtime. */
export function bundledRuleSet(): RuleSet {
  if (!cached) cached = loadRuleSet(bundledRuleTexts());
  return cached;
}
