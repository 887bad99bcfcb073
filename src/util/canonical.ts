/**
 * One shared copy of a text. V8 keeps property names in one table ("internalized" strings); two distinct
 * internalized strings are known unequal without reading them, and hashing one is free. The codes a rule
 * file declares and compares (tjeneste, fritaksgrunn, …) are made such copies once, and a fact's value is
 * replaced by the declared copy, so each row's comparisons and lookups are pointer tests. Only speed
 * depends on this: equal texts are equal either way.
 */
export function canonical<T>(value: T): T {
  if (typeof value !== "string") return value;
  const holder: Record<string, 0> = { [value]: 0 };
  for (const k in holder) return k as T;
  return value;
}
