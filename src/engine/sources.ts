/** Which citations a result rests on: the rules that decided it, the parameters it read, the fallback. */
import type { Citation } from "../model/schema";
import type { CompiledRule } from "./compiled-file";
import type { Context } from "./context";
import type { UsedParameter } from "./parameters";

export function collectSources(
  ctx: Context,
  selected: readonly CompiledRule[] | "otherwise",
  parameters: UsedParameter[],
): Array<Citation & { key: string }> {
  const keys: string[] = [];
  const add = (k: string | undefined) => {
    if (k && !keys.includes(k)) keys.push(k);
  };
  if (selected === "otherwise") add(ctx.loaded.otherwise?.source);
  else selected.forEach((r) => add(r.rule.source));
  parameters.forEach((p) => add(p.source));
  const citations = { ...ctx.loaded.citations, ...(ctx.scenario?.citations ?? {}) };
  return keys.filter((k) => citations[k]).map((k) => ({ key: k, ...citations[k] }));
}
