/**
 * A bad argument, thrown inside one element's evaluation and turned into that element's Excel error.
 * Not an Error subclass: a column with thousands of bad cells must not pay for a stack trace each.
 */
export class ArgError {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    readonly message: string,
  ) {}
}

export function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "tom celle";
  return `«${String(v)}»`;
}
