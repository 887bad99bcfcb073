/** A problem found while loading a rule or scenario file: which file, where in it, what was expected. */
export interface LoadProblem {
  file: string;
  /** JSON path such as `rules[2].conditions.all[0].fact`, or "" for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function formatProblem(p: LoadProblem): string {
  const where = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : "";
  const path = p.path ? ` ${p.path}:` : ":";
  return `${p.file}${where}${path} ${p.message}`;
}
