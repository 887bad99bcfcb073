/**
 * Asking the core and shaping its answer for a cell: one evaluate() per distinct question within
 * a call (a per-call memo), results converted to Excel scalars, core errors to Excel errors.
 */
import { evaluate, Outcome } from "../src/engine/evaluate";
import type { LoadedRuleFile } from "../src/engine/compiled-file";
import type { RuleSet } from "../src/rules/rule-set";
import type { ResultRecord } from "../src/trace/trace";
import { serialToIso } from "./serial-date";
import { closest } from "../src/util/closest";
import { ArgError } from "./arg-error";

export interface Ask { regel: string; facts: Record<string, unknown>; date: string; scenario: string | null }

/** Core errors as cell errors: unknown ids are #N/A (with the core's suggestions), the rest #VALUE!. */
export function failWith(outcome: Extract<Outcome, { ok: false }>): never {
  const e = outcome.error;
  const notFound = e.code === "unknown-rule-file" || e.code === "unknown-scenario";
  throw new ArgError(notFound ? "#N/A" : "#VALUE!", e.message);
}

/**
 * Excel cells hold numbers where the core wants text: a date fact given as a serial number becomes
 * ISO text, a code fact (string/enum) typed as a number (post 70) becomes "70".
 */
export function coreFacts(file: LoadedRuleFile | undefined, facts: Record<string, unknown>): Record<string, unknown> {
  if (!file) return facts;
  let out: Record<string, unknown> | null = null;
  for (const name in facts) {
    const v = facts[name];
    if (typeof v !== "number") continue;
    const type = file.file.facts[name]?.type;
    if (type === "date") (out ??= { ...facts })[name] = serialToIso(v) ?? v;
    else if (type === "string" || type === "enum") (out ??= { ...facts })[name] = String(v);
  }
  return out ?? facts;
}

/** Memoises outcomes within one call: rows of a range often repeat the same question. */
export class Asker {
  private memo = new Map<string, Outcome>();
  constructor(readonly set: RuleSet) {}

  ask(q: Ask): Outcome {
    const file = this.set.files.get(q.regel);
    const facts = coreFacts(file, q.facts);
    const key = keyOf(q, facts);
    const hit = key === null ? undefined : this.memo.get(key);
    if (hit) return hit;
    const outcome = evaluate(this.set, q.regel, { facts, date: q.date, scenario: q.scenario });
    if (key !== null && this.memo.size < 50000) this.memo.set(key, outcome);
    return outcome;
  }

  /** The result record, or the core's error as a cell error. */
  result(q: Ask): ResultRecord | ResultRecord[] {
    const o = this.ask(q);
    if (!o.ok) failWith(o);
    return o.value.result;
  }
}

function keyOf(q: Ask, facts: Record<string, unknown>): string | null {
  let key = `${q.regel}\u0001${q.date}\u0001${q.scenario ?? ""}`;
  for (const name in facts) {
    const v = facts[name];
    if (v !== null && typeof v === "object") return null;
    key += `\u0001${name}=${typeof v}:${String(v)}`;
  }
  return key;
}

/** One output as an Excel scalar. Decimal outputs are exact text in the core; Excel gets the nearest number. */
export function field(file: LoadedRuleFile, result: ResultRecord | ResultRecord[], felt: string | null): unknown {
  const outputs = Object.keys(file.file.outputs);
  const name = felt ?? outputs[0];
  if (!(name in file.file.outputs)) {
    const near = closest(name, outputs);
    throw new ArgError("#N/A", `felt: ukjent utdata «${name}» i regelfilen «${file.file.id}»${near.length ? `; mente du «${near[0]}»?` : ""} (utdata: ${outputs.join(", ")})`);
  }
  const type = file.file.outputs[name].type;
  const one = (r: ResultRecord) => {
    const v = r[name];
    const n = (type === "decimal" || type === "integer" || type === "number") && typeof v === "string" ? Number(v) : v;
    // Excel cannot hold an infinite number; the exact value is still visible through FORKLAR.
    if (typeof n === "number" && !Number.isFinite(n)) throw new ArgError("#VALUE!", `${name}: resultatet ${String(v).slice(0, 40)} er for stort for Excel`);
    return n;
  };
  if (!Array.isArray(result)) return one(result);
  // "collect" files give several records: shown as one text cell, in rule order.
  if (result.length === 0) throw new ArgError("#N/A", `regelfilen «${file.file.id}»: ingen regler slo til`);
  return result.length === 1 ? one(result[0]) : result.map((r) => String(one(r))).join("; ");
}
