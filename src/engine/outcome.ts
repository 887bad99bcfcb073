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
import { fail, EvalError } from "./errors";

/** Event type of a rule whose hit is an error with the rule's own `melding`, e.g. a year the sources give no rate for. */
export const RULE_ERROR_EVENT = "feil";

/** The rules whose results count (one for unique/first, every hit for collect), or the file's «otherwise». */
export type Selection = CompiledRule[] | "otherwise";

export type RowOutcome =
  { readonly ok: true; readonly result: ResultValue } | { readonly ok: false; readonly error: EvalError };

function none(loaded: LoadedRuleFile): "otherwise" {
  if (loaded.otherwise) return "otherwise";
  fail("no-rule-fired", `ingen regel i «${loaded.file.id}» passer for disse faktaene, og filen har ingen «otherwise»`);
}

/** The single rule chosen: a rule-error event makes the answer that error, never a result. */
function one(loaded: LoadedRuleFile, best: CompiledRule): CompiledRule[] {
  if (best.rule.event.type === RULE_ERROR_EVENT)
    fail("not-covered", `${loaded.file.id}: ${String(best.params.melding)}`);
  return [best];
}

function overlap(loaded: LoadedRuleFile, fired: CompiledRule[]): never {
  fail(
    "overlap",
    `regelfilen «${loaded.file.id}» har treffpolicy «unique», men flere regler slo til samtidig: ${fired.map((r) => `«${r.rule.name}»`).join(" og ")}`,
  );
}

/** Apply the hit policy to the rules that fired (in file order), as json-rules-engine reports them. */
export function applyHitPolicy(loaded: LoadedRuleFile, fired: CompiledRule[]): Selection {
  const policy = loaded.file.hitPolicy;
  if (policy === "collect") return fired;
  if (fired.length === 0) return none(loaded);
  if (policy === "unique" && fired.length > 1) overlap(loaded, fired);
  let best = fired[0];
  for (const r of fired) if (r.priority > best.priority) best = r;
  return one(loaded, best);
}

/** Run the compiled predicates over `env` and apply the hit policy (first stops at its first hit). */
export function selectRules(loaded: LoadedRuleFile, env: Record<string, unknown>): Selection {
  const policy = loaded.file.hitPolicy;
  if (policy === "first") {
    const ordered = loaded.ordered;
    for (let i = 0; i < ordered.length; i++) if (ordered[i].predicate(env)) return one(loaded, ordered[i]);
    return none(loaded);
  }
  const rules = loaded.rules;
  if (policy === "collect") {
    const fired: CompiledRule[] = [];
    for (let i = 0; i < rules.length; i++) if (rules[i].predicate(env)) fired.push(rules[i]);
    return fired;
  }
  let hit: CompiledRule | null = null;
  for (let i = 0; i < rules.length; i++) {
    if (!rules[i].predicate(env)) continue;
    if (hit)
      overlap(
        loaded,
        rules.filter((r) => r.predicate(env)),
      );
    hit = rules[i];
  }
  return hit ? one(loaded, hit) : none(loaded);
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
