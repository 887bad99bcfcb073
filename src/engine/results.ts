/**
 * From the selected rules to a result: evaluate formulas exactly; ./outcome validates each output.
 * Shared by the compiled, batch and json-rules-engine paths.
 */
import type { CompiledRule, LoadedRuleFile, NamedFormula } from "./compiled-file";
import type { Context } from "./context";
import type { Scalar } from "../model/schema";
import type { FormulaTrace, ResultRecord, ResultValue } from "../model/result";
import { decimalText, isDecimal, math, roundHalfAwayFromZero, toDecimal, Decimal, isDecimalText } from "./decimal";
import { Selection, toRecord } from "./outcome";
import { entryAt, UsedParameter } from "./parameters";
import { fail, EvalFailure } from "./errors";

function scopeValue(v: unknown): unknown {
  if (typeof v === "number") return toDecimal(v);
  if (typeof v === "string" && isDecimalText(v)) return toDecimal(v);
  return v;
}

function formulaScope(
  ctx: Context,
  params: Record<string, Scalar>,
  record: UsedParameter[] | null,
): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const name of ctx.loaded.facts.names) {
    const decl = ctx.loaded.file.facts[name];
    const v = ctx.facts[name];
    scope[name] =
      decl.type === "integer" || decl.type === "number" || decl.type === "decimal"
        ? v === null
          ? null
          : scopeValue(v)
        : v;
  }
  for (const [k, v] of Object.entries(ctx.params.values)) scope[k] = scopeValue(v);
  for (const [k, v] of Object.entries(params)) scope[k] = scopeValue(v);
  scope.kjede = (name: string, from: unknown, to: unknown) => chain(ctx, name, from, to, record);
  return scope;
}

/** Product of (1 + rate) over the years after `from` up to `to`, each rate the entry in force on 1 January. */
function chain(
  ctx: Context,
  name: string,
  fromYear: unknown,
  toYear: unknown,
  record: UsedParameter[] | null,
): Decimal {
  const timeline = ctx.params.timelines.get(name);
  const a = Number(String(fromYear));
  const b = Number(String(toYear));
  if (!timeline) fail("formula", `kjede(): ukjent parameter «${name}»`);
  if (!Number.isInteger(a) || !Number.isInteger(b))
    fail("formula", `kjede(): forventet hele årstall, fikk ${String(fromYear)} og ${String(toYear)}`);
  let factor = toDecimal(1);
  for (let y = Math.min(a, b) + 1; y <= Math.max(a, b); y++) {
    const used = entryAt(timeline, `${y}-01-01`);
    record?.push(used);
    factor = factor.times(toDecimal(1).plus(toDecimal(used.value as number))) as Decimal;
  }
  return b >= a ? factor : (toDecimal(1).div(factor) as Decimal);
}

function show(v: unknown): string {
  if (isDecimal(v)) return decimalText(v);
  if (v === null || v === undefined) return "tom";
  return String(v);
}

function runFormulas(
  ctx: Context,
  formulas: NamedFormula[],
  scope: Record<string, unknown>,
  out: Record<string, unknown>,
  traces: FormulaTrace[] | null,
  record: UsedParameter[] | null,
): void {
  for (const { name, formula } of formulas) {
    if (name in out) continue; // a rule's own formula or param wins over the file-level one
    const seriesStart = record ? record.length : 0;
    if (ctx.params.missing.size > 0) {
      for (const input of formula.inputs) {
        const missing = ctx.params.missing.get(input);
        if (missing !== undefined) fail("no-parameter-value", `formelen for «${name}»: ${missing}`, input);
      }
    }
    // Inputs are recorded before the formula runs: a formula may overwrite a name it reads (belop = belop * …),
    // and an auditor redoes the arithmetic from the values it started from.
    let inputs: Record<string, string> | null = null;
    if (traces) {
      inputs = {};
      for (const i of formula.inputs) inputs[i] = show(scope[i]);
    }
    let value: unknown;
    try {
      value = formula.evaluate(scope);
    } catch (e) {
      if (e instanceof EvalFailure) throw e;
      const msg = (e as Error).message;
      fail(
        "formula",
        `formelen for «${name}» (${formula.expr}) feilet: ${/Cannot convert|null/.test(msg) ? "en inndata mangler" : msg}`,
      );
    }
    if (isDecimal(value)) {
      if (!value.isFinite())
        fail("formula", `formelen for «${name}» (${formula.expr}) gir ikke et endelig tall (deling på null?)`);
      if (formula.round !== undefined) value = roundHalfAwayFromZero(value, formula.round);
    }
    scope[name] = value;
    out[name] = value;
    if (traces && inputs) {
      traces.push({
        name,
        expr: formula.expr,
        inputs,
        value: show(value),
        round: formula.round,
        series: record ? record.slice(seriesStart) : undefined,
      });
    }
  }
}

export interface ResultWork {
  result: ResultValue;
  formulas: FormulaTrace[];
  series: UsedParameter[];
}

/** True when none of `formulas` (nor the file-level formulas) mentions a fact of the file. */
export function formulasReadNoFact(loaded: LoadedRuleFile, formulas: NamedFormula[]): boolean {
  const names = loaded.facts.names;
  const all = [...formulas, ...loaded.fileFormulas];
  return !all.some(({ formula }) => formula.inputs.some((i) => names.includes(i)));
}

/** The rule whose result is wanted: a selected CompiledRule, or the file's «otherwise»; also the key of its memos. */
interface RuleOrOtherwise {
  params: Record<string, Scalar>;
  formulas: NamedFormula[];
}

/** formulasReadNoFact for one of the file's rules (or its «otherwise»), from the file's memo. */
function readsNoFact(loaded: LoadedRuleFile, rule: RuleOrOtherwise): boolean {
  const memo = loaded.memo.readsNoFact;
  let hit = memo.get(rule);
  if (hit === undefined) memo.set(rule, (hit = formulasReadNoFact(loaded, rule.formulas)));
  return hit;
}

/**
 * Formulas that read no fact give the same value for every question on the same parameter state
 * (parameters in force on a date under a scenario): such a result is computed once per state and shared
 * (frozen), in the state's memo `factFreeResults`; an error is kept there as the value. A rule with no
 * formulas at all is the simplest case. A formula counts as reading a fact if the fact's name occurs
 * anywhere in its text (conservative: also catches a fact shadowing a function name).
 */
function resultFor(ctx: Context, rule: RuleOrOtherwise, label: string, trace: boolean, work: ResultWork): ResultRecord {
  if (trace || !readsNoFact(ctx.loaded, rule)) return computeRecord(ctx, rule, label, trace, work);
  const shared = ctx.params.factFreeResults;
  let hit = shared.get(rule);
  if (hit === undefined) {
    try {
      hit = Object.freeze(computeRecord(ctx, rule, label, false, work)) as ResultRecord;
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e;
      hit = e;
    }
    shared.set(rule, hit);
  }
  if (hit instanceof EvalFailure) throw hit;
  return hit;
}

function computeRecord(
  ctx: Context,
  rule: RuleOrOtherwise,
  label: string,
  trace: boolean,
  work: ResultWork,
): ResultRecord {
  const { params, formulas } = rule;
  const record = trace ? work.series : null;
  const scope = formulaScope(ctx, params, record);
  const raw: Record<string, unknown> = { ...params };
  runFormulas(ctx, formulas, scope, raw, trace ? work.formulas : null, record);
  runFormulas(ctx, ctx.loaded.fileFormulas, scope, raw, trace ? work.formulas : null, record);
  return toRecord(ctx.loaded, raw, label);
}

export function computeResult(ctx: Context, selected: Selection, trace: boolean): ResultWork {
  const work: ResultWork = { result: {}, formulas: [], series: [] };
  const label = (r: CompiledRule) => `regelen «${r.rule.name}»`;
  if (selected === "otherwise") work.result = resultFor(ctx, ctx.loaded.otherwise!, "«otherwise»", trace, work);
  else if (ctx.loaded.file.hitPolicy === "collect")
    work.result = selected.map((r) => ({ regel: r.rule.name, ...resultFor(ctx, r, label(r), trace, work) }));
  else work.result = resultFor(ctx, selected[0], label(selected[0]), trace, work);
  return work;
}

export { math };
