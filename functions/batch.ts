/**
 * Function-layer batch entries for the benchmark and the task pane: the same path Excel takes for
 * =BUDSJETT.EGENANDEL(A2:A100001; B2:B100001; C2:C100001), with rows given as plain arrays.
 */
import * as calls from "./calls";

const column = (rows: unknown[][], k: number) => rows.map((r) => [r[k] ?? null]);

/**
 * rows: [alder_eller_fodselsdato, tjeneste, dato?, fritaksgrunn?] per row (Excel serials or text).
 * Returns one value per row: true (betaler), false (fritatt) or an Excel error value.
 */
export function egenandelRange(rows: unknown[][], opts: { output?: "betaler" | "grunn"; scenario?: string | null } = {}): unknown[] {
  if (rows.length === 0) return [];
  const out = calls.egenandel(opts.output ?? "betaler", column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3), [[opts.scenario ?? null]]);
  return out.map((r) => r[0]);
}

/** rows: [belop, fra, til, serie?]; one number or Excel error per row. */
export function deflaterRange(rows: unknown[][]): unknown[] {
  if (rows.length === 0) return [];
  return calls.deflater(column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3)).map((r) => r[0]);
}
