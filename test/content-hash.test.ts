/** The content hash is of the parsed content (canonical JSON), so layout and format do not change it. */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { canonicalJson, contentHash } from "../src/rules/content-hash";
import { loadRuleSet } from "../src/rules/loader";
import { ruleSource } from "../src/rules/rule-source";

const MINI = fs.readFileSync(path.join(__dirname, "fixtures/rules-basic/user-fees/mini.json"), "utf8");
const hashOf = (p: string, text: string) => loadRuleSet([ruleSource(p, text)]).files.get("mini-egenandel")!.hash;

it("is SHA-256 of the value as JSON with sorted keys and no whitespace", () => {
  expect(canonicalJson({ b: 1, a: [1, "x", { d: null, c: true }] })).toBe('{"a":[1,"x",{"c":true,"d":null}],"b":1}');
  expect(contentHash({ b: 1, a: [1, "x"] })).toBe(
    createHash("sha256").update('{"a":[1,"x"],"b":1}', "utf8").digest("hex"),
  );
});

it("whitespace, key order and JSON vs YAML leave it unchanged; a changed value changes it", () => {
  const value = JSON.parse(MINI);
  const base = hashOf("rules/user-fees/mini.json", MINI);
  expect(hashOf("rules/user-fees/mini.json", JSON.stringify(value))).toBe(base);
  const reordered = Object.fromEntries(Object.entries(value).reverse());
  expect(hashOf("rules/user-fees/mini.json", JSON.stringify(reordered, null, 4))).toBe(base);
  // YAML is a superset of JSON: the same text read as YAML, with a comment, is the same content.
  expect(hashOf("rules/user-fees/mini.yaml", `# kommentar\n${MINI}`)).toBe(base);
  expect(hashOf("rules/user-fees/mini.json", MINI.replace('"version": "1.0.0"', '"version": "1.0.1"'))).not.toBe(base);
});
