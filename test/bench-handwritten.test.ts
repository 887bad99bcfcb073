/**
 * The benchmark's ceiling (scripts/bench-handwritten.ts) must answer what the engine answers, or its
 * ratios compare the engine against a function that does less. Every service, ground, age 0–100 and
 * follow-up count 1–3, on each side of every date a parameter of egenandel changes.
 */
import * as path from "path";
import { loadRuleFolder } from "../src/rules/load-folder";
import { compileBatch } from "../src/engine/batch";
import { egenandelByHand, egenandelByHandTuned } from "../scripts/bench-handwritten";

const set = loadRuleFolder(path.resolve(__dirname, "../rules"));
const file = set.files.get("egenandel")!.file;
const tjenester = file.facts.tjeneste.values as string[];
const grunner = file.facts.fritaksgrunn!.values as string[];
const DATES = [
  "2024-01-01",
  "2024-12-31",
  "2025-01-01",
  "2025-06-30",
  "2025-07-01",
  "2026-01-01",
  "2026-07-31",
  "2026-08-01",
  "2027-12-31",
];

test("the parameters' change dates are the ones this test straddles", () => {
  const changes = new Set(Object.values(file.parameters ?? {}).flatMap((p) => p.values.map((v) => String(v.from))));
  for (const d of changes) expect(DATES).toContain(d);
});

const HAND = { egenandelByHand, egenandelByHandTuned };
const CASES = Object.keys(HAND).flatMap((name) => DATES.map((date) => [name, date] as const));

test.each(CASES)("%s gives the engine's answer to every question on %s", (name, date) => {
  const hand = HAND[name as keyof typeof HAND];
  const cols = {
    alder: [] as number[],
    tjeneste: [] as string[],
    fritaksgrunn: [] as string[],
    oppfolgingssamtale: [] as number[],
  };
  for (let alder = 0; alder <= 100; alder++)
    for (const t of tjenester)
      for (const g of grunner)
        for (const s of [1, 2, 3]) {
          cols.alder.push(alder);
          cols.tjeneste.push(t);
          cols.fritaksgrunn.push(g);
          cols.oppfolgingssamtale.push(s);
        }
  const answers = compileBatch(set, "egenandel").evaluateColumns(cols, date);
  const differ: string[] = [];
  answers.forEach((a, i) => {
    const h = hand(cols.alder[i], cols.tjeneste[i], cols.fritaksgrunn[i], cols.oppfolgingssamtale[i], date);
    const same = a.ok ? JSON.stringify(a.result) === JSON.stringify(h) : h === null;
    if (!same && differ.length < 5)
      differ.push(`${cols.alder[i]} ${cols.tjeneste[i]} ${cols.fritaksgrunn[i]} ${cols.oppfolgingssamtale[i]}`);
  });
  expect(answers.length).toBe(101 * tjenester.length * grunner.length * 3);
  expect(differ).toEqual([]);
});
