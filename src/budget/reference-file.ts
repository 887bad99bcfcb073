/** Node-only: the embedded Prop. 1 S reference, read once from sheets/hod-2026.csv. */
import * as fs from "fs";
import * as path from "path";
import { parseReference, PropReference } from "./reference";

let cached: PropReference | null = null;

export function embeddedReference(): PropReference {
  if (!cached) cached = parseReference(fs.readFileSync(path.join(__dirname, "..", "..", "sheets", "hod-2026.csv"), "utf8"));
  return cached;
}
