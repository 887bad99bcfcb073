import { OPERATOR_TEXT } from "../../src/engine/operators";
import { isDecimalText } from "../../src/engine/decimal";
import type { Operator } from "../../src/model/schema";
import * as React from "react";
import type { Trace } from "../../src/model/result";
import type { ConditionTrace } from "../../src/engine/conditions";
import { traceToText } from "../../src/trace/text";
import { fromText, isYearName, nbDate, nbNumber, translator } from "../i18n";

type T = ReturnType<typeof translator>;

/** A named value: a year as written (fra = 2025), anything else as show() gives it. */
function showNamed(name: string, v: unknown): string {
  if (isYearName(name) && (typeof v === "number" || (typeof v === "string" && /^\d{4}$/.test(v)))) return String(v);
  return show(v);
}

function show(v: unknown): string {
  // Years read as years (2025, not 2 025).
  if (typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2100) return String(v);
  if (typeof v === "number" || (typeof v === "string" && isDecimalText(v))) return nbNumber(v, 6);
  if (typeof v === "boolean") return v ? "ja" : "nei";
  if (v === null || v === undefined) return "(tom)";
  if (Array.isArray(v)) return v.map(show).join(", ");
  return String(v);
}

function held(c: ConditionTrace, out: string[]): void {
  if (c.kind === "fact") {
    if (c.result)
      out.push(
        `${c.fact} = ${show(c.factValue)} ${OPERATOR_TEXT[c.operator as Operator] ?? c.operator} ${c.valueFrom ? `${c.valueFrom} (${show(c.value)})` : show(c.value)}${c.description ? ` – ${c.description}` : ""}`,
      );
    return;
  }
  if (c.kind === "not") {
    if (c.result) out.push("ikke: (ingen av vilkårene under holdt)");
    return;
  }
  for (const child of c.children ?? []) held(child, out);
}

export function TraceView({ trace, t }: { trace: Trace; t: T }) {
  const conditions: string[] = [];
  for (const r of trace.rules.filter((x) => trace.selected.includes(x.name))) held(r.conditions, conditions);
  return (
    <div className="trace" data-testid="trace">
      <p>
        <strong>{t("ruleFile")}:</strong> <span data-testid="trace-rulefile">{trace.ruleFile.id}</span> v
        {trace.ruleFile.version} ({trace.ruleFile.title})
        <br />
        <span className="hash">sha256 {trace.ruleFile.hash}</span>
        <br />
        {trace.ruleFile.path} · dato {nbDate(trace.date)}
        {trace.scenario ? ` · scenario ${trace.scenario.id} v${trace.scenario.version}` : ""}
      </p>
      <p>
        <strong>Fakta:</strong>{" "}
        {Object.entries(trace.facts)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => `${k} = ${showNamed(k, v)}`)
          .join(", ")}
      </p>
      <h4>{t("conditions")}</h4>
      <ul>
        <li>Valgt regel: {trace.selected.map((r) => (r === "otherwise" ? t("otherwise") : r)).join(", ")}</li>
        {conditions.map((c, i) => (
          <li key={i}>✓ {c}</li>
        ))}
      </ul>
      {trace.parameters.length > 0 && (
        <>
          <h4>{t("parameters")}</h4>
          <ul data-testid="trace-parameters">
            {trace.parameters.map((p, i) => (
              <li key={i}>
                {p.name} = {showNamed(p.name, p.value)} (<span className="from">{fromText(t, p.from)}</span>
                {p.scenario ? `, scenario ${p.scenario}` : ""}; kilde {p.source})
              </li>
            ))}
          </ul>
        </>
      )}
      {trace.formulas.length > 0 && (
        <>
          <h4>{t("formulas")}</h4>
          <ul>
            {trace.formulas.map((f, i) => (
              <li key={i}>
                <code>
                  {f.name} = {f.expr}
                </code>{" "}
                med{" "}
                {Object.entries(f.inputs)
                  .map(([k, v]) => `${k} = ${showNamed(k, v)}`)
                  .join(", ") || "ingen inndata"}
                {f.series?.length
                  ? `; år for år: ${f.series.map((s) => `${s.from.slice(0, 4)}: ${show(s.value)}`).join(", ")}`
                  : ""}
                {f.round !== undefined ? `; avrundet til ${f.round} desimaler` : ""} → <strong>{show(f.value)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t("sources")}</h4>
      <ul data-testid="trace-sources">
        {trace.sources.map((s) => (
          <li key={s.key}>
            [{s.key}] {s.document}, {s.section},{" "}
            <span className="seedline">
              {s.seed} linje {s.lines[0]}–{s.lines[1]}
            </span>
            {s.page ? `, s. ${s.page}` : ""}
            {s.quote ? <blockquote>«{s.quote}»</blockquote> : null}
          </li>
        ))}
      </ul>
      <details>
        <summary>Hele sporet som tekst</summary>
        <pre>{traceToText(trace)}</pre>
      </details>
    </div>
  );
}
