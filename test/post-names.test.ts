/**
 * Which post names count as transfers or operating costs is data in a rule file (postkontroll's
 * parameters `overforingsord` and `driftsutgiftsnavn`, cited to the Prop.'s post groups), read by the
 * check through the loaded rule set: a scenario that changes the words changes the findings.
 */
import * as fs from "fs";
import * as path from "path";
import { loadRuleSet } from "../src/rules/loader";
import { readRuleTexts } from "../src/rules/load-folder";
import { nameFacts, postNameWords } from "../src/budget/post-names";
import { checkBudget } from "../src/budget/check";
import { readBudgetFile } from "../src/budget/read-file";

const texts = readRuleTexts(path.join(__dirname, "..", "rules"));
const set = loadRuleSet(texts);

test("the words come from the rule file, with the Prop.'s post groups as their source", () => {
  const words = postNameWords(set, "2026-01-01");
  expect(words.transfer).toEqual(["tilskudd", "basisbevilgning", "refusjon", "stønad", "kompensasjon"]);
  expect(words.operating).toEqual(["driftsutgifter", "spesielle driftsutgifter"]);
  const p = set.files.get("postkontroll")!.file.parameters.overforingsord;
  // Seed 003 lines 5686–5687: «01–29 Statens egne driftsutgifter» and «50–89 Overføringer til andre».
  expect(set.files.get("postkontroll")!.file.sources[p.source]).toMatchObject({
    seed: "003_82c1b6682bf832eb.txt",
    lines: [5686, 5687],
  });
  expect(nameFacts("Særskilte tilskudd", words)).toEqual({ navn_er_overforing: true, navn_er_driftsutgifter: false });
  expect(nameFacts(" Spesielle driftsutgifter ", words)).toEqual({
    navn_er_overforing: false,
    navn_er_driftsutgifter: true,
  });
  expect(nameFacts("Driftsutgifter til tilskuddsforvaltning", words)).toEqual({
    navn_er_overforing: true,
    navn_er_driftsutgifter: false,
  });
});

test("no word list in force: the name facts are empty (not false), so the rule reports it cannot check", () => {
  expect(postNameWords(set, "2023-06-30")).toEqual({ transfer: null, operating: null });
  expect(nameFacts("Tilskudd", { transfer: null, operating: null })).toEqual({
    navn_er_overforing: null,
    navn_er_driftsutgifter: null,
  });
});

test("the check code holds no word list of its own", () => {
  const src = fs.readFileSync(path.join(__dirname, "..", "src/budget/check-facts.ts"), "utf8");
  expect(src).not.toMatch(/tilskudd|basisbevilgning|driftsutgifter/i);
});

test("a scenario that counts «driftsutgifter» as a transfer word flags exactly the posts 01–49 so named", async () => {
  const scenario = {
    id: "ord-test",
    title: "Testscenario: andre overføringsord",
    version: "1.0.0",
    sources: {
      grupper: {
        document: "Prop. 1 S (2025–2026) HOD",
        section: "Postgrupper",
        seed: "003_82c1b6682bf832eb.txt",
        lines: [5686, 5687],
      },
    },
    overrides: [
      {
        ruleFile: "postkontroll",
        parameter: "overforingsord",
        values: [{ from: "2024-01-01", value: "driftsutgifter" }],
        source: "grupper",
      },
    ],
  };
  const withScenario = loadRuleSet([
    ...texts,
    { path: "rules/scenarios/ord-test.json", text: JSON.stringify(scenario) },
  ]);
  expect(withScenario.problems).toEqual([]);
  const { model, problems } = await readBudgetFile("sheets/hod-2026.xlsx");
  const named = model.chapters
    .flatMap((c) => c.posts)
    .filter((p) => p.kap < 3000 && p.post <= 49 && /driftsutgifter/i.test(p.betegnelse));
  expect(named.length).toBeGreaterThan(10);
  const flagged = (scenarioId?: string) =>
    checkBudget(model, withScenario, {
      date: "2026-01-01",
      scenario: scenarioId,
      sheetProblems: problems,
      ruleFiles: ["postkontroll"],
    })
      .findings.filter((f) => f.rule === "overforing-i-driftsgruppe")
      .map((f) => `${f.kap}/${f.post}`)
      .sort();
  expect(flagged()).toEqual([]);
  expect(flagged("ord-test")).toEqual(named.map((p) => `${p.kap}/${p.post}`).sort());
  // Before the word lists are in force, every post is reported as not checkable, never passed silently.
  const early = checkBudget(model, withScenario, { date: "2023-06-30", ruleFiles: ["postkontroll"] }).findings;
  expect(early.length).toBe(model.chapters.flatMap((c) => c.posts).length);
  for (const f of early)
    expect(f).toMatchObject({
      severity: "error",
      message: expect.stringContaining("kunne ikke kontrolleres: navn_er_"),
    });
});
