/**
 * The add-in bundle's view of YAML rule files (scripts/yaml-rule-loader.js, as src/rules/bundled.ts uses
 * it) loads to the same content, hash and problems as the CLI's reader.
 */
import * as fs from "fs";
import * as path from "path";
import { loadRuleSet, SourceText } from "../src/rules/loader";
import { ruleSource } from "../src/rules/rule-source";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const yamlRuleLoader = require("../scripts/yaml-rule-loader.js") as (source: string) => string;

const DIR = path.join(__dirname, "fixtures/hostile-rules");
const bundled = (name: string): SourceText => ({
  path: `rules/user-fees/${name}`,
  text: "",
  parsed: JSON.parse(yamlRuleLoader(fs.readFileSync(path.join(DIR, name), "utf8"))),
});
const cli = (name: string): SourceText =>
  ruleSource(`rules/user-fees/${name}`, fs.readFileSync(path.join(DIR, name), "utf8"));

test("a valid YAML file: the same rule file and hash as the CLI loads", () => {
  const a = loadRuleSet([bundled("yaml-valid.yaml")]).files.get("mini-yaml")!;
  const b = loadRuleSet([cli("yaml-valid.yaml")]).files.get("mini-yaml")!;
  expect(a.file).toEqual(b.file);
  expect(a.hash).toBe(b.hash);
});

test("a broken YAML file: the same problem with line and column, no YAML parser needed at run time", () => {
  for (const name of ["yaml-malformed.yaml", "yaml-alias.yaml", "yaml-duplicate-key.yaml"]) {
    expect(loadRuleSet([bundled(name)]).problems).toEqual(loadRuleSet([cli(name)]).problems);
  }
  expect(yamlRuleLoader("id: x\n")).toBe('{"ok":true,"value":{"id":"x"}}');
});
