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
  /** Per declared fact: a decimal fact, exact text for formulas, which conditions compare as a number. */
  readonly decimal: readonly boolean[];
  readonly anyDecimal: boolean;
}

export function slotsFor(
  facts: Record<string, { type: string }>,
  parameterNames: readonly string[],
  others: Iterable<string>,
): Slots {
  const factNames = Object.keys(facts);
  const index = new Map<string, number>();
  const names: string[] = [];
  const add = (n: string): void => {
    if (!index.has(n)) index.set(n, names.push(n) - 1);
  };
  factNames.forEach(add);
  parameterNames.forEach(add);
  add("dato");
  for (const n of others) add(n);
  const decimal = factNames.map((n) => facts[n].type === "decimal");
  return { names, index, dato: index.get("dato")!, decimal, anyDecimal: decimal.includes(true) };
}

export function slotOf(slots: Slots, name: string): number {
  const i = slots.index.get(name);
  if (i === undefined)
    throw new Error(`unreachable: «${name}» has no slot (the loader checks every condition's names)`);
  return i;
}

/** Fact values in declared order into their slots (fact i is slot i), decimal facts as numbers. */
export function writeFacts(slots: Slots, values: ArrayLike<unknown>, env: Env): void {
  const decimal = slots.decimal;
  for (let i = 0; i < decimal.length; i++) {
    const v = values[i];
    env[i] = decimal[i] && typeof v === "string" ? Number(v) : v;
  }
}

/** The parameters in force on `date` (undefined: no value then) and `dato` into their slots. */
export function writeParameters(slots: Slots, values: Record<string, unknown>, date: string, env: Env): void {
  const names = slots.names;
  for (let i = slots.decimal.length; i < names.length; i++) env[i] = values[names[i]];
  env[slots.dato] = date;
}

/** The environment as a record (names with a value only), for json-rules-engine and for display. */
export function envRecord(slots: Slots, env: Env): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < slots.names.length; i++) if (env[i] !== undefined) out[slots.names[i]] = env[i];
  return out;
}
