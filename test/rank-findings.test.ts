/** Findings in the order an officer acts on them, and each warning quoting its own chapter (issue 16.4). */
import { readBudgetWorkbook } from "../src/budget/xlsx";
import { checkBudget, Finding } from "../src/budget/check";
import { embeddedReference } from "../src/budget/reference-file";
import { loadRuleFolder } from "../src/rules/load-folder";
import { rankFindings } from "../src/budget/rank-findings";
import { formatCheckReport } from "../src/cli/check-text";

const f = (severity: Finding["severity"], kap: number, post: number, amount: number | null): Finding => ({
  severity,
  kap,
  post,
  change: { amount, percent: null },
  sheet: "Ark",
  cell: `G${post}`,
  message: `${kap}/${post}`,
  ruleFile: "r",
  ruleFileVersion: "1",
  ruleFileHash: "h",
  rule: "x",
});

test("errors first, then warnings grouped by chapter, the largest change first; a 0 change last", () => {
  const groups = rankFindings([
    f("warning", 5572, 70, 0),
    f("info", 700, 1, 9),
    f("warning", 702, 72, -1317),
    f("error", 704, 1, 0),
    f("warning", 760, 61, -451749),
    f("warning", 702, 21, 50),
  ]);
  expect(groups.map((g) => [g.severity, g.kap, g.findings.map((x) => x.post)])).toEqual([
    ["error", null, [1]],
    ["warning", 760, [61]],
    ["warning", 702, [72, 21]],
    ["warning", 5572, [70]],
    ["info", 700, [1]],
  ]);
});

describe("the real workbook", () => {
  let text = "";
  let warnings: Finding[] = [];
  beforeAll(async () => {
    const set = loadRuleFolder("rules");
    const read = await readBudgetWorkbook("sheets/hod-2026.xlsx");
    const report = checkBudget(read.model, set, {
      date: "2026-01-01",
      reference: embeddedReference(),
      trace: true,
      sheetProblems: read.problems,
    });
    warnings = report.findings.filter((x) => x.severity === "warning");
    text = formatCheckReport("sheets/hod-2026.xlsx", report, 0);
  });

  test("kap. 702 post 72 quotes its own post omtale (seed 003 L6799–6804), not kap. 704's statement (L7620)", () => {
    const w = warnings.find((x) => x.kap === 702 && x.post === 72)!;
    expect(w.message).toContain("linje 6799");
    expect(w.message).toContain("Det foreslås 86,7 mill. kroner til kompensasjon i 2026.");
    const quotes = w.trace!.sources.map((s) => s.quote ?? "").join(" ");
    expect(quotes).not.toMatch(/ingen vesentlige endringsforslag utover gjennomgående/);
    expect(w.trace!.sources.map((s) => s.lines[0])).not.toContain(7620);
  });

  test("posts the document says are unchanged (kap. 3741 post 50, L16486–16488; kap. 3746 post 85, L17593) are no longer warnings", () => {
    expect(warnings.filter((x) => (x.kap === 3741 && x.post === 50) || (x.kap === 3746 && x.post === 85))).toEqual([]);
    // kap. 3742 post 50 says «Ut over generell prisomregning» (L16832–16833), so 0 % stays a warning.
    expect(warnings.some((x) => x.kap === 3742 && x.post === 50)).toBe(true);
  });

  test("the text report lists warnings per chapter, largest change first, the unchanged sector fees last", () => {
    const chapters = [...text.matchAll(/^ {2}Kap\. (\d+): \d+ advars/gm)].map((m) => Number(m[1]));
    expect(chapters.length).toBeGreaterThan(10);
    expect(chapters.indexOf(760)).toBeLessThan(chapters.indexOf(702));
    expect(chapters.indexOf(702)).toBeLessThan(chapters.indexOf(5572));
  });
});
