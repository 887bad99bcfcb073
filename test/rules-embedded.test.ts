/** Every rule file in rules/ loads cleanly and passes its own embedded tests through both engines. */
import { loadRuleFolder } from "../src/rules/load-folder";
import { runEmbeddedTests } from "../src/rules/run-tests";
import { formatProblem } from "../src/model/problems";

const set = loadRuleFolder("rules");

test("every rule file and scenario in rules/ loads without problems", () => {
  expect(set.problems.map(formatProblem)).toEqual([]);
  expect(set.files.size).toBeGreaterThanOrEqual(4);
});

test("each domain has rule files", () => {
  const domains = new Set([...set.files.values()].map((f) => f.file.domain));
  expect([...domains].sort()).toEqual(["budget-post", "deflator", "grant", "user-fee"]);
});

test("every rule and parameter cites a seed line range", () => {
  for (const f of set.files.values()) {
    expect(Object.keys(f.file.sources).length).toBeGreaterThan(0);
    for (const c of Object.values(f.file.sources)) {
      expect(c.seed).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(c.lines[0]).toBeGreaterThan(0);
    }
  }
});

test("embedded tests pass through the compiled path and json-rules-engine", async () => {
  const results = await runEmbeddedTests(set);
  const failed = results.filter((r) => !r.passed).map((r) => `${r.ruleFile} – ${r.name} [${r.engine}]: ${r.message}`);
  expect(failed).toEqual([]);
  expect(results.length).toBeGreaterThan(20);
});
