/**
 * Batch evaluation for ranges (Excel custom functions, budget checks, the CLI): one rule file and
 * scenario compiled once, then many rows through plain synchronous closures. Same answers and the
 * same errors as `evaluate` row by row (test/differential.test.ts is the guard), without per-row
 * engines, almanacs or promises:
 *  - dates are validated and parameters resolved once per distinct date;
 *  - one condition environment is reused for every row (parameters written only when the date changes);
 *  - results that do not depend on the row's facts (no formulas, or formulas reading no fact) are
 *    computed once per date and rule, and the same frozen outcome object is returned for every row;
 *  - an error is a value in its row ({ ok: false, error }), never an exception for the batch.
 * Traces are on demand only: `trace(row, date)` for the few rows a user inspects.
 * Pure TypeScript; no json-rules-engine, safe for the custom-functions bundle.
 */
import type { RuleSet } from "./rule-set";
import type { LoadedScenario } from "./rule-set";
import type { CompiledRule, LoadedRuleFile } from "./compiled-file";
import {
  Context,
  findRuleFile,
  findScenario,
  parametersAt,
  ParameterState,
  requireConditionParameters,
  parametersUnder,
} from "./context";
import { checkQuestionDate, DerivedFact, FactValue } from "./facts";
import { isoDatePlace } from "../util/dates";
import { computeResult, formulasReadNoFact } from "./results";
import { chooseRules, isFailure, rememberOutcome, RowOutcome, Selection, storedOutcome } from "./outcome";
export { isSharedOutcome } from "./outcome";
import { EvalFailure, type EvalError } from "./errors";
import { OPERATOR_FUNCTIONS } from "./operators";
import { Env, writeFacts, writeParameters } from "./slots";
import { evaluate, failure, Outcome } from "./evaluate";
import {
  buildTable,
  cellOfColumns,
  cellsOfColumns,
  cellOfObject,
  DecisionTable,
  NOT_VOUCHED,
  planTable,
  TablePlan,
  tableKey,
} from "./decision-table";

export type { RowOutcome };

export interface BatchOptions {
  scenario?: string | null;
  /** false: no decision tables, every row through the general path (for measuring and testing that path). */
  tables?: boolean;
}

export interface CompiledBatch {
  ruleFile: { id: string; version: string; hash: string };
  scenario: string | null;
  /** Declared fact names (the columns a range may carry), and output names (the columns a result has). */
  factNames: string[];
  outputNames: string[];
  /** One outcome per row. `date` is one date for every row, or one per row. */
  evaluateRows(rows: ReadonlyArray<unknown>, date: unknown): RowOutcome[];
  /**
   * Columnar: `columns[name][i]` is fact `name` of row i (an absent column or an undefined/null/blank
   * cell is an absent fact). Row count is the longest column (or the dates array) unless `length` is given.
   */
  evaluateColumns(columns: Record<string, ReadonlyArray<unknown>>, date: unknown, length?: number): RowOutcome[];
  /** Full evaluation with trace, for one row a user inspects (same answer as the batch). */
  trace(facts: Record<string, unknown>, date: unknown): Outcome;
  /** Rows answered so far, and how many of them by a decision-table lookup (see decision-table.ts). */
  stats(): { rows: number; fromTable: number; tablePlan: boolean };
}

type Table = DecisionTable<RowOutcome>;

interface DateState {
  /** The validated ISO date, or the error every row with this date gets. */
  iso: string | null;
  dateError: RowOutcome | null;
  /** Parameters in force, or the error (raised after fact checks, as `evaluate` does). */
  params: ParameterState | null;
  paramError: RowOutcome | null;
  /** Outcomes that do not depend on the row's facts, by selection (rule, otherwise, or collect key). */
  shared: Map<unknown, RowOutcome>;
  /** The same for a single chosen rule, by rule index (the file's «otherwise» at index rules.length). */
  sharedOne: Array<RowOutcome | undefined>;
  /** The decision table for this date's parameter state (undefined: not looked up yet; null: none). */
  table: Table | null | undefined;
}

const NOT_OBJECT: RowOutcome = Object.freeze({
  ok: false as const,
  error: Object.freeze({ code: "bad-fact" as const, message: "fakta: forventet navn=verdi-par" }),
});

/**
 * Rule constructs the compiled closures do not handle (they would need json-rules-engine). Today the
 * compiler covers the whole schema (all/any/not, every operator, fact references), so this is empty
 * for every file that loads; the benchmark and the differential test report it.
 */
export function unsupportedConstructs(loaded: LoadedRuleFile): string[] {
  const out: string[] = [];
  const walk = (c: unknown, path: string): void => {
    const o = c as Record<string, unknown>;
    if (Array.isArray(o.all)) o.all.forEach((x, i) => walk(x, `${path}.all[${i}]`));
    else if (Array.isArray(o.any)) o.any.forEach((x, i) => walk(x, `${path}.any[${i}]`));
    else if (o.not !== undefined) walk(o.not, `${path}.not`);
    else if (
      typeof o.fact !== "string" ||
      typeof OPERATOR_FUNCTIONS[o.operator as keyof typeof OPERATOR_FUNCTIONS] !== "function"
    )
      out.push(`${path}: ${JSON.stringify(o)}`);
  };
  loaded.rules.forEach((r) => walk(r.rule.conditions, `rules[${r.index}].conditions`));
  return out;
}

const NO_DERIVED: DerivedFact[] = Object.freeze([]) as unknown as DerivedFact[];

/** A row object's table cell; a row whose getters throw is left to the general path, which makes it the row's error. */
function cellOfRow(plan: TablePlan, table: Table, row: object): number {
  try {
    return cellOfObject(plan, table, row);
  } catch {
    return NOT_VOUCHED;
  }
}

function errorOutcome(e: unknown): RowOutcome {
  const o = failure(e) as { ok: false; error: EvalError };
  return { ok: false, error: o.error };
}

/**
 * Compile a batch evaluator. Throws EvalFailure for an unknown or broken rule file or scenario
 * (use `evaluateBatch` to get that error in every row instead).
 */
export function compileBatch(set: RuleSet, ruleFileId: string, opts: BatchOptions = {}): CompiledBatch {
  const loaded = findRuleFile(set, ruleFileId);
  const scenario = findScenario(set, opts.scenario);
  return new BatchEvaluator(set, loaded, scenario, opts.scenario ?? undefined, opts.tables !== false);
}

/** Like compileBatch(...).evaluateRows, but a whole-batch error (unknown rule file or scenario) fills every row. */
export function evaluateBatch(
  set: RuleSet,
  ruleFileId: string,
  rows: ReadonlyArray<unknown>,
  date: unknown,
  opts: BatchOptions = {},
): RowOutcome[] {
  let batch: CompiledBatch;
  try {
    batch = compileBatch(set, ruleFileId, opts);
  } catch (e) {
    const err = Object.freeze(errorOutcome(e));
    return rows.map(() => err);
  }
  return batch.evaluateRows(rows, date);
}

class BatchEvaluator implements CompiledBatch {
  readonly ruleFile: { id: string; version: string; hash: string };
  readonly scenario: string | null;
  readonly factNames: string[];
  readonly outputNames: string[];
  private readonly timelines;
  private readonly dates = new Map<unknown, DateState>();
  /** The same states for texts of the form ÅÅÅÅ-MM-DD, by isoDatePlace: per year an array by month and day. */
  private readonly datesByYear: Array<Array<DateState | undefined> | undefined> = [];
  private datesByYearCount = 0;
  private readonly rules: CompiledRule[];
  private readonly policy: "unique" | "first" | "collect";
  /** By rule index, the file's «otherwise» last: true when the result depends only on the date's parameters. */
  private readonly freeAt: boolean[];
  /** The environment rows share: parameters and `dato` written when the date changes, facts per row. */
  private readonly env: Env;
  private envState: DateState | null = null;
  /** Set by `one`: the outcome it just gave was computed from the row's own fact values. */
  private rowDependent = false;
  private readonly plan: TablePlan | null;
  private readonly tables = new Map<string, Table | null>();
  private rowsSeen = 0;
  private rowsFromTable = 0;
  /** A columns row read in declared fact order, and its normalised facts (both reused row after row). */
  private readonly raws: unknown[] = [];
  private readonly values: FactValue[];

  constructor(
    private readonly set: RuleSet,
    private readonly loaded: LoadedRuleFile,
    private readonly scenarioObj: LoadedScenario | null,
    private readonly scenarioArg: string | undefined,
    useTables = true,
  ) {
    const f = loaded.file;
    this.ruleFile = { id: f.id, version: f.version, hash: loaded.hash };
    this.scenario = scenarioObj?.scenario.id ?? null;
    this.factNames = loaded.facts.names;
    this.outputNames = Object.keys(f.outputs);
    this.timelines = parametersUnder(loaded, scenarioObj);
    this.rules = loaded.rules;
    this.policy = f.hitPolicy;
    this.env = new Array(loaded.slots.names.length);
    this.values = new Array(this.factNames.length);
    this.raws.length = this.factNames.length;
    this.freeAt = [
      ...this.rules.map((r) => formulasReadNoFact(loaded, r.formulas)),
      loaded.otherwise ? formulasReadNoFact(loaded, loaded.otherwise.formulas) : false,
    ];
    // A table only pays when some selection's outcome is shared between rows.
    const anyShared = this.freeAt.includes(true) || this.policy !== "collect";
    this.plan = anyShared && useTables ? planTable(loaded) : null;
  }

  stats(): { rows: number; fromTable: number; tablePlan: boolean } {
    return { rows: this.rowsSeen, fromTable: this.rowsFromTable, tablePlan: this.plan !== null };
  }

  private tableOf(st: DateState): Table | null {
    if (st.table !== undefined) return st.table;
    let t: Table | null = null;
    const plan = this.plan;
    // A date whose parameters are missing gives every row the same error after its fact checks: the general
    // path does that at once, and no table is built for the date (a year past the sources would build one a day).
    if (plan !== null && st.params !== null && st.iso !== null && st.paramError === null) {
      const key = tableKey(plan, st.iso, st.params);
      const known = this.tables.get(key);
      if (known !== undefined) t = known;
      else {
        t = buildTable<RowOutcome>(plan, st.params.values);
        if (this.tables.size > 256) this.tables.clear();
        this.tables.set(key, t);
      }
    }
    st.table = t;
    return t;
  }

  /** The outcome stored for a vouched row's class, or undefined when the general path must answer. */
  private stored(table: Table, cell: number): RowOutcome | undefined {
    return storedOutcome(table.cells, cell);
  }

  /** After the general path answered a vouched row: its outcome serves the whole class, unless it was computed from the row's values. */
  private remember(table: Table, cell: number, o: RowOutcome): void {
    rememberOutcome(table.cells, cell, o, this.rowDependent);
  }

  private dateState(raw: unknown): DateState {
    // A column of distinct ISO texts: look up by the digits' place in an array, not by hashing a fresh string.
    const code = isoDatePlace(raw);
    let st = code < 0 ? this.dates.get(raw) : this.datesByYear[code >> 9]?.[code & 511];
    if (st) return st;
    st = {
      iso: null,
      dateError: null,
      params: null,
      paramError: null,
      shared: new Map(),
      sharedOne: new Array(this.rules.length + 1),
      table: undefined,
    };
    try {
      st.iso = checkQuestionDate(raw);
      try {
        st.params = parametersAt(this.timelines, st.iso);
        requireConditionParameters(this.loaded, st.params);
      } catch (e) {
        st.paramError = Object.freeze(errorOutcome(e));
      }
    } catch (e) {
      st.dateError = Object.freeze(errorOutcome(e));
    }
    if (this.dates.size > 4096) this.dates.clear();
    // Only primitives are safe cache keys (an object could be mutated between calls).
    if (code >= 0) {
      if (++this.datesByYearCount > 4096) {
        this.datesByYear.length = 0;
        this.datesByYearCount = 1;
      }
      (this.datesByYear[code >> 9] ??= new Array<DateState | undefined>(512))[code & 511] = st;
    } else if (raw === null || typeof raw !== "object") this.dates.set(raw, st);
    return st;
  }

  /** Point the shared environment at a date's parameters (rows of one date share them). */
  private useDate(st: DateState): void {
    if (this.envState === st) return;
    // Facts are written per row.
    writeParameters(this.loaded.slots, st.params!.values, st.iso!, this.env);
    this.envState = st;
  }

  private one(input: unknown, st: DateState): RowOutcome {
    this.rowDependent = false;
    if (st.dateError) return st.dateError;
    if (input === null || typeof input !== "object") return NOT_OBJECT;
    const loaded = this.loaded;
    // Fact i is slot i: without decimal facts (texts for formulas, numbers for conditions) the normalised
    // values go straight into the environment.
    const env = this.env;
    const values = this.loaded.slots.anyDecimal ? this.values : env;
    try {
      if (input !== this.raws) loaded.facts.readRow(input as Record<string, unknown>, this.raws);
      loaded.facts.normalizeInto(this.raws, st.iso!, values as FactValue[]);
    } catch (e) {
      return errorOutcome(e);
    }
    return this.decide(st, values);
  }

  /** A row whose facts are normalised (in `values`: the environment's fact slots, or this.values with decimal facts). */
  private decide(st: DateState, values: ArrayLike<unknown>): RowOutcome {
    if (st.paramError) return st.paramError;
    const loaded = this.loaded;
    const env = this.env;
    const derived = NO_DERIVED; // derived facts are only reported in traces
    this.useDate(st);
    if (loaded.slots.anyDecimal) writeFacts(loaded.slots, values, env);
    // Hit policy, rule-error events and their errors: ./outcome, as for evaluate. An error here depends
    // only on which rules fired, so a decision table may keep it for the row's class.
    let selected: Selection | EvalFailure;
    try {
      selected = chooseRules(loaded, env);
    } catch (e) {
      return errorOutcome(e);
    }
    if (isFailure(selected)) return selected.outcome;
    // Outcomes that do not depend on the row's facts are kept per date: one rule (or «otherwise») by its
    // index, a collect selection by the indexes of its rules.
    let single = -1;
    let key: string | undefined;
    if (selected === "otherwise") single = this.rules.length;
    else if (this.policy !== "collect") single = selected[0].index;
    else {
      key = "";
      for (let i = 0; i < selected.length; i++) {
        if (!this.freeAt[selected[i].index]) {
          key = undefined;
          break;
        }
        key += `${selected[i].index},`;
      }
    }
    const free = single >= 0 ? this.freeAt[single] : key !== undefined;
    if (free) {
      const hit = single >= 0 ? st.sharedOne[single] : st.shared.get(key);
      if (hit !== undefined) return hit;
    }
    let out: RowOutcome;
    if (!free) this.rowDependent = true;
    try {
      const work = computeResult(
        this.context(st, loaded.facts.record(values as FactValue[]), derived),
        selected,
        false,
      );
      out = { ok: true, result: work.result };
    } catch (e) {
      out = errorOutcome(e);
    }
    if (free) {
      Object.freeze(out);
      if (single >= 0) st.sharedOne[single] = out;
      else st.shared.set(key, out);
    }
    return out;
  }

  private context(st: DateState, facts: Context["facts"], derived: DerivedFact[]): Context {
    return {
      loaded: this.loaded,
      scenario: this.scenarioObj,
      date: st.iso!,
      facts,
      derived,
      params: st.params!,
      env: this.env,
    };
  }

  evaluateRows(rows: ReadonlyArray<unknown>, date: unknown): RowOutcome[] {
    const n = rows.length;
    const out = new Array<RowOutcome>(n);
    const plan = this.plan;
    const perRowDate = Array.isArray(date);
    const fixed = perRowDate ? null : this.dateState(date);
    let fromTable = 0;
    for (let i = 0; i < n; i++) {
      const st = fixed ?? this.dateState((date as unknown[])[i]);
      const row = rows[i];
      const table = plan === null ? null : st.table !== undefined ? st.table : this.tableOf(st);
      let cell = NOT_VOUCHED;
      if (table !== null && typeof row === "object" && row !== null) {
        cell = cellOfRow(plan!, table, row);
        const hit = cell >= 0 ? this.stored(table, cell) : undefined;
        if (hit !== undefined) {
          out[i] = hit;
          fromTable++;
          continue;
        }
      }
      const o = this.one(row, st);
      out[i] = o;
      if (cell >= 0 && table!.cells[cell] === undefined) this.remember(table!, cell, o);
    }
    this.rowsSeen += n;
    this.rowsFromTable += fromTable;
    return out;
  }

  evaluateColumns(columns: Record<string, ReadonlyArray<unknown>>, date: unknown, length?: number): RowOutcome[] {
    const names = Object.keys(columns);
    const cols = names.map((k) => columns[k]);
    let n = length ?? 0;
    if (length === undefined) {
      for (const c of cols) if (c.length > n) n = c.length;
      if (Array.isArray(date) && date.length > n) n = date.length;
    }
    const plan = this.plan;
    // An unknown column makes every row an error naming it: the general path says so.
    const dimColumns =
      plan !== null && names.every((k) => plan.dimOf.has(k))
        ? plan.dims.map((d) => {
            const j = names.indexOf(d.name);
            return j < 0 ? null : cols[j];
          })
        : null;
    // Known columns only (the usual case): each row is read straight into the declared-order slots the
    // normaliser takes. Otherwise one row object, rewritten in place, so the normaliser names the unknown fact.
    const bySlot = names.every((k) => this.loaded.facts.names.includes(k))
      ? this.factNames.map((k) => {
          const j = names.indexOf(k);
          return j < 0 ? null : cols[j];
        })
      : null;
    const raws = this.raws;
    raws.length = this.factNames.length;
    const row: Record<string, unknown> = {};
    for (const k of names) row[k] = undefined;
    const out = new Array<RowOutcome>(n);
    const perRowDate = Array.isArray(date);
    const fixed = perRowDate ? null : this.dateState(date);
    // One date for the whole range (the usual shape): classify column by column first.
    const fixedTable = fixed !== null && dimColumns !== null ? this.tableOf(fixed) : null;
    const cells = fixedTable !== null ? cellsOfColumns(plan!, fixedTable, dimColumns!, n) : null;
    let fromTable = 0;
    for (let i = 0; i < n; i++) {
      const st = fixed ?? this.dateState((date as unknown[])[i]);
      const table =
        fixed !== null ? fixedTable : dimColumns === null ? null : st.table !== undefined ? st.table : this.tableOf(st);
      let cell = NOT_VOUCHED;
      if (table !== null) {
        cell = cells !== null ? cells[i] : cellOfColumns(plan!, table, dimColumns!, i);
        const hit = cell >= 0 ? this.stored(table, cell) : undefined;
        if (hit !== undefined) {
          out[i] = hit;
          fromTable++;
          continue;
        }
      }
      let o: RowOutcome;
      if (bySlot !== null) {
        for (let k = 0; k < bySlot.length; k++) {
          const c = bySlot[k];
          raws[k] = c === null ? undefined : c[i];
        }
        o = this.one(raws, st);
      } else {
        for (let j = 0; j < cols.length; j++) row[names[j]] = cols[j][i];
        o = this.one(row, st);
      }
      out[i] = o;
      if (cell >= 0 && table!.cells[cell] === undefined) this.remember(table!, cell, o);
    }
    this.rowsSeen += n;
    this.rowsFromTable += fromTable;
    return out;
  }

  trace(facts: Record<string, unknown>, date: unknown): Outcome {
    return evaluate(this.set, this.loaded.file.id, { facts, date, scenario: this.scenarioArg }, { trace: true });
  }
}
