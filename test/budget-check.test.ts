/**
 * `budget-rules check` on the real workbook finds no errors; on a copy with four planted faults it
 * reports exactly those, each at its cell.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";

interface Finding { severity: string; cell: string; rule: string; ruleFile: string; message: string }

async function check(file: string): Promise<{ code: number; findings: Finding[]; ruleFiles: Array<{ id: string; evaluations: number }> }> {
  const out: string[] = [];
  const code = await main(["check", file, "--date", "2026-01-01", "--json"], { out: (s) => out.push(s), err: () => undefined });
  const body = JSON.parse(out.join("\n"));
  return { code, findings: body.findings, ruleFiles: body.ruleFiles };
}

function rowOf(ws: ExcelJS.Worksheet, kap: number, post: number | "sum"): number {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const k = Number(row.getCell(1).value);
    const p = row.getCell(2).value;
    const name = String(row.getCell(3).value ?? "");
    if (k === kap && post === "sum" && /^Sum kap/.test(name)) return r;
    if (k === kap && post !== "sum" && Number(p) === post) return r;
  }
  throw new Error(`fant ikke ${kap}/${post}`);
}

test("the real workbook: no errors, every budget rule file run", async () => {
  const r = await check("sheets/hod-2026.xlsx");
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.ruleFiles.map((f) => f.id).sort()).toEqual(["kapittelsum", "postkontroll", "prop-samsvar"]);
  expect(r.ruleFiles.find((f) => f.id === "postkontroll")!.evaluations).toBe(167);
  expect(r.ruleFiles.find((f) => f.id === "kapittelsum")!.evaluations).toBe(50);
}, 30000);

test("a copy with four planted faults: exactly those, each at its cell", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile("sheets/hod-2026.xlsx");
  const ws = wb.worksheets[0];
  // 1. A changed post amount (732/72 Forslag 2026 +1 000), with the sum recalculated as Excel would.
  const r72 = rowOf(ws, 732, 72);
  const before = Number(ws.getRow(r72).getCell(7).value);
  ws.getRow(r72).getCell(7).value = before + 1000;
  const sum732 = ws.getRow(rowOf(ws, 732, "sum")).getCell(7);
  const f = sum732.value as { formula: string; result: number };
  sum732.value = { formula: f.formula, result: f.result + 1000 } as ExcelJS.CellFormulaValue;
  // 2. A broken sum: kap. 700's Forslag 2026 sum typed over with a wrong number.
  const r700sum = rowOf(ws, 700, "sum");
  ws.getRow(r700sum).getCell(7).value = 333960;
  // 3. A wrong post group: 701/60 «Tilskudd til helseteknologi …» moved to post 25.
  const r701 = rowOf(ws, 701, 60);
  ws.getRow(r701).getCell(2).value = 25;
  // 4. A dangling «kan nyttes under»: 760/21 pointed at post 77, which kap. 760 does not have.
  const r760 = rowOf(ws, 760, 21);
  ws.getRow(r760).getCell(4).value = "kan nyttes under post 77";
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "br-")), "feil.xlsx");
  await wb.xlsx.writeFile(file);

  const r = await check(file);
  const errors = r.findings.filter((x) => x.severity === "error").map((x) => `${x.cell} ${x.ruleFile}/${x.rule}`).sort();
  expect(errors).toEqual([
    `B${r701} postkontroll/overforing-i-driftsgruppe`,
    `D${r760} postkontroll/kan-nyttes-under-mangler`,
    `G${r700sum} kapittelsum/sum-forslag`,
    `G${r72} prop-samsvar/forslag-avviker`,
  ].sort());
  // The only other finding is the warning that post 701/25 is not in Prop. 1 S – the same planted cell.
  const others = r.findings.filter((x) => x.severity === "warning").map((x) => `${x.cell} ${x.rule}`);
  expect(others).toEqual([`B${r701} ukjent-post`]);
  expect(r.code).toBe(1);
  const msg = r.findings.find((x) => x.rule === "forslag-avviker")!.message;
  expect(msg).toBe(`Kap. 732 post 72: Forslag 2026 er ${(before + 1000).toLocaleString("nb-NO").replace(/\u00a0/g, " ")} i arket, men ${before.toLocaleString("nb-NO").replace(/\u00a0/g, " ")} i Prop. 1 S`);
}, 30000);
