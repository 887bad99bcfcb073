/** The human summary of `budget-rules check`: counts, checks run per rule file, then each finding. */
import type { CheckReport } from "../budget/check";

const LABEL = { error: "FEIL", warning: "ADVARSEL", info: "INFO" } as const;

export function formatCheckReport(file: string, r: CheckReport, ms: number, notRun: string[] = []): string {
  const out: string[] = [];
  out.push(`Kontroll av ${file} (ark «${r.sheet}», dato ${r.date}${r.scenario ? `, scenario ${r.scenario}` : ""})`);
  out.push(`Regelfiler (${r.ruleFiles.length}):`);
  for (const f of r.ruleFiles) out.push(`  ${f.id} v${f.version} sha256:${f.hash.slice(0, 12)}  ${f.evaluations} kontroller (${f.appliesTo === "post" ? "per post" : "per kapittel"})`);
  const shown = r.findings.filter((f) => f.severity !== "info");
  for (const f of shown) out.push(`  ${LABEL[f.severity]} ${f.sheet}!${f.cell}: ${f.message} [${f.ruleFile}/${f.rule}]`);
  const info = r.findings.length - shown.length;
  if (info) out.push(`  (${info} merknader av typen info; se --json)`);
  out.push(`${r.counts.error} feil, ${r.counts.warning} advarsler, ${r.counts.info} info – ${Math.round(ms)} ms${notRun.length ? ` – IKKE KJØRT (lastes ikke): ${notRun.join(", ")}` : ""}`);
  return out.join("\n");
}
