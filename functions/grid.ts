/**
 * Element-wise evaluation over Excel ranges. Excel passes matrix parameters as 2-D arrays; we
 * broadcast them the way Excel broadcasts array formulas (a 1-row or 1-column range repeats;
 * a shorter range gives #N/A beyond its end) and return one result per cell, which spills.
 */
import { ArgError } from "./arg-error";
import { excelError, ExcelError, inputErrorCode, propagated } from "./excel-error";

export type Grid = unknown[][];

/** A value computed before broadcasting (e.g. a parsed fact set) that must not be mistaken for an error cell. */
export class Ready<T> {
  constructor(readonly value: T) {}
}
/** An element that already failed with its own message (propagated as is). */
export class Failed {
  constructor(readonly error: ExcelError) {}
}

export function asGrid(v: unknown): Grid {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [[null]];
  if (!Array.isArray(v[0])) return [v as unknown[]];
  const rows = v as unknown[][];
  // Copy only when a row needs mending (Excel passes well-formed ranges; a 100 000-row copy costs).
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length === 0) return rows.map((r) => (Array.isArray(r) && r.length ? r : [null]));
  }
  return rows;
}

export interface Arg { name: string; value: unknown }

function shape(grids: Grid[]): [number, number] {
  let rows = 1;
  let cols = 1;
  for (const g of grids) {
    rows = Math.max(rows, g.length);
    for (const r of g) cols = Math.max(cols, r.length);
  }
  return [rows, cols];
}

function pick(g: Grid, i: number, j: number): unknown {
  const row = g.length === 1 ? g[0] : g[i];
  if (row === undefined) return MISSING;
  const v = row.length === 1 ? row[0] : row[j];
  return v === undefined ? MISSING : v;
}
const MISSING = Symbol("missing");

/**
 * Calls `fn` once per result cell with the cell's argument values. Error cells, missing
 * positions and ArgErrors become that cell's Excel error; nothing escapes as an exception.
 */
export function mapGrid(args: Arg[], fn: (values: unknown[]) => unknown): unknown[][] {
  const grids = args.map((a) => asGrid(a.value));
  const [rows, cols] = shape(grids);
  const out: unknown[][] = new Array(rows);
  const values = new Array<unknown>(args.length);
  for (let i = 0; i < rows; i++) {
    const row = new Array<unknown>(cols);
    for (let j = 0; j < cols; j++) row[j] = cell(args, grids, values, i, j, fn);
    out[i] = row;
  }
  return out;
}

function cell(args: Arg[], grids: Grid[], values: unknown[], i: number, j: number, fn: (values: unknown[]) => unknown): unknown {
  for (let k = 0; k < grids.length; k++) {
    const v = pick(grids[k], i, j);
    if (v === MISSING) return excelError("#N/A", `${args[k].name}: området er mindre enn de andre argumentene`);
    if (v instanceof Failed) return v.error;
    if (v instanceof Ready) {
      values[k] = v.value;
      continue;
    }
    const code = inputErrorCode(v);
    if (code !== null) return propagated(args[k].name, code);
    values[k] = v;
  }
  try {
    return fn(values);
  } catch (e) {
    return toExcelError(e);
  }
}

export function toExcelError(e: unknown): ExcelError {
  if (e instanceof ArgError) return excelError(e.code, e.message);
  // A defect of ours: still a cell error with a plain message, never a thrown exception.
  return excelError("#VALUE!", `intern feil: ${(e as Error)?.message ?? String(e)}`);
}

/** Last-resort guard around a whole custom function: any escape becomes a 1×1 error. */
export function guarded(body: () => unknown[][]): unknown[][] {
  try {
    return body();
  } catch (e) {
    return [[toExcelError(e)]];
  }
}
