/** Node-only: the embedded Prop. 1 S reference, read once from sheets/. */
import * as fs from "fs";
import * as path from "path";
import { parseReference, PropReference } from "./reference";

/** The process's one Prop. 1 S reference (sheets/ on disk), parsed on first use and kept for the life of the process. */
let cached: PropReference | null = null;

/** The project's sheets/ folder, found upward from this file: src/budget/ in ts-node and jest, build/ in the compiled CLI. */
function sheetsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "sheets");
    if (fs.existsSync(path.join(candidate, "hod-2026.csv"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`finner ikke sheets/hod-2026.csv over ${__dirname}`);
}

export function embeddedReference(): PropReference {
  if (!cached) {
    const sheets = sheetsDir();
    cached = parseReference(
      fs.readFileSync(path.join(sheets, "hod-2026.csv"), "utf8"),
      fs.readFileSync(path.join(sheets, "hod-2026-endringsomtale.csv"), "utf8"),
    );
  }
  return cached;
}
