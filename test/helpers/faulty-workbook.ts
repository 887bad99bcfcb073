/** A copy of the HOD 2026 workbook with four planted faults, for the CLI test and the browser suite. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface PlantedFaults {
  file: string;
  rows: { post72: number; sum700: number; post701: number; post760: number };
  before72: number;
}

function rowOf(ws: ExcelJS.Worksheet, kap: number, post: number | "sum"): number {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const k = Number(row.getCell(1).value);
    const name = String(row.getCell(3).value ?? "");
    if (k === kap && post === "sum" && /^Sum kap/.test(name)) return r;
    if (k === kap && post !== "sum" && Number(row.getCell(2).value) === post) return r;
  }
  throw new Error(`fant ikke ${kap}/${post}`);
}

export async function writeFaultyWorkbook(source = "sheets/hod-2026.xlsx"): Promise<PlantedFaults> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.worksheets[0];
  // 1. A changed post amount (732/72 Forslag 2026 +1 000), with the sum recalculated as Excel would.
  const post72 = rowOf(ws, 732, 72);
  const before72 = Number(ws.getRow(post72).getCell(7).value);
  ws.getRow(post72).getCell(7).value = before72 + 1000;
  const sum732 = ws.getRow(rowOf(ws, 732, "sum")).getCell(7);
  const f = sum732.value as { formula: string; result: number };
  sum732.value = { formula: f.formula, result: f.result + 1000 } as ExcelJS.CellFormulaValue;
  // 2. A broken sum: kap. 700's Forslag 2026 sum typed over with a wrong number.
  const sum700 = rowOf(ws, 700, "sum");
  ws.getRow(sum700).getCell(7).value = 333960;
  // 3. A wrong post group: 701/60 «Tilskudd til helseteknologi …» moved to post 25.
  const post701 = rowOf(ws, 701, 60);
  ws.getRow(post701).getCell(2).value = 25;
  // 4. A dangling «kan nyttes under»: 760/21 pointed at post 77, which kap. 760 does not have.
  const post760 = rowOf(ws, 760, 21);
  ws.getRow(post760).getCell(4).value = "kan nyttes under post 77";
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "br-")), "hod-2026-med-feil.xlsx");
  await wb.xlsx.writeFile(file);
  return { file, rows: { post72, sum700, post701, post760 }, before72 };
}

/** The errors the check must report for the planted faults, as "cell ruleFile/rule". */
export function expectedErrors(p: PlantedFaults): string[] {
  return [
    `B${p.rows.post701} postkontroll/overforing-i-driftsgruppe`,
    `D${p.rows.post760} postkontroll/kan-nyttes-under-mangler`,
    `G${p.rows.sum700} kapittelsum/sum-forslag`,
    `G${p.rows.post72} prop-samsvar/forslag-avviker`,
  ].sort();
}
