/** Bokmål first, with an English switch. */
import { isDecimalText } from "../src/engine/decimal";
export type Lang = "nb" | "en";

const nb = {
  title: "Budsjettregler",
  tabCheck: "Kontroller arket",
  tabTrace: "Spor denne cellen",
  tabAudit: "Revisjonsspor",
  tabScenario: "Scenarioer",
  ruleSets: "Regelsett",
  date: "Regeldato",
  run: "Kontroller aktivt ark",
  running: "Kontrollerer …",
  writeMarks: "Skriv som merknader og farger",
  clearMarks: "Fjern merknader og farger",
  marksWritten: "Funnene er skrevet som merknader og fargemarkering. Ingen verdier er endret.",
  marksCleared: "Merknader og farger er fjernet.",
  findings: "Funn",
  noFindings: "Ingen funn.",
  error: "Feil",
  warning: "Advarsler",
  info: "Merknader",
  checkedIn: "Kontrollert {sheet} ({range}) på {ms} ms",
  traceSelected: "Spor valgt celle",
  noSelection: "Velg en celle i arket først.",
  cell: "Celle",
  formula: "Formel",
  value: "Verdi",
  ruleFile: "Regelfil",
  conditions: "Vilkår som holdt",
  parameters: "Parametere (med fra-dato)",
  formulas: "Beregning",
  sources: "Kilde",
  checksOnCell: "Regler som traff denne cellen",
  noChecksOnCell: "Ingen funn på denne cellen i siste kontroll.",
  notTraceable:
    "Cellen er verken en BUDSJETT-funksjon eller en budsjettcelle med funn. Kjør «Kontroller arket» først, eller velg en celle med =BUDSJETT.…",
  demoTitle: "Deflater Saldert 2025 → 2026 (sykehus)",
  demoHint:
    "Demo i forhåndsvisningen: arket «Deflatert (demo)» regner med =BUDSJETT.DEFLATER. Velg en celle i kolonne E og spor den.",
  openDemo: "Åpne demoarket",
  auditHelp:
    "Hver kontroll legges til nederst i arket «Revisjonsspor» (det opprettes ved behov, og ingenting slettes).",
  exportJson: "Eksporter som JSON",
  noAudit: "Ingen kontroller i denne økten ennå.",
  scenario: "Scenario",
  compare: "Sammenlign med regjeringens forslag",
  proposal: "Forslaget",
  difference: "Forskjell",
  parameter: "Parameter",
  figure: "Størrelse",
  preview: "Forhåndsvisning i nettleser (ikke Excel)",
  office: "Koblet til Excel",
  dropHint: "Slipp en .xlsx-fil her for å kontrollere den i stedet.",
  loading: "Laster …",
  language: "English",
  yes: "ja",
  no: "nei",
  sev_error: "Feil",
  sev_warning: "Advarsel",
  sev_info: "Merknad",
  "domain_budget-post": "Budsjettposter",
  domain_grant: "Tilskudd",
  "domain_user-fee": "Egenandeler",
  domain_deflator: "Deflatorer",
  chooseFile: "Velg arbeidsbok (.xlsx) …",
  noFileChosen: "ingen fil valgt",
  otherwise: "standardsvaret (ingen regel slo til)",
  always: "uten startdato",
  badDate: "Skriv datoen som dd.mm.åååå, f.eks. 01.01.2026",
  pays: "betaler",
  from: "fra",
  user: "Bruker",
  time: "Tid",
  counts: "Feil / advarsler / info",
  failed: "Det gikk ikke: {message}",
};
type Dict = typeof nb;
const en: Dict = {
  title: "Budget rules",
  tabCheck: "Check the sheet",
  tabTrace: "Trace this cell",
  tabAudit: "Audit trail",
  tabScenario: "Scenarios",
  ruleSets: "Rule sets",
  date: "Rule date",
  run: "Check active sheet",
  running: "Checking …",
  writeMarks: "Write as notes and colours",
  clearMarks: "Remove notes and colours",
  marksWritten: "Findings were written as notes and colour marks. No values were changed.",
  marksCleared: "Notes and colours removed.",
  findings: "Findings",
  noFindings: "No findings.",
  error: "Errors",
  warning: "Warnings",
  info: "Notes",
  checkedIn: "Checked {sheet} ({range}) in {ms} ms",
  traceSelected: "Trace selected cell",
  noSelection: "Select a cell in the sheet first.",
  cell: "Cell",
  formula: "Formula",
  value: "Value",
  ruleFile: "Rule file",
  conditions: "Conditions that held",
  parameters: "Parameters (with from date)",
  formulas: "Calculation",
  sources: "Source",
  checksOnCell: "Rules that hit this cell",
  noChecksOnCell: "No findings on this cell in the last check.",
  notTraceable:
    "The cell is neither a BUDSJETT function nor a budget cell with findings. Run «Check the sheet» first, or select a cell with =BUDSJETT.…",
  demoTitle: "Deflate Saldert 2025 → 2026 (hospitals)",
  demoHint:
    "Preview demo: the sheet «Deflatert (demo)» computes with =BUDSJETT.DEFLATER. Select a cell in column E and trace it.",
  openDemo: "Open the demo sheet",
  auditHelp: "Each check is appended to the sheet «Revisjonsspor» (created when needed; nothing is deleted).",
  exportJson: "Export as JSON",
  noAudit: "No checks in this session yet.",
  scenario: "Scenario",
  compare: "Compare with the government's proposal",
  proposal: "Proposal",
  difference: "Difference",
  parameter: "Parameter",
  figure: "Figure",
  preview: "Browser preview (not Excel)",
  office: "Connected to Excel",
  dropHint: "Drop an .xlsx file here to check it instead.",
  loading: "Loading …",
  language: "Norsk",
  yes: "yes",
  no: "no",
  sev_error: "Error",
  sev_warning: "Warning",
  sev_info: "Info",
  "domain_budget-post": "Budget posts",
  domain_grant: "Grants",
  "domain_user-fee": "User fees",
  domain_deflator: "Deflators",
  chooseFile: "Choose workbook (.xlsx) …",
  noFileChosen: "no file chosen",
  otherwise: "the default answer (no rule fired)",
  always: "no start date",
  badDate: "Write the date as dd.mm.yyyy, e.g. 01.01.2026",
  pays: "pays",
  from: "from",
  user: "User",
  time: "Time",
  counts: "Errors / warnings / info",
  failed: "That did not work: {message}",
};

export type Key = keyof Dict;
export function translator(lang: Lang) {
  const d = lang === "en" ? en : nb;
  return (key: Key, vars: Record<string, string | number> = {}) =>
    d[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}

/** Norwegian number formatting: 1 438,1 (space as thousands separator, comma decimals). */
export function nbNumber(v: unknown, maxDecimals = 3): string {
  if (typeof v === "string" && isDecimalText(v)) v = Number(v);
  if (typeof v !== "number" || !Number.isFinite(v)) return v === null || v === undefined ? "" : String(v);
  return v
    .toLocaleString("nb-NO", { maximumFractionDigits: maxDecimals })
    .replace(/\u00a0|\u202f/g, " ")
    .replace(/\u2212/g, "-");
}

/** nb-NO dates: 2026-12-02 → 02.12.2026; a timestamp 2026-12-02T10:11:12… → 02.12.2026 10:11. Not a date: as given. */
export function nbDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ""}`;
}

/** Names whose values are years, shown as written (2025, never «2 025»). */
export const isYearName = (name: string): boolean =>
  /^(ar|år|aar|fra|til|year|from_year|to_year)$|_ar$|_år$/.test(name);

/** A date as typed in the pane: 01.01.2026 (nb-NO) or 2026-01-01; null when it is neither or not a real day. */
export function parseNbDate(text: string): string | null {
  const t = text.trim();
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = nb
    ? `${nb[3]}-${nb[2].padStart(2, "0")}-${nb[1].padStart(2, "0")}`
    : /^\d{4}-\d{2}-\d{2}$/.test(t)
      ? t
      : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** «fra 01.08.2026»; an entry in force from the 1900-01-01 sentinel has no real start and reads «alltid». */
export function fromText(t: (key: "from" | "always") => string, iso: string | null): string {
  if (!iso) return "";
  return iso.startsWith("1900-01-01") ? t("always") : `${t("from")} ${nbDate(iso)}`;
}
