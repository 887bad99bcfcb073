/** Runs every rule file's embedded tests through the compiled path and, optionally, json-rules-engine. */
import type { RuleSet } from "../engine/rule-set";
import type { Scalar } from "../model/schema";
import { evaluate, Outcome } from "../engine/evaluate";
import { evaluateReference } from "../engine/reference";

export interface TestCaseResult {
  file: string;
  ruleFile: string;
  name: string;
  passed: boolean;
  message?: string;
  engine: string;
}

const DEFAULT_TEST_DATE = "2026-01-01";

type Expectation = Record<string, Scalar> | { error: string } | { hits: Array<Record<string, Scalar>> };

function partialMismatch(got: Record<string, Scalar>, want: Record<string, Scalar>): string[] {
  return Object.entries(want)
    .filter(([k, x]) => got[k] !== x)
    .map(([k, x]) => `${k}: forventet ${JSON.stringify(x)}, fikk ${JSON.stringify(got[k])}`);
}

function compare(outcome: Outcome, expect: Expectation): string | null {
  if ("hits" in expect && Array.isArray(expect.hits)) {
    if (!outcome.ok) return `feil: ${outcome.error.message}`;
    const got = Array.isArray(outcome.value.result) ? outcome.value.result : [outcome.value.result];
    if (got.length !== expect.hits.length)
      return `forventet ${expect.hits.length} treff, fikk ${got.length}: ${JSON.stringify(got)}`;
    const wrong = expect.hits.flatMap((want, i) => partialMismatch(got[i], want).map((m) => `treff ${i + 1}: ${m}`));
    return wrong.length ? wrong.join("; ") : null;
  }
  if ("error" in expect && typeof expect.error === "string") {
    const wanted = expect.error;
    if (outcome.ok) return `forventet feil som inneholder «${wanted}», fikk ${JSON.stringify(outcome.value.result)}`;
    return outcome.error.message.includes(wanted)
      ? null
      : `forventet feil som inneholder «${wanted}», fikk «${outcome.error.message}»`;
  }
  if (!outcome.ok) return `feil: ${outcome.error.message}`;
  const result = outcome.value.result;
  const items = Array.isArray(result) ? result : [result];
  // For collect-policy files `expect: {}` means "no rule fires".
  if (Array.isArray(result) && Object.keys(expect).length === 0)
    return items.length === 0 ? null : `forventet ingen treff, fikk ${JSON.stringify(result)}`;
  const got = items.length === 1 ? items[0] : null;
  if (!got) return `forventet ett resultat, fikk ${items.length}: ${JSON.stringify(result)}`;
  const wrong = partialMismatch(got, expect as Record<string, Scalar>);
  return wrong.length === 0 ? null : wrong.join("; ");
}

/** `only`: run the tests of the files whose path it accepts (the others still load, e.g. scenarios). */
export async function runEmbeddedTests(
  set: RuleSet,
  opts: { reference?: boolean; only?: (path: string) => boolean } = {},
): Promise<TestCaseResult[]> {
  const out: TestCaseResult[] = [];
  const only = opts.only ?? (() => true);
  for (const b of set.broken.filter((x) => only(x.path)))
    out.push({
      file: b.path,
      ruleFile: b.id ?? b.path,
      name: "(filen lastes)",
      passed: false,
      message: b.problems
        .map((p) =>
          p.path ? `${p.path}: ${p.message}` : p.line !== undefined ? `linje ${p.line}: ${p.message}` : p.message,
        )
        .join("; "),
      engine: "loader",
    });
  for (const loaded of set.files.values()) {
    if (!only(loaded.path)) continue;
    for (const t of loaded.file.tests) {
      const q = { facts: t.facts, date: t.date ?? DEFAULT_TEST_DATE, scenario: t.scenario };
      const compiled = compare(evaluate(set, loaded.file.id, q), t.expect);
      out.push({
        file: loaded.path,
        ruleFile: loaded.file.id,
        name: t.name,
        passed: compiled === null,
        message: compiled ?? undefined,
        engine: "compiled",
      });
      if (opts.reference !== false) {
        const reference = compare(await evaluateReference(set, loaded.file.id, q), t.expect);
        out.push({
          file: loaded.path,
          ruleFile: loaded.file.id,
          name: t.name,
          passed: reference === null,
          message: reference ?? undefined,
          engine: "json-rules-engine",
        });
      }
    }
  }
  return out;
}
