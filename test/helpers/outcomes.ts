/** An answer of any path reduced to what must agree between paths: the result, or the error. */
import type { Outcome } from "../../src/engine/evaluate";
import type { RowOutcome } from "../../src/engine/batch";

export type Plain = { ok: true; result: unknown } | { ok: false; error: unknown };

export const plain = (o: Outcome): Plain =>
  o.ok ? { ok: true, result: o.value.result } : { ok: false, error: o.error };

export const plainRow = (o: RowOutcome): Plain =>
  o.ok ? { ok: true, result: o.result } : { ok: false, error: o.error };
