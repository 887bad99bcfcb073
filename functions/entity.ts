/**
 * A trace as an Excel entity value (Excel.EntityCellValue shape, ExcelApi 1.16): the cell shows a
 * short summary and its card lists rule file, date, parameters with the dates they apply from, and
 * source lines. Plain literals ("Entity", "String"), so nothing here needs the Excel global.
 */
import type { Trace } from "../src/model/result";
import type { Scalar } from "../src/model/schema";

type Prop =
  | { type: "String"; basicValue: string }
  | { type: "Double"; basicValue: number }
  | { type: "Boolean"; basicValue: boolean }
  | { type: "Array"; elements: Prop[][] };

const MAX = 32767;
const str = (s: string): Prop => ({ type: "String", basicValue: s.length > MAX ? s.slice(0, MAX - 1) + "…" : s });
const scalar = (v: Scalar | null): Prop =>
  typeof v === "boolean"
    ? { type: "Boolean", basicValue: v }
    : typeof v === "number"
      ? { type: "Double", basicValue: v }
      : str(v === null ? "" : String(v));
const list = (xs: string[]): Prop =>
  xs.length ? { type: "Array", elements: xs.map((x) => [str(x)]) } : str("(ingen)");

export function traceEntity(t: Trace, fullText: string): Record<string, unknown> {
  const result = Array.isArray(t.result) ? t.result : [t.result];
  const summary = result
    .map((r) =>
      Object.entries(r)
        .map(([k, v]) => `${k}=${typeof v === "boolean" ? (v ? "ja" : "nei") : v}`)
        .join(", "),
    )
    .join(" | ");
  const resultProps: Record<string, Prop> = {};
  if (!Array.isArray(t.result)) for (const [k, v] of Object.entries(t.result)) resultProps[k] = scalar(v);
  const properties: Record<string, Prop> = {
    Regelfil: str(`${t.ruleFile.id} v${t.ruleFile.version}`),
    Tittel: str(t.ruleFile.title),
    Dato: str(t.date),
    Scenario: str(t.scenario ? `${t.scenario.id} v${t.scenario.version}` : "(ingen)"),
    Resultat: str(summary),
    ...resultProps,
    Fakta: str(
      Object.entries(t.facts)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ") || "(ingen)",
    ),
    Parametere: list(
      t.parameters.map(
        (p) =>
          `${p.name} = ${p.value} (fra ${p.from}${p.scenario ? `, scenario ${p.scenario}` : ""}; kilde ${p.source})`,
      ),
    ),
    "Regler som slo til": str(t.selected.join(", ") || "(ingen)"),
    Kilder: list(
      t.sources.map(
        (s) =>
          `[${s.key}] ${s.document}, ${s.section}, ${s.seed} linje ${s.lines[0]}–${s.lines[1]}${s.page ? `, s. ${s.page}` : ""}`,
      ),
    ),
    "Sha-256": str(t.ruleFile.hash),
    Spor: str(fullText),
  };
  return {
    type: "Entity",
    text: `${t.ruleFile.id}: ${summary}`.slice(0, 255),
    properties,
    layouts: {
      card: {
        title: { property: "Regelfil" },
        sections: [
          {
            layout: "List",
            properties: [
              "Tittel",
              "Dato",
              "Scenario",
              "Resultat",
              ...Object.keys(resultProps),
              "Fakta",
              "Regler som slo til",
            ],
          },
          { layout: "List", title: "Parametere og kilder", properties: ["Parametere", "Kilder", "Sha-256"] },
          { layout: "List", title: "Hele sporet", collapsible: true, collapsed: true, properties: ["Spor"] },
        ],
      },
    },
  };
}
