/** A trace as short Norwegian text, for the CLI, cell notes and the explain function. */
import type { ConditionTrace } from "../model/result";
import { OPERATOR_TEXT } from "../engine/operators";
import type { Operator } from "../model/schema";
import type { Trace } from "../model/result";

function v(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(v).join(", ")}]`;
  if (typeof x === "string") return x;
  if (x === null || x === undefined) return "(tom)";
  if (typeof x === "boolean") return x ? "ja" : "nei";
  return String(x);
}

function condition(c: ConditionTrace, indent: string, out: string[]): void {
  const mark = c.result ? "✓" : "✗";
  if (c.kind === "fact") {
    const ref = c.valueFrom ? `${c.valueFrom} (${v(c.value)})` : v(c.value);
    out.push(
      `${indent}${mark} ${c.fact} = ${v(c.factValue)} ${OPERATOR_TEXT[c.operator as Operator] ?? c.operator} ${ref}${c.description ? ` – ${c.description}` : ""}`,
    );
    return;
  }
  out.push(`${indent}${mark} ${c.kind === "all" ? "alle av" : c.kind === "any" ? "minst én av" : "ikke"}:`);
  for (const child of c.children ?? []) condition(child, indent + "    ", out);
}

export function traceToText(t: Trace, opts: { conditions?: boolean } = {}): string {
  const out: string[] = [];
  out.push(
    `Regelfil: ${t.ruleFile.id} v${t.ruleFile.version} (${t.ruleFile.title}), sha256 ${t.ruleFile.hash.slice(0, 12)}…`,
  );
  if (t.scenario) out.push(`Scenario: ${t.scenario.id} v${t.scenario.version} (${t.scenario.title})`);
  out.push(`Dato: ${t.date}`);
  const facts = Object.entries(t.facts)
    .filter(([, x]) => x !== null)
    .map(([k, x]) => `${k}=${v(x)}`);
  out.push(`Fakta: ${facts.join(", ") || "(ingen)"}`);
  for (const d of t.derivedFacts) out.push(`Avledet: ${d.name} = ${v(d.value)} (${d.how})`);
  if (t.parameters.length) {
    out.push("Parametere:");
    for (const p of t.parameters)
      out.push(
        `  ${p.name} = ${v(p.value)} (gjelder fra ${p.from}${p.scenario ? `, scenario ${p.scenario}` : ""}; kilde ${p.source})`,
      );
  }
  out.push(`Regler (${t.hitPolicy}):`);
  for (const r of t.rules) {
    out.push(`  ${r.fired ? "●" : "○"} ${r.name}${r.fired ? " slo til" : ""} (kilde ${r.source})`);
    if (opts.conditions !== false && (r.fired || t.rules.length <= 6)) condition(r.conditions, "      ", out);
  }
  out.push(`Valgt: ${t.selected.join(", ") || "(ingen)"}`);
  for (const f of t.formulas) {
    const inputs = Object.entries(f.inputs)
      .map(([k, x]) => `${k}=${x}`)
      .join(", ");
    const series = f.series?.length
      ? `; år for år: ${f.series.map((s) => `${s.from.slice(0, 4)}: ${v(s.value)}`).join(", ")}`
      : "";
    out.push(
      `Formel: ${f.name} = ${f.expr} med ${inputs || "ingen inndata"}${series}${f.round !== undefined ? `; avrundet til ${f.round} desimaler (halvt bort fra null)` : ""} → ${f.value}`,
    );
  }
  out.push(`Resultat: ${JSON.stringify(t.result)}`);
  for (const i of t.interpretations) out.push(`Tolkning: ${i.question} → ${i.decision}`);
  out.push("Kilder:");
  for (const s of t.sources) {
    out.push(
      `  [${s.key}] ${s.document}, ${s.section}, ${s.seed} linje ${s.lines[0]}–${s.lines[1]}${s.page ? `, s. ${s.page}` : ""}`,
    );
    if (s.quote) out.push(`      «${s.quote}»`);
  }
  return out.join("\n");
}
