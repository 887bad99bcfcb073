/** Runs every rule file's embedded tests through the compiled path and, optionally, json-rules-engine. */
import type { RuleSet } from "./rule-set";
import type { Scalar } from "./schema";
import { evaluate, Outcome } from "../engine/evaluate";
import { evaluateReference } from "../engine/reference";

export interface TestCaseResult { file: string; ruleFile: string; name: string; passed: boolean; message?: string; engine: string }

const DEFAULT_TEST_DATE = "2026-01-01";

function compare(outcome: Outcome, expect: Record<string, Scalar> | { error: string }): string | null {
  if ("error" in expect && typeof expect.error === "string") {
    const wanted = expect.error;
    if (outcome.ok) return `forventet feil som inneholder «${wanted}», fikk ${JSON.stringify(outcome.value.result)}`;
    return outcome.error.message.includes(wanted) ? null : `forventet feil som inneholder «${wanted}», fikk «${outcome.error.message}»`;
  }
  if (!outcome.ok) return `feil: ${outcome.error.message}`;
  const result = outcome.value.result;
  const items = Array.isArray(result) ? result : [result];
  // For collect-policy files `expect: {}` means "no rule fires".
  if (Array.isArray(result) && Object.keys(expect).length === 0) return items.length === 0 ? null : `forventet ingen treff, fikk ${JSON.stringify(result)}`;
  const got = items.length === 1 ? items[0] : null;
  if (!got) return `forventet ett resultat, fikk ${items.length}: ${JSON.stringify(result)}`;
  const wrong = Object.entries(expect as Record<string, Scalar>).filter(([k, x]) => got[k] !== x);
  return wrong.length === 0 ? null : wrong.map(([k, x]) => `${k}: forventet ${JSON.stringify(x)}, fikk ${JSON.stringify(got[k])}`).join("; ");
}

export async function runEmbeddedTests(set: RuleSet, opts: { reference?: boolean } = {}): Promise<TestCaseResult[]> {
  const out: TestCaseResult[] = [];
  for (const b of set.broken) out.push({ file: b.path, ruleFile: b.id ?? b.path, name: "(filen lastes)", passed: false, message: b.problems.map((p) => `${p.path}: ${p.message}`).join("; "), engine: "loader" });
  for (const loaded of set.files.values()) {
    for (const t of loaded.file.tests) {
      const q = { facts: t.facts, date: t.date ?? DEFAULT_TEST_DATE, scenario: t.scenario };
      const compiled = compare(evaluate(set, loaded.file.id, q), t.expect);
      out.push({ file: loaded.path, ruleFile: loaded.file.id, name: t.name, passed: compiled === null, message: compiled ?? undefined, engine: "compiled" });
      if (opts.reference !== false) {
        const reference = compare(await evaluateReference(set, loaded.file.id, q), t.expect);
        out.push({ file: loaded.path, ruleFile: loaded.file.id, name: t.name, passed: reference === null, message: reference ?? undefined, engine: "json-rules-engine" });
      }
    }
  }
  return out;
}
