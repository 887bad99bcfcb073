/** `check --out report.xlsx`: findings and the rule files used, as a workbook an auditor can file. */
// exceljs is loaded on first use: it is large, and `eval`/`list` must start fast without it.
import type ExcelJS from "exceljs";
import type { CheckReport } from "../budget/check";

export async function writeReportXlsx(r: CheckReport, path: string): Promise<void> {
  const { Workbook }: typeof ExcelJS = (await import("exceljs")).default;
  const wb = new Workbook();
  wb.creator = "budget-rules";
  const findings = wb.addWorksheet("Funn", { views: [{ state: "frozen", ySplit: 1 }] });
  findings.columns = [
    { header: "Alvorlighet", key: "severity", width: 12 },
    { header: "Ark", key: "sheet", width: 14 },
    { header: "Celle", key: "cell", width: 8 },
    { header: "Kap.", key: "kap", width: 7 },
    { header: "Post", key: "post", width: 6 },
    { header: "Melding", key: "message", width: 80 },
    { header: "Regelfil", key: "ruleFile", width: 24 },
    { header: "Versjon", key: "ruleFileVersion", width: 9 },
    { header: "Regel", key: "rule", width: 28 },
    { header: "SHA-256", key: "ruleFileHash", width: 66 },
  ];
  for (const f of r.findings) findings.addRow({ ...f, trace: undefined });
  findings.getRow(1).font = { bold: true };
  const files = wb.addWorksheet("Regelfiler");
  files.columns = [
    { header: "Id", key: "id", width: 28 },
    { header: "Tittel", key: "title", width: 60 },
    { header: "Versjon", key: "version", width: 9 },
    { header: "Gjelder", key: "appliesTo", width: 10 },
    { header: "Kontroller", key: "evaluations", width: 11 },
    { header: "SHA-256", key: "hash", width: 66 },
  ];
  for (const f of r.ruleFiles) files.addRow(f);
  files.getRow(1).font = { bold: true };
  const meta = wb.addWorksheet("Kjøring");
  meta.addRows([
    ["Ark", r.sheet],
    ["Dato", r.date],
    ["Scenario", r.scenario ?? "(regjeringens forslag)"],
    ["Feil", r.counts.error],
    ["Advarsler", r.counts.warning],
    ["Info", r.counts.info],
  ]);
  await wb.xlsx.writeFile(path);
}
