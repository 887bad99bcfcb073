/**
 * What a condition can read (the file's facts, its parameters, `dato`) laid out once per rule file as
 * numbered slots, so a question's environment is an array and each compiled condition reads a fixed index.
 * A named record would make every condition closure share one property-load site that sees every name
 * (megamorphic in V8); an index read costs the same for every name.
 */
export type Env = unknown[];

export interface Slots {
  /** Slot order: declared facts first (so fact i is slot i), then parameters, then `dato`, then any other name. */
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly dato: number;
}

export function slotsFor(
  factNames: readonly string[],
  parameterNames: readonly string[],
  others: Iterable<string>,
): Slots {
  const index = new Map<string, number>();
  const names: string[] = [];
  const add = (n: string): void => {
    if (!index.has(n)) index.set(n, names.push(n) - 1);
  };
  factNames.forEach(add);
  parameterNames.forEach(add);
  add("dato");
  for (const n of others) add(n);
  return { names, index, dato: index.get("dato")! };
}

export function slotOf(slots: Slots, name: string): number {
  const i = slots.index.get(name);
  if (i === undefined)
    throw new Error(`unreachable: «${name}» has no slot (the loader checks every condition's names)`);
  return i;
}

/** The environment as a record (names with a value only), for json-rules-engine and for display. */
export function envRecord(slots: Slots, env: Env): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < slots.names.length; i++) if (env[i] !== undefined) out[slots.names[i]] = env[i];
  return out;
}
