/**
 * The rules folder as bundled by webpack: JSON files as their text, YAML files already parsed at build
 * time (scripts/yaml-rule-loader.js gives the parse result as JSON text), so `yaml` is not in the bundle.
 * Hashes are of the parsed content (content-hash.ts), so they match the CLI's. Only meaningful inside a
 * webpack build; Node code uses load-folder.ts instead.
 */
import { isYamlPath, loadRuleSet, SourceText } from "./loader";
import type { RuleSet } from "../engine/rule-set";

interface RequireContext {
  keys(): string[];
  (id: string): string;
}
declare const require: { context(dir: string, deep: boolean, filter: RegExp): RequireContext };

export function bundledRuleTexts(): SourceText[] {
  const ctx = require.context("../../rules", true, /\.(json|ya?ml)$/);
  return ctx.keys().map((k) => {
    const path = `rules/${k.replace(/^\.\//, "")}`;
    return isYamlPath(path) ? { path, text: "", parsed: JSON.parse(ctx(k)) } : { path, text: ctx(k) };
  });
}

let cached: RuleSet | null = null;

/** Loaded once per runtime: the task pane and the custom functions share it in the shared runtime. */
export function bundledRuleSet(): RuleSet {
  if (!cached) cached = loadRuleSet(bundledRuleTexts());
  return cached;
}
