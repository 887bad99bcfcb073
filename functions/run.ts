/**
 * Asking the core and shaping its answer for a cell: a call's questions go through the core's batch
 * path together, results become Excel scalars, core errors Excel errors.
 */
import type { Outcome } from "../src/engine/evaluate";
import { CompiledBatch, isSharedOutcome, RowOutcome } from "../src/engine/batch";
import type { EvalError } from "../src/engine/errors";
import { toExcelError } from "./grid";
import type { RuleSet } from "../src/engine/rule-set";
import type { ResultRecord } from "../src/model/result";
import { ArgError } from "../src/questions/arg-error";

import type { Ask, AskColumns } from "../src/questions/questions";
import { coreFacts, coreValue, textual } from "../src/questions/core-facts";
import { answerQuestions, batchFor, errorOf } from "../src/questions/answer";
export type { Ask };

/** Core errors as cell errors: unknown ids are #N/A (with the core's suggestions), the rest #VALUE!. */
export function failWith(outcome: Extract<Outcome, { ok: false }> | Extract<RowOutcome, { ok: false }>): never {
  throw argErrorOf(outcome.error);
}

function argErrorOf(e: EvalError): ArgError {
  const notFound = e.code === "unknown-rule-file" || e.code === "unknown-scenario";
  return new ArgError(notFound ? "#N/A" : "#VALUE!", e.message);
}

type Pick = (result: ResultRecord | ResultRecord[]) => unknown;

/** A cell whose question waits in the call's batch (question number `slot`). */
export class Deferred {
  constructor(readonly slot: number) {}
}

/**
 * Collects a call's questions and answers them together: per rule file and scenario, the facts become
 * columns and go through the core's batch path in one evaluateColumns (one date for the whole range
 * when the cells share it, as they usually do), then the grid is filled.
 */
export class Asker {
  private readonly questions: Ask[] = [];
  private readonly picks: Pick[] = [];
  constructor(readonly set: RuleSet) {}

  defer(q: Ask, pick: Pick): Deferred {
    this.questions.push(q);
    this.picks.push(pick);
    return new Deferred(this.questions.length - 1);
  }

  /** Every Deferred in `grid` becomes its picked value or its Excel error. */
  settle(grid: unknown[][]): unknown[][] {
    const outcomes = this.answerAll();
    let values: CellValues | null = null;
    for (const row of grid) {
      for (let j = 0; j < row.length; j++) {
        const cell = row[j];
        if (!(cell instanceof Deferred)) continue;
        const pick = this.picks[cell.slot];
        if (values === null || values.pick !== pick) values = new CellValues(pick);
        row[j] = values.of(outcomes[cell.slot]);
      }
    }
    return grid;
  }

  private answerAll(): RowOutcome[] {
    return answerQuestions(this.set, this.questions);
  }
}

/**
 * A whole call's questions asked as columns (AskColumns): per scenario one evaluateColumns, no question
 * object per cell. Returns each cell's picked value or Excel error, in cell order.
 */
export function answerColumns(set: RuleSet, q: AskColumns, pick: Pick): unknown[] {
  const out = new Array<unknown>(q.n);
  const values = new CellValues(pick);
  const scenarios = q.scenario;
  if (!Array.isArray(scenarios)) {
    answerCells(set, q, scenarios, null, values, out);
    return out;
  }
  // Cells naming different scenarios (rare): one group per scenario, as the per-cell path groups them.
  const groups = new Map<string | null, number[]>();
  for (let c = 0; c < q.n; c++) {
    if (q.errors[c] !== undefined) {
      out[c] = values.ofError(q.errors[c]);
      continue;
    }
    const g = groups.get(scenarios[c]);
    if (g) g.push(c);
    else groups.set(scenarios[c], [c]);
  }
  for (const [scenario, cells] of groups) answerCells(set, q, scenario, cells, values, out);
  return out;
}

/** Cells `cells` of `q` (every cell when null) for one scenario. */
function answerCells(
  set: RuleSet,
  q: AskColumns,
  scenario: string | null,
  cells: number[] | null,
  values: CellValues,
  out: unknown[],
): void {
  const m = cells === null ? q.n : cells.length;
  const cellAt = (r: number) => (cells === null ? r : cells[r]);
  let batch: CompiledBatch;
  try {
    batch = batchFor(set, q.regel, scenario);
  } catch (e) {
    const failed: RowOutcome = { ok: false, error: errorOf(e) };
    for (let r = 0; r < m; r++) {
      const c = cellAt(r);
      out[c] = q.errors[c] !== undefined ? values.ofError(q.errors[c]) : values.of(failed);
    }
    return;
  }
  const file = set.files.get(q.regel)!;
  const textFacts = textual(file);
  const known = new Set(batch.factNames);
  const columns: Record<string, unknown[]> = {};
  const unknownColumns: string[] = [];
  for (const name in q.facts) {
    const all = q.facts[name];
    let col = cells === null ? all : cells.map((c) => all[c]);
    if (!known.has(name)) {
      unknownColumns.push(name);
      continue;
    }
    const type = textFacts.get(name);
    // Excel numbers where the core wants text (a serial date, a code typed as a number): converted copy.
    if (type !== undefined) {
      for (let r = 0; r < m; r++) {
        const v = col[r];
        if (typeof v === "number") {
          if (col === all) col = all.slice();
          col[r] = coreValue(type, v);
        }
      }
    }
    columns[name] = col;
  }
  // A cell giving a fact the file does not declare goes alone, so only that cell's error names it.
  const byRow: number[] = [];
  for (const name of unknownColumns)
    for (let r = 0; r < m; r++) if (q.facts[name][cellAt(r)] !== undefined && !byRow.includes(r)) byRow.push(r);
  const date = typeof q.date === "string" ? q.date : cells === null ? q.date : cells.map((c) => q.date[c]);
  const answers = batch.evaluateColumns(columns, date, m);
  if (byRow.length > 0) {
    const rowFacts = byRow.map((r) => {
      const facts: Record<string, unknown> = {};
      for (const name in q.facts) {
        const v = q.facts[name][cellAt(r)];
        if (v !== undefined) facts[name] = v;
      }
      return coreFacts(file, facts);
    });
    const rowAnswers = batch.evaluateRows(
      rowFacts,
      byRow.map((r) => (typeof date === "string" ? date : date[r])),
    );
    byRow.forEach((r, k) => (answers[r] = rowAnswers[k]));
  }
  for (let r = 0; r < m; r++) {
    const c = cellAt(r);
    const e = q.errors[c];
    out[c] = e !== undefined ? values.ofError(e) : values.of(answers[r]);
  }
}

/** Outcomes to cell values. The batch shares one outcome object between rows of a class; so do the cell values. */
class CellValues {
  private readonly errors = new Map<RowOutcome, unknown>();
  private readonly picked = new Map<RowOutcome, unknown>();
  constructor(readonly pick: Pick) {}

  of(o: RowOutcome): unknown {
    if (!o.ok) {
      let err = this.errors.get(o);
      if (err === undefined) this.errors.set(o, (err = toExcelError(argErrorOf(o.error))));
      return err;
    }
    let value = this.picked.get(o);
    if (value === undefined) {
      try {
        value = this.pick(o.result);
      } catch (e) {
        value = toExcelError(e);
      }
      if (isSharedOutcome(o)) this.picked.set(o, value); // only outcomes shared by several rows are worth remembering
    }
    return value;
  }

  /** A cell whose arguments failed: an input error cell as is, an argument error as its Excel error. */
  ofError(e: unknown): unknown {
    return e instanceof ArgError ? toExcelError(e) : e;
  }
}
