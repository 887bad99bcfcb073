/**
 * Decision tables for the batch path. When every condition of a rule file compares a row fact with a
 * constant (a literal, or a parameter in force on the date), two rows whose facts fall in the same
 * class (the same enum value; a number on the same side of, or equal to, every constant it is compared
 * with) fire the same rules. If the selected rules' results read no fact, they get the same outcome.
 * So the batch memoises outcomes per class tuple: the first row of a class is answered by the general
 * path, every later row by classifying its facts and one array lookup.
 *
 * The classifier only vouches for values the normaliser would keep unchanged (a canonical enum value,
 * a finite number in range, a boolean, or an absent fact), or present text that the fact's own
 * coercion (the normaliser's, e.g. "17" → 17, " Fastlege" → "fastlege") turns into such a value.
 * Anything else (blank text, a value the coercion rejects, a birth date to derive an age from, an
 * unknown key) returns NOT_VOUCHED and the row takes the general path, which reports the row's first
 * error. The table therefore never decides anything the general path did not decide for the same class.
 */
import type { LoadedRuleFile } from "./compiled-file";
import type { Condition, FactDecl, LeafCondition, Operator, Scalar, TopCondition } from "../model/schema";
import { leaves } from "./conditions";

export const NOT_VOUCHED = -1;

const enum Kind {
  Codes,
  Bool,
  Int,
  Num,
  AbsentOnly,
}

/** How one declared fact is classified. Absent (undefined/null) is always the last class. */
interface Dim {
  name: string;
  kind: Kind;
  /** Codes: value → class, for enum values and the text constants conditions compare with. */
  codes: Map<unknown, number> | null;
  /** Codes on a string fact: any other trimmed, non-blank text is one more class. */
  otherText: boolean;
  min: number;
  max: number;
  /** Numbers: the literal constants compared with, and parameters compared with (resolved per date). */
  literals: number[];
  parameters: string[];
  /** The normaliser's conversion of a present value of this fact (the fact is not derived from another). */
  coerce: ((raw: unknown) => unknown) | null;
}

export interface TablePlan {
  dims: Dim[];
  /** Each fact name's dimension (a name not here is an unknown fact). */
  dimOf: Map<string, number>;
  /** A condition reads the question date itself: tables cannot be shared between dates. */
  readsDate: boolean;
  /** Parameters conditions compare numeric facts with: the table depends on their values. */
  numericParameters: string[];
}

/** One table per parameter state: class boundaries for that state, strides, and the memoised outcomes. */
export interface DecisionTable<T> {
  strides: Int32Array;
  absent: Int32Array;
  bounds: Array<Float64Array | null>;
  /** Small integer ranges: class by `value - lookupBase[d]`, no search. */
  lookup: Array<Int32Array | null>;
  lookupBase: Float64Array;
  cells: Array<T | undefined>;
}

/** Largest table worth keeping (cells are filled lazily; this bounds memory per parameter state). */
const MAX_CELLS = 1 << 16;
const MAX_LOOKUP_SPAN = 4096;

const EQUALITY: ReadonlySet<Operator> = new Set(["equal", "notEqual", "in", "notIn"]);
const ORDERING: ReadonlySet<Operator> = new Set([
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
]);
const DATE_ONLY: ReadonlySet<Operator> = new Set(["dateBefore", "dateOnOrBefore", "dateAfter", "dateOnOrAfter"]);

function refOf(leaf: LeafCondition): string | null {
  const v = leaf.value;
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v.fact : null;
}

function baseDim(name: string, kind: Kind, decl: FactDecl): Dim {
  return {
    name,
    kind,
    codes: null,
    otherText: false,
    min: decl.min ?? -Infinity,
    max: decl.max ?? Infinity,
    literals: [],
    parameters: [],
    coerce: null,
  };
}

/**
 * The plan for a rule file, or null when a row class cannot be read off the facts alone: a condition
 * compares two row facts, reads a decimal or date fact, or compares text other than for equality.
 */
export function planTable(loaded: LoadedRuleFile): TablePlan | null {
  const decls = loaded.file.facts;
  const names = loaded.facts.names;
  const byFact = new Map<string, LeafCondition[]>();
  let readsDate = false;
  for (const r of loaded.rules) {
    for (const leaf of leaves(r.rule.conditions as Condition | TopCondition)) {
      const ref = refOf(leaf);
      if (ref !== null && ref in decls) return null; // fact against fact: no per-fact classes
      if (leaf.fact === "dato" || ref === "dato") readsDate = true;
      if (!(leaf.fact in decls)) continue; // a parameter or the date: constant for the table
      const list = byFact.get(leaf.fact) ?? [];
      list.push(leaf);
      byFact.set(leaf.fact, list);
    }
  }
  const derivedSources = new Set(
    names.map((n) => decls[n].derive?.ageFrom).filter((s): s is string => s !== undefined),
  );
  const dims: Dim[] = [];
  const numericParameters = new Set<string>();
  for (const name of names) {
    const decl = decls[name];
    const used = byFact.get(name) ?? [];
    let dim: Dim | null;
    if (derivedSources.has(name))
      dim = used.length ? null : baseDim(name, Kind.AbsentOnly, decl); // present: the general path derives
    else dim = dimFor(name, decl, used, numericParameters);
    if (dim === null) return null;
    // A fact with a derivation source is coerced as given only when the source is absent, which its
    // own dimension (AbsentOnly) guarantees for every vouched row.
    if (dim.kind !== Kind.AbsentOnly) dim.coerce = loaded.facts.coerce[name];
    dims.push(dim);
  }
  return {
    dims,
    dimOf: new Map(names.map((n, d) => [n, d])),
    readsDate,
    numericParameters: [...numericParameters],
  };
}

function dimFor(name: string, decl: FactDecl, used: LeafCondition[], numericParameters: Set<string>): Dim | null {
  switch (decl.type) {
    case "enum": {
      const dim = baseDim(name, Kind.Codes, decl);
      // Every value its own class when conditions read the fact; one class when they do not.
      dim.codes = new Map((decl.values ?? []).map((v, i) => [v, used.length ? i : 0]));
      return dim;
    }
    case "boolean": {
      const dim = baseDim(name, Kind.Bool, decl);
      return dim;
    }
    case "string": {
      const dim = baseDim(name, Kind.Codes, decl);
      const codes = new Map<unknown, number>();
      for (const leaf of used) {
        if (!EQUALITY.has(leaf.operator) || refOf(leaf) !== null) return null;
        const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
        // Only canonical text can equal a normalised fact; other constants never match and need no class.
        for (const v of values)
          if (typeof v === "string" && v !== "" && v.trim() === v && !codes.has(v)) codes.set(v, codes.size);
      }
      dim.codes = codes;
      dim.otherText = true;
      return dim;
    }
    case "integer":
    case "number": {
      const dim = baseDim(name, decl.type === "integer" ? Kind.Int : Kind.Num, decl);
      for (const leaf of used) {
        const ref = refOf(leaf);
        if (DATE_ONLY.has(leaf.operator)) continue; // false for every number
        if (ref !== null) {
          if (leaf.operator === "in" || leaf.operator === "notIn" || leaf.operator === "inRange") return null;
          dim.parameters.push(ref);
          numericParameters.add(ref);
          continue;
        }
        if (leaf.operator === "inRange") {
          const b = leaf.value;
          if (!Array.isArray(b) || b.length !== 2 || !b.every((x) => typeof x === "number")) return null;
          dim.literals.push(b[0] as number, b[1] as number);
          continue;
        }
        if (leaf.operator === "in" || leaf.operator === "notIn") {
          if (!Array.isArray(leaf.value)) return null;
          for (const x of leaf.value) if (typeof x === "number") dim.literals.push(x);
          continue;
        }
        const v = leaf.value as Scalar;
        if (typeof v === "number") dim.literals.push(v);
        else if (ORDERING.has(leaf.operator)) return null; // "16" < … coerces: leave it to the general path
      }
      return dim;
    }
    default:
      // decimal and date facts: only an absent one is vouched for (present ones are parsed by the general path).
      return used.length ? null : baseDim(name, Kind.AbsentOnly, decl);
  }
}

function classCount(dim: Dim, bounds: Float64Array | null): number {
  switch (dim.kind) {
    case Kind.Codes: {
      let max = -1;
      for (const c of dim.codes!.values()) if (c > max) max = c;
      return max + 1 + (dim.otherText ? 1 : 0) + 1;
    }
    case Kind.Bool:
      return 3;
    case Kind.Int:
    case Kind.Num:
      return 2 * bounds!.length + 2;
    case Kind.AbsentOnly:
      return 1;
  }
}

function searchClass(bounds: Float64Array, v: number): number {
  let k = 0;
  while (k < bounds.length && bounds[k] < v) k++;
  return 2 * k + (k < bounds.length && bounds[k] === v ? 1 : 0);
}

/**
 * The table for one parameter state, or null when a compared parameter is not a finite number on that
 * date (the general path then answers every row, with its own errors) or the table would be too large.
 */
export function buildTable<T>(plan: TablePlan, parameterValues: Record<string, Scalar>): DecisionTable<T> | null {
  const n = plan.dims.length;
  const strides = new Int32Array(n);
  const absent = new Int32Array(n);
  const bounds: Array<Float64Array | null> = [];
  const lookup: Array<Int32Array | null> = [];
  const lookupBase = new Float64Array(n);
  let size = 1;
  for (let d = 0; d < n; d++) {
    const dim = plan.dims[d];
    let b: Float64Array | null = null;
    let table: Int32Array | null = null;
    if (dim.kind === Kind.Int || dim.kind === Kind.Num) {
      const values = [...dim.literals];
      for (const p of dim.parameters) {
        const v = parameterValues[p];
        if (v === undefined) continue; // missing on this date: the general path raises it for every row
        if (typeof v !== "number" || !Number.isFinite(v)) return null;
        values.push(v);
      }
      b = Float64Array.from([...new Set(values.filter(Number.isFinite))].sort((x, y) => x - y));
      if (
        dim.kind === Kind.Int &&
        Number.isFinite(dim.min) &&
        Number.isFinite(dim.max) &&
        dim.max - dim.min <= MAX_LOOKUP_SPAN
      ) {
        const lo = Math.ceil(dim.min);
        lookupBase[d] = lo;
        table = new Int32Array(Math.max(0, Math.floor(dim.max) - lo + 1));
        for (let i = 0; i < table.length; i++) table[i] = searchClass(b, lo + i);
      }
    }
    bounds.push(b);
    lookup.push(table);
    const count = classCount(dim, b);
    absent[d] = count - 1;
    strides[d] = size;
    size *= count;
    if (size > MAX_CELLS) return null;
  }
  return { strides, absent, bounds, lookup, lookupBase, cells: new Array<T | undefined>(size) };
}

/** The class of one raw value of dimension `d`, or NOT_VOUCHED when only the general path may judge it. */
export function classOf(plan: TablePlan, table: DecisionTable<unknown>, d: number, raw: unknown): number {
  if (raw === undefined || raw === null) return table.absent[d];
  const c = canonicalClass(plan, table, d, raw);
  if (c >= 0 || typeof raw !== "string") return c;
  // Text the normaliser converts ("17", " Fastlege"): classify what it becomes. Blank text is an absent
  // fact (its default or its error) and a rejected value an error: both for the general path.
  const coerce = plan.dims[d].coerce;
  if (coerce === null || raw.trim() === "") return NOT_VOUCHED;
  let v: unknown;
  try {
    v = coerce(raw);
  } catch {
    return NOT_VOUCHED;
  }
  return canonicalClass(plan, table, d, v);
}

function canonicalClass(plan: TablePlan, table: DecisionTable<unknown>, d: number, raw: unknown): number {
  const dim = plan.dims[d];
  switch (dim.kind) {
    case Kind.Codes: {
      const c = dim.codes!.get(raw);
      if (c !== undefined) return c;
      // Other canonical text (already trimmed, not blank) on a string fact: equal to no constant.
      if (dim.otherText && typeof raw === "string" && raw !== "" && raw.trim() === raw) return table.absent[d] - 1;
      return NOT_VOUCHED;
    }
    case Kind.Bool:
      return raw === false ? 0 : raw === true ? 1 : NOT_VOUCHED;
    case Kind.Int:
      if (typeof raw !== "number" || !Number.isInteger(raw) || raw < dim.min || raw > dim.max) return NOT_VOUCHED;
      return numberClass(table, d, raw);
    case Kind.Num:
      if (typeof raw !== "number" || !Number.isFinite(raw) || raw < dim.min || raw > dim.max) return NOT_VOUCHED;
      return numberClass(table, d, raw);
    case Kind.AbsentOnly:
      return NOT_VOUCHED;
  }
}

function numberClass(table: DecisionTable<unknown>, d: number, v: number): number {
  const lookup = table.lookup[d];
  if (lookup !== null) return lookup[v - table.lookupBase[d]];
  return searchClass(table.bounds[d]!, v);
}

/**
 * The cell index of a row given as an object, or NOT_VOUCHED. Reads facts exactly as the normaliser does:
 * own properties, an unknown own key left to the general path (which names it). One pass over the row's
 * own keys (V8 reads `row[key]` inside for-in from its key cache), then the facts it did not list.
 */
const hasOwn = Object.prototype.hasOwnProperty;
export function cellOfObject(plan: TablePlan, table: DecisionTable<unknown>, row: object): number {
  const dims = plan.dims;
  // Past 30 facts the bit mask below does not hold them; such a table (every fact but a few absent-only) is not met in practice.
  if (dims.length > 30) return NOT_VOUCHED;
  let idx = 0;
  let seen = 0;
  let d = 0;
  for (const key in row) {
    if (!hasOwn.call(row, key)) continue;
    // Rows mostly list their facts in declared order: look ahead before a lookup.
    if (d >= dims.length || dims[d].name !== key) {
      const at = plan.dimOf.get(key);
      if (at === undefined) return NOT_VOUCHED;
      d = at;
    }
    const c = classOf(plan, table, d, (row as Record<string, unknown>)[key]);
    if (c < 0) return NOT_VOUCHED;
    idx += c * table.strides[d];
    seen |= 1 << d;
    d++;
  }
  for (let k = 0; k < dims.length; k++) {
    if ((seen & (1 << k)) !== 0) continue;
    // Not listed: absent, unless an own property that is not enumerable (the normaliser reads those).
    if (hasOwn.call(row, dims[k].name)) return NOT_VOUCHED;
    idx += table.absent[k] * table.strides[k];
  }
  return idx;
}

/** The cell index of row `i` given as columns (per-row dates: each row may have its own table). */
export function cellOfColumns(
  plan: TablePlan,
  table: DecisionTable<unknown>,
  columns: Array<ReadonlyArray<unknown> | null>,
  i: number,
): number {
  let idx = 0;
  for (let d = 0; d < columns.length; d++) {
    const col = columns[d];
    const c = classOf(plan, table, d, col === null ? undefined : col[i]);
    if (c < 0) return NOT_VOUCHED;
    idx += c * table.strides[d];
  }
  return idx;
}

/**
 * Cell indexes for rows 0..n-1 given as columns (`columns[d]` for dimension d, null when the range has
 * no such column), NOT_VOUCHED where a row must take the general path. Column by column: one tight loop
 * per fact, each specialised to the fact's kind.
 */
export function cellsOfColumns(
  plan: TablePlan,
  table: DecisionTable<unknown>,
  columns: Array<ReadonlyArray<unknown> | null>,
  n: number,
): Int32Array {
  const idx = new Int32Array(n);
  for (let d = 0; d < plan.dims.length; d++) {
    const dim = plan.dims[d];
    const col = columns[d];
    const stride = table.strides[d];
    const absent = table.absent[d] * stride;
    if (col === null) {
      if (absent !== 0) for (let i = 0; i < n; i++) if (idx[i] >= 0) idx[i] += absent;
      continue;
    }
    switch (dim.kind) {
      case Kind.Codes: {
        const codes = dim.codes!;
        for (let i = 0; i < n; i++) {
          if (idx[i] < 0) continue;
          const raw = col[i];
          if (raw === undefined || raw === null) {
            idx[i] += absent;
            continue;
          }
          const c = codes.get(raw);
          if (c !== undefined) {
            idx[i] += c * stride;
            continue;
          }
          const k = classOf(plan, table, d, raw);
          idx[i] = k < 0 ? NOT_VOUCHED : idx[i] + k * stride;
        }
        break;
      }
      case Kind.Int:
      case Kind.Num: {
        const lookup = table.lookup[d];
        const base = table.lookupBase[d];
        for (let i = 0; i < n; i++) {
          if (idx[i] < 0) continue;
          const raw = col[i];
          if (lookup !== null && typeof raw === "number" && raw >= dim.min && raw <= dim.max && Number.isInteger(raw)) {
            idx[i] += lookup[raw - base] * stride;
            continue;
          }
          const c = classOf(plan, table, d, raw);
          idx[i] = c < 0 ? NOT_VOUCHED : idx[i] + c * stride;
        }
        break;
      }
      default:
        for (let i = 0; i < n; i++) {
          if (idx[i] < 0) continue;
          const c = classOf(plan, table, d, col[i]);
          idx[i] = c < 0 ? NOT_VOUCHED : idx[i] + c * stride;
        }
    }
  }
  return idx;
}

/**
 * Which parameter state a table belongs to. Dates whose compared parameters have the same values share
 * a table, unless a condition reads the date itself or a parameter is missing (messages name the date).
 */
export function tableKey(
  plan: TablePlan,
  iso: string,
  params: { values: Record<string, Scalar>; missing: ReadonlyMap<string, string>; valuesKey?: string },
): string {
  if (plan.readsDate || params.missing.size > 0) return `date:${iso}`;
  return (params.valuesKey ??= JSON.stringify(params.values));
}
