/** The embedded Prop. 1 S reference inside a webpack build (the CSVs bundled as their exact text). */
import { parseReference, PropReference } from "./reference";

declare const require: (id: string) => string;

/** The process's one Prop. 1 S reference (the bundled CSVs), parsed on first use and kept for the life of the runtime. */
let cached: PropReference | null = null;

export function bundledReference(): PropReference {
  if (!cached)
    cached = parseReference(require("../../sheets/hod-2026.csv"), require("../../sheets/hod-2026-endringsomtale.csv"));
  return cached;
}
