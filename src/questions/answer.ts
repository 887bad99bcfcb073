/**
 * Answering many questions together: questions grouped by rule file and scenario, each group's facts as
 * columns through the core's batch path in one evaluateColumns (one date for all when they share it), and
 * the compiled batch kept in the rule file's memo. The custom functions' range calls and their per-cell
 * calls both come through here; what an outcome looks like in a cell is the shell's business.
 */
import { compileBatch, CompiledBatch, RowOutcome } from "../engine/batch";
import { EvalError, EvalFailure } from "../engine/errors";
import { evaluate, Outcome } from "../engine/evaluate";
import type { LoadedRuleFile } from "../engine/compiled-file";
import type { RuleSet } from "../engine/rule-set";
import { coreFacts, coreValue, textual } from "./core-facts";
import type { Ask } from "./questions";

/**
 * One question answered with its full trace (FORKLAR, the pane's trace of a cell, `budget-rules eval`): its
 * facts converted as for the batch (coreFacts), so the trace explains the very answer a cell shows.
 */
export function tracedAnswer(set: RuleSet, q: Ask): Outcome {
  const facts = coreFacts(set.files.get(q.regel), q.facts);
  return evaluate(set, q.regel, { facts, date: q.date, scenario: q.scenario }, { trace: true });
}

/** One compiled batch per rule file and scenario, kept in the loaded file's memo (compiling is the costly part). */
export function batchFor(set: RuleSet, regel: string, scenario: string | null): CompiledBatch {
  const file = set.files.get(regel);
  if (!file) return compileBatch(set, regel, { scenario }); // names the unknown id
  let batch = file.memo.batches.get(scenario ?? "");
  if (!batch) file.memo.batches.set(scenario ?? "", (batch = compileBatch(set, regel, { scenario })));
  return batch;
}

export function answerQuestions(set: RuleSet, qs: Ask[]): RowOutcome[] {
  const outcomes = new Array<RowOutcome>(qs.length);
  const groups = new Map<string, number[]>();
  // Neighbouring cells almost always ask the same rule file and scenario: no key string for those.
  let last: number[] = [];
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i];
    const prev = qs[i - 1];
    if (prev === undefined || prev.regel !== q.regel || prev.scenario !== q.scenario) {
      const key = `${q.regel}\u0001${q.scenario ?? ""}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, (last = []));
      else last = group;
    }
    last.push(i);
  }
  for (const slots of groups.values()) {
    const { regel, scenario } = qs[slots[0]];
    let batch: CompiledBatch;
    try {
      batch = batchFor(set, regel, scenario);
    } catch (e) {
      const failed: RowOutcome = { ok: false, error: errorOf(e) };
      for (const i of slots) outcomes[i] = failed;
      continue;
    }
    const answers = answerGroup(
      batch,
      set.files.get(regel)!,
      slots.map((i) => qs[i]),
    );
    slots.forEach((slot, k) => (outcomes[slot] = answers[k]));
  }
  return outcomes;
}

/** One rule file's questions as columns (facts converted as coreFacts does); rows naming an unknown fact go row by row so the core names it. */
function answerGroup(batch: CompiledBatch, file: LoadedRuleFile, qs: Ask[]): RowOutcome[] {
  const m = qs.length;
  const known = new Set(batch.factNames);
  const textFacts = textual(file);
  const columns: Record<string, unknown[]> = {};
  const byRow: number[] = [];
  let date: unknown = qs[0]?.date;
  for (let r = 0; r < m; r++) {
    const q = qs[r];
    if (date !== undefined && q.date !== date) date = undefined;
    const facts = q.facts;
    let unknown = false;
    for (const k in facts)
      if (!known.has(k)) {
        unknown = true;
        break;
      }
    if (unknown) {
      byRow.push(r);
      continue;
    }
    for (const k in facts) {
      let v = facts[k];
      if (typeof v === "number") {
        const type = textFacts.get(k);
        if (type !== undefined) v = coreValue(type, v);
      }
      (columns[k] ??= new Array<unknown>(m))[r] = v;
    }
  }
  const answers = batch.evaluateColumns(columns, date !== undefined ? date : qs.map((q) => q.date), m);
  if (byRow.length > 0) {
    const rowAnswers = batch.evaluateRows(
      byRow.map((r) => coreFacts(file, qs[r].facts)),
      byRow.map((r) => qs[r].date),
    );
    byRow.forEach((r, k) => (answers[r] = rowAnswers[k]));
  }
  return answers;
}

export function errorOf(e: unknown): EvalError {
  if (e instanceof EvalFailure) return e.error;
  return { code: "formula", message: `intern feil: ${(e as Error)?.message ?? String(e)}` };
}
