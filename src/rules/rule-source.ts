/**
 * A rule text as the loader takes it. YAML is parsed here, outside loader.ts, so the browser bundle (which
 * gets YAML already parsed at build time, see scripts/yaml-rule-loader.js) never ships the YAML parser.
 */
import { isYamlPath, SourceText } from "./loader";
import { parseYamlText } from "./yaml-text";

export function ruleSource(path: string, text: string): SourceText {
  return isYamlPath(path) ? { path, text, parsed: parseYamlText(text) } : { path, text };
}
