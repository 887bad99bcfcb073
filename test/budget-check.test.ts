/**
 * `budget-rules check` on the real workbook finds no errors; on a copy with four planted faults it
 * reports exactly those, each at its cell.
 */
import { main } from "../src/cli/main";
import { expectedErrors, writeFaultyWorkbook } from "./helpers/faulty-workbook";

interface Finding {
  severity: string;
  cell: string;
  rule: string;
  ruleFile: string;
  message: string;
}

async function check(
  file: string,
): Promise<{ code: number; findings: Finding[]; ruleFiles: Array<{ id: string; evaluations: number }> }> {
  const out: string[] = [];
  const code = await main(["check", file, "--date", "2026-01-01", "--json"], {
    out: (s) => out.push(s),
    err: () => undefined,
  });
  const body = JSON.parse(out.join("\n"));
  return { code, findings: body.findings, ruleFiles: body.ruleFiles };
}

test("the real workbook: no errors, every budget rule file run", async () => {
  const r = await check("sheets/hod-2026.xlsx");
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.ruleFiles.map((f) => f.id).sort()).toEqual([
    "kapittelsum",
    "plausibilitet",
    "postkontroll",
    "prop-samsvar",
    "stikkord",
  ]);
  expect(r.ruleFiles.find((f) => f.id === "postkontroll")!.evaluations).toBe(167);
  expect(r.ruleFiles.find((f) => f.id === "kapittelsum")!.evaluations).toBe(50);
});

test("a copy with four planted faults: exactly those, each at its cell", async () => {
  const planted = await writeFaultyWorkbook();
  const r = await check(planted.file);
  const errors = r.findings
    .filter((x) => x.severity === "error")
    .map((x) => `${x.cell} ${x.ruleFile}/${x.rule}`)
    .sort();
  expect(errors).toEqual(expectedErrors(planted));
  // Beyond the real workbook's own plausibility warnings, the only new finding is that post 701/25 is
  // not in Prop. 1 S – at the same planted cell.
  const real = await check("sheets/hod-2026.xlsx");
  const key = (x: Finding) => `${x.cell} ${x.rule}`;
  const before = new Set(real.findings.map(key));
  const added = r.findings.filter((x) => x.severity !== "error" && !before.has(key(x))).map(key);
  expect(added).toEqual([`B${planted.rows.post701} ukjent-post`]);
  expect(r.code).toBe(1);
  const nb = (n: number) => n.toLocaleString("nb-NO").replace(/\u00a0/g, " ");
  const msg = r.findings.find((x) => x.rule === "forslag-avviker")!.message;
  expect(msg).toBe(
    `Kap. 732 post 72: Forslag 2026 er ${nb(planted.before72 + 1000)} i arket, men ${nb(planted.before72)} i Prop. 1 S`,
  );
});
