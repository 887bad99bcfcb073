/**
 * Re-pricing a column of budget amounts (1 000 kr) through the `deflator` rule file. Pure TypeScript, no
 * Office: the arithmetic lives in rules/deflators/deflator.json (evaluated with `evaluate`), this module only
 * feeds it one row at a time and rounds the exact result to whole thousands, half away from zero — the one
 * place where a budget figure is produced.
 */
import type { RuleSet } from "../../src/engine/rule-set";
import { evaluate, Evaluation, Outcome } from "../../src/engine/evaluate";
import type { EvalError } from "../../src/engine/errors";
import { roundHalfAwayFromZero, toDecimal } from "../../src/engine/decimal";

export const DEFLATOR_RULE_FILE = "deflator";

export type DeflatorSeries = "sykehus" | "generell" | "tilskudd-underregulert";

export interface RepriceOptions {
  serie: DeflatorSeries | string;
  fra: number;
  til: number;
  /** Question date for the rule file's parameters; defaults to 1 January of the later year. */
  date?: string;
  scenario?: string | null;
  /** Keep the full trace of each evaluation (slower). */
  trace?: boolean;
}

/** A row to re-price: an amount in 1 000 kr (null = empty cell, passed through) and anything else the caller carries. */
export interface RepriceInput {
  amount: number | string | null;
}

export type RepricedRow<T extends RepriceInput> =
  | { row: T; ok: true; amount: number | null; exact: string | null; evaluation: Evaluation | null }
  | { row: T; ok: false; amount: null; exact: null; error: EvalError };

/** Round an exact decimal text to whole units (here: 1 000 kr), half away from zero. */
export function roundToWhole(exact: string): number {
  return roundHalfAwayFromZero(toDecimal(exact), 0).toNumber();
}

/** Re-price one amount. */
export function repriceAmount(amount: number | string, opts: RepriceOptions, set: RuleSet): Outcome {
  const date = opts.date ?? `${Math.max(opts.fra, opts.til)}-01-01`;
  return evaluate(
    set,
    DEFLATOR_RULE_FILE,
    {
      facts: { belop: amount, fra: opts.fra, til: opts.til, serie: opts.serie },
      date,
      scenario: opts.scenario ?? null,
    },
    { trace: opts.trace === true },
  );
}

/**
 * Re-price every row of a column: each amount goes through the deflator rule file and the exact result is
 * rounded to whole 1 000 kr (half away from zero). Empty cells stay empty. A failing row carries the
 * engine's error (e.g. a year without a known rate) instead of a guessed figure.
 */
export function repriceColumn<T extends RepriceInput>(
  rows: readonly T[],
  opts: RepriceOptions,
  set: RuleSet,
): RepricedRow<T>[] {
  return rows.map((row) => {
    if (row.amount === null || row.amount === "") return { row, ok: true, amount: null, exact: null, evaluation: null };
    const outcome = repriceAmount(row.amount, opts, set);
    if (!outcome.ok) return { row, ok: false, amount: null, exact: null, error: outcome.error };
    const result = outcome.value.result;
    const exact = Array.isArray(result) ? undefined : result.belop;
    if (typeof exact !== "string") {
      return {
        row,
        ok: false,
        amount: null,
        exact: null,
        error: {
          code: "bad-output",
          message: `regelfilen «${DEFLATOR_RULE_FILE}» ga ikke «belop» som desimaltekst`,
        } as EvalError,
      };
    }
    return { row, ok: true, amount: roundToWhole(exact), exact, evaluation: outcome.value };
  });
}
