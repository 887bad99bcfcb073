/**
 * A rule file of the project by folder and id, whichever extension it has (.yaml, .yml or .json), so
 * tests hold before and after `budget-rules fmt --from-json` converts the rules folder.
 */
import * as fs from "fs";
import * as path from "path";

export const RULES_DIR = path.join(__dirname, "..", "..", "rules");

/** `user-fees/egenandel.yaml` (or `.json`): the path under rules/ as the loader names it after `rules/`. */
export function ruleFileName(folder: string, id: string): string {
  const found = ["yaml", "yml", "json"]
    .map((ext) => `${folder}/${id}.${ext}`)
    .filter((f) => fs.existsSync(path.join(RULES_DIR, f)));
  if (found.length !== 1)
    throw new Error(
      `rules/${folder}/${id}: fant ${found.length ? found.join(" og ") : "ingen fil"} (.yaml, .yml eller .json)`,
    );
  return found[0];
}
