/** The budget CSV format (RFC 4180 quoting, LF line ends): one row per post, stikkord joined with "; ". */
import { AMOUNT_COLUMNS, COLUMN_KEYS, type BudgetPost } from "./model";
import { readBudgetTable, type BudgetTableRead } from "./reader";

export const CSV_HEADER = COLUMN_KEYS as readonly string[];

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join(",")).join("\n") + "\n";
}

/** RFC 4180 parser: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const src = text.replace(/^\uFEFF/, "");
  const endField = (): void => {
    row.push(field);
    field = "";
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\r" || ch === "\n") {
      endField();
      rows.push(row);
      row = [];
      if (ch === "\r" && src[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

export function postsToCsv(posts: readonly BudgetPost[]): string {
  const body = posts.map((p) => [
    String(p.kap),
    String(p.post).padStart(2, "0"),
    p.betegnelse,
    p.stikkord.join("; "),
    ...AMOUNT_COLUMNS.map((c) => (p[c] === null ? "" : String(p[c]))),
  ]);
  return formatCsv([CSV_HEADER, ...body]);
}

/** Reads the CSV through the same validating reader as a sheet, so CSV and XLSX give the same model and problems. */
export function postsFromCsv(text: string, sheetName = "csv"): BudgetTableRead {
  return readBudgetTable(parseCsv(text), { sheetName });
}
