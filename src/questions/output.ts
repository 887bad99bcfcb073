/** Output picking: which output of a rule file a cell shows, as a spreadsheet scalar. */
import type { LoadedRuleFile } from "../engine/compiled-file";
import type { ResultRecord } from "../model/result";
import { closest } from "../util/closest";
import { ArgError } from "./arg-error";

/** One output as an Excel scalar. Decimal outputs are exact text in the core; Excel gets the nearest number. */
export function field(file: LoadedRuleFile, result: ResultRecord | ResultRecord[], felt: string | null): unknown {
  const outputs = (file.memo.outputNames ??= Object.keys(file.file.outputs));
  const name = felt ?? outputs[0];
  if (!(name in file.file.outputs)) {
    const near = closest(name, outputs);
    throw new ArgError(
      "#N/A",
      `felt: ukjent utdata «${name}» i regelfilen «${file.file.id}»${near.length ? `; mente du «${near[0]}»?` : ""} (utdata: ${outputs.join(", ")})`,
    );
  }
  const type = file.file.outputs[name].type;
  const one = (r: ResultRecord) => {
    const v = r[name];
    const n = (type === "decimal" || type === "integer" || type === "number") && typeof v === "string" ? Number(v) : v;
    // Excel cannot hold an infinite number; the exact value is still visible through FORKLAR.
    if (typeof n === "number" && !Number.isFinite(n))
      throw new ArgError("#VALUE!", `${name}: resultatet ${String(v).slice(0, 40)} er for stort for Excel`);
    return n;
  };
  if (!Array.isArray(result)) return one(result);
  // "collect" files give several records: shown as one text cell, in rule order.
  if (result.length === 0) throw new ArgError("#N/A", `regelfilen «${file.file.id}»: ingen regler slo til`);
  return result.length === 1 ? one(result[0]) : result.map((r) => String(one(r))).join("; ");
}
