/** `check --out report.xlsx`: findings and the rule files used, as a workbook an auditor can file. */
// exceljs is loaded on first use: it is large, and `eval`/`list` must start fast without it.
import type ExcelJS from "exceljs";
import type { CheckReport } from "../budget/check";

/** A sheet's columns: header, the row field it shows, width in characters. */
type Columns = Array<[header: string, key: string, width: number]>;

const FINDING_COLUMNS: Columns = [
  ["Alvorlighet", "severity", 12],
  ["Ark", "sheet", 14],
  ["Celle", "cell", 8],
  ["Kap.", "kap", 7],
  ["Post", "post", 6],
  ["Melding", "message", 80],
  ["Regelfil", "ruleFile", 24],
  ["Versjon", "ruleFileVersion", 9],
  ["Regel", "rule", 28],
  ["SHA-256", "ruleFileHash", 66],
];

const RULE_FILE_COLUMNS: Columns = [
  ["Id", "id", 28],
  ["Tittel", "title", 60],
  ["Versjon", "version", 9],
  ["Gjelder", "appliesTo", 10],
  ["Kontroller", "evaluations", 11],
  ["SHA-256", "hash", 66],
];

export async function writeReportXlsx(r: CheckReport, path: string): Promise<void> {
  const { Workbook }: typeof ExcelJS = (await import("exceljs")).default;
  const wb = new Workbook();
  wb.creator = "budget-rules";
  /** One row per record under a bold header row. */
  const table = (name: string, columns: Columns, rows: object[], views?: Partial<ExcelJS.WorksheetView>[]) => {
    const ws = wb.addWorksheet(name, { views });
    ws.columns = columns.map(([header, key, width]) => ({ header, key, width }));
    for (const row of rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
  };
  table(
    "Funn",
    FINDING_COLUMNS,
    r.findings.map((f) => ({ ...f, trace: undefined })),
    [{ state: "frozen", ySplit: 1 }],
  );
  table("Regelfiler", RULE_FILE_COLUMNS, r.ruleFiles);
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
