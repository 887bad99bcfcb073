/** A bad argument, thrown inside one element's evaluation and turned into that element's Excel error. */
export class ArgError extends Error {
  constructor(readonly code: "#VALUE!" | "#N/A", message: string) {
    super(message);
  }
}

export function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "tom celle";
  return `«${String(v)}»`;
}
