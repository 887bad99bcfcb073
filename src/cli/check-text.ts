/**
 * The human summary of `budget-rules check`: counts, checks run per rule file, then the findings in the
 * order an officer acts on them (errors, then warnings per chapter by size of change; see rank-findings).
 */
import type { CheckReport } from "../budget/check";
import { rankFindings } from "../budget/rank-findings";

const LABEL = { error: "FEIL", warning: "ADVARSEL", info: "INFO" } as const;

/** 1 234 567 with spaces, as the document groups amounts; a minus sign, never a hyphen. */
const amount = (n: number): string =>
  `${n < 0 ? "−" : n > 0 ? "+" : ""}${Math.abs(n).toLocaleString("nb-NO").replace(/\s/g, " ")}`;

export function formatCheckReport(file: string, r: CheckReport, ms: number, notRun: string[] = []): string {
  const out: string[] = [];
  out.push(`Kontroll av ${file} (ark «${r.sheet}», dato ${r.date}${r.scenario ? `, scenario ${r.scenario}` : ""})`);
  out.push(`Regelfiler (${r.ruleFiles.length}):`);
  for (const f of r.ruleFiles)
    out.push(
      `  ${f.id} v${f.version} sha256:${f.hash.slice(0, 12)}  ${f.evaluations} kontroller (${f.appliesTo === "post" ? "per post" : "per kapittel"})`,
    );
  const groups = rankFindings(r.findings);
  if (r.counts.error) out.push(`Feil (${r.counts.error}) – må rettes:`);
  let warningsHeader = false;
  for (const g of groups) {
    if (g.severity === "info") continue;
    if (g.severity === "warning") {
      if (!warningsHeader)
        out.push(`Advarsler (${r.counts.warning}) per kapittel, største endring fra Saldert 2025 først (i 1 000 kr):`);
      warningsHeader = true;
      const n = g.findings.length;
      out.push(
        `  Kap. ${g.kap ?? "–"}: ${n} ${n === 1 ? "advarsel" : "advarsler"}${g.findings[0].change?.amount != null ? `, største endring ${amount(g.findings[0].change.amount)}` : ""}`,
      );
    }
    const indent = g.severity === "warning" ? "    " : "  ";
    for (const f of g.findings)
      out.push(`${indent}${LABEL[f.severity]} ${f.sheet}!${f.cell}: ${f.message} [${f.ruleFile}/${f.rule}]`);
  }
  if (r.counts.info) out.push(`  (${r.counts.info} merknader av typen info; se --json)`);
  out.push(
    `${r.counts.error} feil, ${r.counts.warning} advarsler, ${r.counts.info} info – ${Math.round(ms)} ms${notRun.length ? ` – IKKE KJØRT (lastes ikke): ${notRun.join(", ")}` : ""}`,
  );
  return out.join("\n");
}
