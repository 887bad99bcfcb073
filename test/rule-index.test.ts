/**
 * The rule index (src/engine/rule-index.ts) lets a row run only the rules its code value can satisfy.
 * Checked here on the shipped egenandel file: which fact it picks, that each group keeps the file's order,
 * and that a row's group always holds every rule that fires for it (so skipping the rest changes nothing).
 * test/differential.test.ts checks the answers themselves against json-rules-engine.
 */
import * as path from "path";
import { loadRuleFolder } from "../src/rules/load-folder";
import { candidates } from "../src/engine/rule-index";
import { buildEnv, parametersAt, parametersUnder } from "../src/engine/context";

const set = loadRuleFolder(path.join(__dirname, "..", "rules"));
const egenandel = set.files.get("egenandel")!;

test("egenandel is indexed by tjeneste and fritaksgrunn, the facts its rules constrain", () => {
  const index = egenandel.index!;
  expect(index).not.toBeNull();
  expect(index.facts.map((f) => f.name)).toEqual(["tjeneste", "fritaksgrunn"]);
  // Every service and ground the file declares has a code; one group per pair of codes (and «unnamed»).
  for (const t of egenandel.file.facts.tjeneste.values as string[]) expect(index.facts[0].codes.has(t)).toBe(true);
  for (const g of egenandel.file.facts.fritaksgrunn!.values as string[]) expect(index.facts[1].codes.has(g)).toBe(true);
  expect(index.groups.length).toBe((index.facts[0].codes.size + 1) * (index.facts[1].codes.size + 1));
  for (const g of index.groups) expect(g.rules.length).toBeLessThan(egenandel.rules.length);
});

test("groups keep file order and hit-policy order", () => {
  const index = egenandel.index!;
  for (const g of index.groups) {
    const files = g.rules.map((r) => r.index);
    expect(files).toEqual([...files].sort((a, b) => a - b));
    expect(g.ordered).toEqual(egenandel.ordered.filter((r) => g.ordered.includes(r)));
    expect(new Set(g.ordered)).toEqual(new Set(g.rules));
    expect(g.ruleTests.length).toBe(g.rules.length);
    expect(g.orderedTests.length).toBe(g.ordered.length);
  }
});

test("a row's group holds every rule that fires for it", () => {
  const params = parametersAt(parametersUnder(egenandel, null), "2026-08-01");
  const services = egenandel.file.facts.tjeneste.values as string[];
  const grounds = (egenandel.file.facts.fritaksgrunn?.values as string[]) ?? ["ingen"];
  let fired = 0;
  for (let alder = 0; alder <= 100; alder += 3)
    for (const tjeneste of services)
      for (const fritaksgrunn of grounds) {
        const facts = egenandel.facts.normalize({ alder, tjeneste, fritaksgrunn }, "2026-08-01");
        const env = buildEnv(egenandel, facts, params, "2026-08-01");
        const g = candidates(egenandel.index!, env);
        const group = new Set(g.rules);
        for (const r of egenandel.rules)
          if (r.predicate(env)) {
            fired++;
            expect(group.has(r)).toBe(true);
          }
        // A group's shortened tests answer as the whole conditions do, for the rows of the group.
        g.rules.forEach((r, i) => expect(g.ruleTests[i](env)).toBe(r.predicate(env)));
        g.ordered.forEach((r, i) => expect(g.orderedTests[i](env)).toBe(r.predicate(env)));
      }
  expect(fired).toBeGreaterThan(100);
});
