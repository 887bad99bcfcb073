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

test("egenandel is indexed by tjeneste, the fact its rules constrain", () => {
  const index = egenandel.index!;
  expect(index).not.toBeNull();
  expect(egenandel.slots.names[index.slot]).toBe("tjeneste");
  // Every service the file declares is a group; no group is larger than the file.
  for (const t of egenandel.file.facts.tjeneste.values as string[]) expect(index.groups.has(t)).toBe(true);
  for (const g of index.groups.values()) expect(g.rules.length).toBeLessThan(egenandel.rules.length);
});

test("groups keep file order and hit-policy order", () => {
  const index = egenandel.index!;
  for (const g of [...index.groups.values(), index.rest]) {
    const files = g.rules.map((r) => r.index);
    expect(files).toEqual([...files].sort((a, b) => a - b));
    expect(g.ordered).toEqual(egenandel.ordered.filter((r) => g.ordered.includes(r)));
    expect(new Set(g.ordered)).toEqual(new Set(g.rules));
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
        const group = new Set(candidates(egenandel.index!, env).rules);
        for (const r of egenandel.rules)
          if (r.predicate(env)) {
            fired++;
            expect(group.has(r)).toBe(true);
          }
      }
  expect(fired).toBeGreaterThan(100);
});
