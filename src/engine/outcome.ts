/**
 * The one owner of what fired rules mean (issue 12.1): the hit policy (unique, first, collect), rule-error
 * events («feil»), output validation, and the outcomes decision tables store. `evaluate`, the
 * json-rules-engine reference, the batch paths (rows and columns) and the decision tables all go through
 * here, so no path can give a different answer; test/differential.test.ts checks it on random rule files.
 */
import type { CompiledRule, LoadedRuleFile } from "./compiled-file";
import type { Scalar } from "../model/schema";
import type { ResultRecord, ResultValue } from "../model/result";
import { decimalText, isDecimal, toDecimal, isDecimalText } from "./decimal";
import { fail, EvalError, EvalFailure } from "./errors";
import type { Env } from "./slots";
import { candidates } from "./rule-index";

/** Event type of a rule whose hit is an error with the rule's own `melding`, e.g. a year the sources give no rate for. */
export const RULE_ERROR_EVENT = "feil";

/** The rules whose results count (one for unique/first, every hit for collect), or the file's «otherwise». */
export type Selection = readonly CompiledRule[] | "otherwise";

export type RowOutcome =
  { readonly ok: true; readonly result: ResultValue } | { readonly ok: false; readonly error: EvalError };

/** The error of a file without «otherwise» when no rule fires (built once per file, in compiled-file.ts). */
export function noRuleFiredFailure(fileId: string): EvalFailure {
  return new EvalFailure({
    code: "no-rule-fired",
    message: `ingen regel i «${fileId}» passer for disse faktaene, og filen har ingen «otherwise»`,
  });
}

/** The error a rule-error event («feil») gives when its rule is chosen (built once per rule, in compiled-file.ts). */
export function ruleErrorFailure(
  fileId: string,
  event: { type: string; params?: Record<string, Scalar> },
): EvalFailure | null {
  if (event.type !== RULE_ERROR_EVENT) return null;
  return new EvalFailure({ code: "not-covered", message: `${fileId}: ${String(event.params?.melding)}` });
}

function none(loaded: LoadedRuleFile): "otherwise" | EvalFailure {
  return loaded.noRuleFired ?? "otherwise";
}

/** The single rule chosen: a rule-error event makes the answer that error, never a result. */
function one(best: CompiledRule): Selection | EvalFailure {
  return best.chosen;
}

function overlap(loaded: LoadedRuleFile, fired: CompiledRule[]): EvalFailure {
  return new EvalFailure({
    code: "overlap",
    message: `regelfilen «${loaded.file.id}» har treffpolicy «unique», men flere regler slo til samtidig: ${fired.map((r) => `«${r.rule.name}»`).join(" og ")}`,
  });
}

/** A selection's error, told apart by shape (a row pays no prototype walk, as `instanceof` costs). */
export function isFailure(s: Selection | EvalFailure): s is EvalFailure {
  return s !== "otherwise" && !Array.isArray(s);
}

function orThrow(s: Selection | EvalFailure): Selection {
  if (isFailure(s)) throw s;
  return s;
}

/** Apply the hit policy to the rules that fired (in file order), as json-rules-engine reports them. */
export function applyHitPolicy(loaded: LoadedRuleFile, fired: CompiledRule[]): Selection {
  const policy = loaded.file.hitPolicy;
  if (policy === "collect") return fired;
  if (fired.length === 0) return orThrow(none(loaded));
  if (policy === "unique" && fired.length > 1) throw overlap(loaded, fired);
  let best = fired[0];
  for (const r of fired) if (r.priority > best.priority) best = r;
  return orThrow(one(best));
}

/**
 * Run the compiled predicates over `env` and apply the hit policy (first stops at its first hit). The
 * errors a selection can have come back as values, mostly built once per file: a column where a fifth of
 * the rows match no rule must not pay for an exception per row.
 */
export function chooseRules(loaded: LoadedRuleFile, env: Env): Selection | EvalFailure {
  const policy = loaded.file.hitPolicy;
  const group = loaded.index === null ? loaded.everyRule : candidates(loaded.index, env);
  if (policy === "first") {
    const tests = group.orderedTests;
    for (let i = 0; i < tests.length; i++) if (tests[i](env)) return one(group.ordered[i]);
    return none(loaded);
  }
  const rules = group.rules;
  const tests = group.ruleTests;
  if (policy === "collect") {
    const fired: CompiledRule[] = [];
    for (let i = 0; i < tests.length; i++) if (tests[i](env)) fired.push(rules[i]);
    return fired;
  }
  let hit: CompiledRule | null = null;
  for (let i = 0; i < tests.length; i++) {
    if (!tests[i](env)) continue;
    if (hit)
      return overlap(
        loaded,
        rules.filter((r) => r.predicate(env)),
      );
    hit = rules[i];
  }
  return hit ? one(hit) : none(loaded);
}

function show(v: unknown): string {
  if (isDecimal(v)) return decimalText(v);
  if (v === null || v === undefined) return "tom";
  return String(v);
}

/** One output value as its declared type, or a bad-output error naming the output. */
function coerce(loaded: LoadedRuleFile, name: string, value: unknown): Scalar {
  const decl = loaded.file.outputs[name];
  const bad = (): never =>
    fail(
      "bad-output",
      `regelfilen «${loaded.file.id}»: utdata «${name}» skal være ${decl.type}, men ble ${show(value)}`,
    );
  switch (decl.type) {
    case "boolean":
      return typeof value === "boolean" ? value : bad();
    case "string":
      return typeof value === "string" ? value : bad();
    case "decimal":
      if (isDecimal(value)) return decimalText(value);
      if (typeof value === "number" || (typeof value === "string" && isDecimalText(value)))
        return decimalText(toDecimal(value));
      return bad();
    case "integer": {
      const d = isDecimal(value) ? value : typeof value === "number" ? toDecimal(value) : null;
      if (!d || !d.isInteger()) return bad();
      return d.toNumber();
    }
    case "number": {
      if (isDecimal(value)) return value.toNumber();
      return typeof value === "number" ? value : bad();
    }
  }
}

/** Output validation: every declared output present and of its type. `label` names the rule or «otherwise». */
export function toRecord(loaded: LoadedRuleFile, raw: Record<string, unknown>, label: string): ResultRecord {
  const out: ResultRecord = {};
  for (const name of Object.keys(loaded.file.outputs)) {
    if (!(name in raw)) fail("bad-output", `regelfilen «${loaded.file.id}»: ${label} gir ikke utdata «${name}»`);
    out[name] = coerce(loaded, name, raw[name]);
  }
  return out;
}

/**
 * Decision-table outcomes. A table cell holds the outcome for every row of its class, once the general
 * path answered one row of it; an outcome computed from the row's own values marks the cell
 * row-dependent, so such rows always take the general path.
 */
const ROW_DEPENDENT: RowOutcome = Object.freeze({
  ok: false as const,
  error: Object.freeze({ code: "formula" as const, message: "row-dependent" }),
});

export function storedOutcome(cells: Array<RowOutcome | undefined>, cell: number): RowOutcome | undefined {
  const hit = cells[cell];
  return hit === ROW_DEPENDENT ? undefined : hit;
}

export function rememberOutcome(
  cells: Array<RowOutcome | undefined>,
  cell: number,
  o: RowOutcome,
  rowDependent: boolean,
): void {
  if (cells[cell] === undefined) cells[cell] = rowDependent ? ROW_DEPENDENT : Object.freeze(o);
}

/**
 * The batch's one promise about outcome identity: an outcome object it hands to more than one row (a
 * decision-table class, a shared date or parameter error, a fact-free result) is frozen, a per-row one is
 * not. A caller may memoise work per outcome object exactly when this says it is shared.
 */
export function isSharedOutcome(o: RowOutcome): boolean {
  return Object.isFrozen(o);
}
