/**
 * Element-wise evaluation over Excel ranges. Excel passes matrix parameters as 2-D arrays; we
 * broadcast them the way Excel broadcasts array formulas (a 1-row or 1-column range repeats;
 * a shorter range gives #N/A beyond its end) and return one result per cell, which spills.
 */
import type { ArgColumns as CoreArgColumns } from "../src/questions/questions";
import { ArgError } from "../src/questions/arg-error";
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

export interface Arg {
  name: string;
  value: unknown;
}

/** A call's arguments under their Excel parameter names (the names error messages use), in order. */
export function named(args: Record<string, unknown>): Arg[] {
  return Object.entries(args).map(([name, value]) => ({ name, value }));
}

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

/** A cell that is not a plain value: a missing position, an error value, or a Ready/Failed wrapper. */
function isSpecial(v: unknown): boolean {
  return v !== null && (typeof v === "object" || v === MISSING);
}

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

function cell(
  args: Arg[],
  grids: Grid[],
  values: unknown[],
  i: number,
  j: number,
  fn: (values: unknown[]) => unknown,
): unknown {
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

/**
 * A call's arguments as columns over its result cells (row-major, `rows × cols` = `n`), broadcast as
 * mapGrid does: `values[k]` holds argument k per cell, or one value for every cell (a single cell passed
 * in); `errors[c]` is cell c's input error (a missing position or an error cell, the first argument's
 * first), exactly the error mapGrid would give it. The question builders then work column by column,
 * and may overwrite these arrays (each call gets its own).
 */
export type ArgColumns = CoreArgColumns<ExcelError>;

export function argColumns(args: Arg[]): ArgColumns {
  const shaped = ofColumnRanges(args) ?? ofGrids(args);
  const { rows, cols, columns } = shaped;
  const n = rows * cols;
  const errors = new Array<ExcelError | undefined>(n);
  const values = columns.map(({ col, one, special }, k) => {
    if (!special) return col;
    for (let c = 0; c < col.length; c++) {
      const v = col[c];
      if (!isSpecial(v)) continue; // plain values: nearly every cell
      if (v instanceof Ready) {
        col[c] = v.value;
        continue;
      }
      const err =
        v === MISSING
          ? excelError("#N/A", `${args[k].name}: området er mindre enn de andre argumentene`)
          : v instanceof Failed
            ? v.error
            : inputErrorCode(v) !== null
              ? propagated(args[k].name, inputErrorCode(v)!)
              : undefined;
      if (err === undefined) continue;
      // Arguments are taken in order, so a cell keeps its first argument's error, as in mapGrid.
      if (one) {
        for (let e = 0; e < n; e++) if (errors[e] === undefined) errors[e] = err;
      } else if (errors[c] === undefined) errors[c] = err;
    }
    return col;
  });
  return { rows, cols, n, values, errors };
}

/** One argument over the result cells: `one` when a single cell serves every cell; `special` when some cell is not a plain value. */
interface Column {
  col: unknown[];
  one: boolean;
  special: boolean;
}

interface Shaped {
  rows: number;
  cols: number;
  columns: Column[];
}

/**
 * The usual call, read in one pass per argument: each argument a single cell or an n×1 range (every row
 * exactly one cell), all ranges of the same n. Null for any other shape, which ofGrids broadcasts.
 */
function ofColumnRanges(args: Arg[]): Shaped | null {
  let n = 1;
  for (const a of args) {
    const v = a.value;
    if (!Array.isArray(v) || v.length <= 1) continue;
    if (n !== 1 && v.length !== n) return null;
    n = v.length;
  }
  const columns: Column[] = [];
  for (const a of args) {
    const v = a.value;
    if (!Array.isArray(v)) {
      columns.push({ col: [v], one: true, special: isSpecial(v) });
      continue;
    }
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) {
      columns.push({ col: [v[0][0]], one: true, special: isSpecial(v[0][0]) });
      continue;
    }
    if (v.length !== n || n === 1) return null;
    const col = new Array<unknown>(n);
    let special = false;
    for (let i = 0; i < n; i++) {
      const row = v[i];
      if (!Array.isArray(row) || row.length !== 1) return null;
      const x = row[0] === undefined ? MISSING : row[0];
      col[i] = x;
      if (isSpecial(x)) special = true;
    }
    columns.push({ col, one: false, special });
  }
  return { rows: n, cols: 1, columns };
}

/** Any shapes, broadcast as mapGrid does. */
function ofGrids(args: Arg[]): Shaped {
  const grids = args.map((a) => asGrid(a.value));
  const [rows, cols] = shape(grids);
  const n = rows * cols;
  const columns = grids.map((g): Column => {
    const one = g.length === 1 && g[0].length === 1;
    const col = one ? [g[0][0]] : new Array<unknown>(n);
    let special = false;
    if (one) special = isSpecial(col[0]);
    else
      for (let i = 0, c = 0; i < rows; i++)
        for (let j = 0; j < cols; j++, c++) special = isSpecial((col[c] = pick(g, i, j))) || special;
    return { col, one, special };
  });
  return { rows, cols, columns };
}

/** Cells back into the result grid (`cells[c]` is row c / cols, column c % cols). */
export function toGrid(rows: number, cols: number, cells: unknown[]): unknown[][] {
  const out = new Array<unknown[]>(rows);
  if (cols === 1) {
    for (let i = 0; i < rows; i++) out[i] = [cells[i]]; // the usual n×1 spill: one small packed array per row
    return out;
  }
  for (let i = 0, c = 0; i < rows; i++) {
    const row = new Array<unknown>(cols);
    for (let j = 0; j < cols; j++, c++) row[j] = cells[c];
    out[i] = row;
  }
  return out;
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
