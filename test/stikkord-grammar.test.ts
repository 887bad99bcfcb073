/**
 * Issue 12.4: one stikkord grammar for the seed parser and the sheet reader. A cell written as Prop. 1 S
 * prints it (commas) is read like the semicolon form, and text the grammar cannot read is a warning at its cell.
 */
import * as fs from "fs";
import { readBudgetTable } from "../src/budget/reader";
import { checkBudget } from "../src/budget/check";
import { parseCsv } from "../src/budget/csv";
import { loadRuleFolder } from "../src/rules/load-folder";
import { readStikkordCell, splitStikkord } from "../src/budget/seed-parser/stikkord";
import { PROP_SEED } from "./helpers/seeds";

// The PDF text has no-break spaces inside «kan overføres»: compared with spaces normalised, as the grammar reads them.
const SEED = fs
  .readFileSync(PROP_SEED, "utf8")
  .split("\n")
  .map((l) => l.replace(/\s+/g, " "));
const set = loadRuleFolder("rules");
const HEADER = ["Kap.", "Post", "Betegnelse", "Stikkord", "Regnskap 2024", "Saldert budsjett 2025", "Forslag 2026"];

function check(stikkord: string) {
  const { model, problems } = readBudgetTable(
    [
      HEADER,
      [732, 21, "Spesielle driftsutgifter", stikkord, 100, 100, 100],
      [732, 70, "Særskilte tilskudd", null, 50, 50, 50],
    ],
    { sheetName: "Ark" },
  );
  return { model, problems, report: checkBudget(model, set, { date: "2026-01-01", sheetProblems: problems }) };
}

test("the comma form as Prop. 1 S prints it reads like the semicolon form", () => {
  // Prop. 1 S line 24454 (kap. 762 table from L24434, post 63) prints the comma form.
  expect(SEED[24454 - 1]).toMatch(/^kan overføres, kan nyttes under post 69\s/);
  expect(readStikkordCell("kan overføres, kan nyttes under post 69")).toEqual({
    stikkord: ["kan overføres", "kan nyttes under post 69"],
    unread: [],
  });
  // Lines 10304–10306 (732/70): the list's own commas are not separators.
  expect(SEED[10304 - 1]).toMatch(/^70 Særskilte tilskudd, kan overføres,/);
  expect(SEED[10306 - 1]).toMatch(/^kan nyttes under postene 72, 73, 74 og 75\s/);
  expect(
    splitStikkord("Særskilte tilskudd, kan overføres, kan nyttes under postene 72, 73, 74 og 75").stikkord,
  ).toEqual(["kan overføres", "kan nyttes under postene 72, 73, 74 og 75"]);
  expect(readStikkordCell("kan overføres, kan nyttes under postene 72, 73, 74 og 75")).toEqual({
    stikkord: ["kan overføres", "kan nyttes under postene 72, 73, 74 og 75"],
    unread: [],
  });
  expect(readStikkordCell("kan\u00a0overføres, kan nyttes under post 69").unread).toEqual([]); // pasted from the PDF
  expect(readStikkordCell("kan overføres; kan nyttes under post 99").stikkord).toEqual(
    readStikkordCell("kan overføres, kan nyttes under post 99").stikkord,
  );
});

test("«kan overføres, kan nyttes under post 99» on an active post: the dangling reference is an error at the stikkord cell", () => {
  const { report } = check("kan overføres, kan nyttes under post 99");
  const errors = report.findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => `${f.cell} ${f.ruleFile}/${f.rule}`)).toEqual(["D2 postkontroll/kan-nyttes-under-mangler"]);
});

test("stikkord text the grammar cannot read is a warning at its cell, never dropped in silence", () => {
  const { problems, model } = check("kan overføres, kan byttes mot post 70");
  expect(problems).toEqual([
    {
      cell: "D2",
      severity: "warning",
      message: expect.stringMatching(/^Stikkord: «kan overføres, kan byttes mot post 70» kan ikke leses/),
    },
  ]);
  expect(model.posts[0].stikkord).toEqual(["kan overføres, kan byttes mot post 70"]);
  const odd = check("overslagsbevilgning; tja");
  expect(odd.problems.map((p) => p.message)).toEqual([expect.stringMatching(/«tja» kan ikke leses/)]);
  expect(odd.model.posts[0].stikkord).toEqual(["overslagsbevilgning", "tja"]);
});

test("every stikkord in the bundled sheet is read by the grammar", () => {
  const csv = fs.readFileSync("sheets/hod-2026.csv", "utf8");
  const { problems } = readBudgetTable(parseCsv(csv), { sheetName: "x" });
  expect(problems.filter((p) => p.message.startsWith("Stikkord"))).toEqual([]);
});
