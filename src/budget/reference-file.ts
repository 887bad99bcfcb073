/** Node-only: the embedded Prop. 1 S reference, read once from sheets/. */
import * as fs from "fs";
import * as path from "path";
import { parseReference, PropReference } from "./reference";

let cached: PropReference | null = null;

export function embeddedReference(): PropReference {
  const sheets = path.join(__dirname, "..", "..", "sheets");
  if (!cached) cached = parseReference(fs.readFileSync(path.join(sheets, "hod-2026.csv"), "utf8"), fs.readFileSync(path.join(sheets, "hod-2026-endringsomtale.csv"), "utf8"));
  return cached;
}
