/**
 * The facts of a question as the core wants them. Spreadsheet cells hold numbers where the core wants text: a
 * date fact given as a serial number becomes ISO text, a code fact (string/enum) typed as a number (post 70)
 * becomes "70". The custom functions and the pane's trace convert the same way, so a trace explains the cell.
 */
import type { LoadedRuleFile } from "../engine/compiled-file";
import { excelSerialToIso } from "../util/dates";

/** Fact names of a file whose numbers need converting (date, string, enum), with their types. */
export function textual(file: LoadedRuleFile): Map<string, string> {
  let m = file.memo.textualFacts;
  if (!m) {
    m = new Map(
      Object.entries(file.file.facts)
        .filter(([, d]) => d.type === "date" || d.type === "string" || d.type === "enum")
        .map(([n, d]) => [n, d.type]),
    );
    file.memo.textualFacts = m;
  }
  return m;
}

/**
 * Excel cells hold numbers where the core wants text: a date fact given as a serial number becomes
 * ISO text, a code fact (string/enum) typed as a number (post 70) becomes "70".
 */
export function coreValue(type: string, v: number): unknown {
  return type === "date" ? (excelSerialToIso(v) ?? v) : String(v);
}

export function coreFacts(file: LoadedRuleFile | undefined, facts: Record<string, unknown>): Record<string, unknown> {
  if (!file) return facts;
  let out: Record<string, unknown> | null = null;
  for (const [name, type] of textual(file)) {
    const v = facts[name];
    if (typeof v === "number") (out ??= { ...facts })[name] = coreValue(type, v);
  }
  return out ?? facts;
}
