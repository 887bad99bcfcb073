/** Node-only: read every *.json, *.yaml and *.yml under a rules folder (recursively) and load it. */
import * as fs from "fs";
import * as path from "path";
import { loadRuleSet, SourceText } from "./loader";
import { ruleSource } from "./rule-source";

export const RULE_FILE_NAME = /\.(json|ya?ml)$/i;
import type { RuleSet } from "../engine/rule-set";

export function readRuleTexts(root: string): SourceText[] {
  const out: SourceText[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && RULE_FILE_NAME.test(entry.name) && entry.name !== "schema.json") {
        out.push(
          ruleSource(path.relative(path.dirname(root), full).split(path.sep).join("/"), fs.readFileSync(full, "utf8")),
        );
      }
    }
  };
  walk(root);
  return out;
}

export function loadRuleFolder(root: string): RuleSet {
  return loadRuleSet(readRuleTexts(root));
}

/** The project's own rules folder, found from this file whether run from src/ or a build. */
export function defaultRulesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "rules");
    if (fs.existsSync(path.join(candidate, "README.md"))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve("rules");
}
