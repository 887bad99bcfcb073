/**
 * An auditor must be able to redo every formula from the trace alone: for every rule file's embedded tests,
 * each traced formula is evaluated again from its traced inputs (and, for kjede(), the traced series entries)
 * with a fresh exact-decimal mathjs, and must give the traced value.
 */
import { loadRuleFolder } from "../src/rules/load-folder";
import { evaluate } from "../src/engine/evaluate";
import { evaluateReference } from "../src/engine/reference";
import { all, create } from "mathjs";
import { decimalText, isDecimal, isDecimalText, roundHalfAwayFromZero, Decimal } from "../src/engine/decimal";
import type { FormulaTrace, Trace } from "../src/model/result";

const set = loadRuleFolder("rules");
/** A separate mathjs, not the engine's: the check must not share the code it checks. */
const math = create(all, { number: "BigNumber", precision: 64 });
const toDecimal = (v: number | string): Decimal => math.bignumber(v) as Decimal;

/** A traced input back to a value: decimals as exact decimals, «tom» as missing, booleans, else text. */
function fromTrace(text: string): unknown {
  if (isDecimalText(text)) return toDecimal(text);
  if (text === "tom") return null;
  if (text === "true" || text === "false") return text === "true";
  return text;
}

/** Recompute one traced formula from what the trace says, and nothing else. */
function recompute(f: FormulaTrace): string {
  const scope: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f.inputs)) scope[k] = fromTrace(v);
  const series = [...(f.series ?? [])];
  // kjede(p, a, b): the product of (1 + the traced entries of p), one per year from min(a,b)+1 to max(a,b).
  scope.kjede = (name: string, a: unknown, b: unknown) => {
    const from = Number(String(a));
    const to = Number(String(b));
    let factor = toDecimal(1);
    for (let y = Math.min(from, to) + 1; y <= Math.max(from, to); y++) {
      const i = series.findIndex((s) => s.name === name);
      if (i < 0) throw new Error(`kjede("${name}") mangler en rate for ${y} i sporet`);
      factor = factor.times(toDecimal(1).plus(toDecimal(String(series.splice(i, 1)[0].value)))) as Decimal;
    }
    return to >= from ? factor : (toDecimal(1).div(factor) as Decimal);
  };
  let value = math.evaluate(f.expr, scope) as unknown;
  if (isDecimal(value) && f.round !== undefined) value = roundHalfAwayFromZero(value, f.round);
  return isDecimal(value) ? decimalText(value) : value === null || value === undefined ? "tom" : String(value);
}

function tracedCases(): Array<{ label: string; formulas: FormulaTrace[] }> {
  const out: Array<{ label: string; formulas: FormulaTrace[] }> = [];
  for (const loaded of set.files.values()) {
    for (const t of loaded.file.tests) {
      const outcome = evaluate(
        set,
        loaded.file.id,
        { facts: t.facts, date: t.date ?? "2026-01-01", scenario: t.scenario },
        { trace: true },
      );
      if (outcome.ok)
        out.push({ label: `${loaded.file.id} – ${t.name}`, formulas: (outcome.value.trace as Trace).formulas });
    }
  }
  return out;
}

test("every traced formula of every embedded test recomputes from its traced inputs", () => {
  const cases = tracedCases();
  const wrong: string[] = [];
  let checked = 0;
  for (const c of cases) {
    for (const f of c.formulas) {
      checked++;
      const again = recompute(f);
      if (again !== f.value)
        wrong.push(
          `${c.label}: ${f.name} = ${f.expr} med ${JSON.stringify(f.inputs)} gir ${again}, sporet sier ${f.value}`,
        );
    }
  }
  expect(wrong).toEqual([]);
  // The rule files have many formulas; a trace that lost them would pass the loop above vacuously.
  expect(checked).toBeGreaterThan(50);
});

test("the deflator trace shows belop before the formula (Prop. 1 S kap. 732 post 21: 20 161 → 20 806 at 3,2 %)", async () => {
  // Seed 003 L10303: «21 Spesielle driftsutgifter, kan overføres 67 362 20 161 20 806»; deflator 3,2 % (L1519–1525).
  const q = { facts: { belop: 20161, fra: 2025, til: 2026, serie: "sykehus" }, date: "2026-01-01" };
  for (const outcome of [evaluate(set, "deflator", q, { trace: true }), await evaluateReference(set, "deflator", q)]) {
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) continue;
    const f = (outcome.value.trace as Trace).formulas.find((x) => x.name === "belop")!;
    expect(f.inputs.belop).toBe("20161");
    expect(f.value).toBe("20806.152");
    expect(Math.round(Number(f.value))).toBe(20806);
  }
});
