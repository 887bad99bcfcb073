/**
 * `budget-rules fmt [filer|mapper] [--check] [--from-json]`: one layout for YAML rule files.
 *   fmt          rewrites YAML files that are not in the canonical layout (src/rules/yaml-layout.ts)
 *   --check      changes nothing; exit 1 listing the files not in canonical layout
 *   --from-json  converts every *.json rule file to canonical *.yaml with explanatory comments and
 *                deletes the JSON (only after checking the YAML gives the same content and hash)
 * JSON files are only checked to parse. Exit 2 on an unparsable file or bad arguments.
 * Its own argument parsing, so it needs nothing from the shared option table.
 */
import * as fs from "fs";
import * as path from "path";
import type { Io } from "./commands";
import { UsageError } from "./args";
import { defaultRulesDir, RULE_FILE_NAME } from "../rules/load-folder";
import { parseJsonText } from "../rules/json-text";
import { isYamlPath } from "../rules/loader";
import { parseYamlDocument, parseYamlText } from "../rules/yaml-text";
import { layoutYaml, yamlFromValue } from "../rules/yaml-layout";
import { addGeneratedComments } from "../rules/yaml-comments";
import { contentHash } from "../rules/content-hash";

export const FMT_USAGE = "budget-rules fmt [filer|mapper …] [--check] [--from-json]";

function ruleFiles(targets: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!fs.existsSync(p)) throw new UsageError(`finner ikke ${p}`);
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else if (RULE_FILE_NAME.test(p) && path.basename(p) !== "schema.json") out.push(p);
  };
  targets.forEach(walk);
  return out;
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;
const where = (p: { line?: number; column?: number }) => (p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : "");

function convert(file: string, io: Io): number {
  const json = parseJsonText(fs.readFileSync(file, "utf8"));
  if (!json.ok) {
    io.err(`${shown(file)}${where(json)}: ${json.message}`);
    return 2;
  }
  const target = file.replace(/\.json$/i, ".yaml");
  if (fs.existsSync(target)) {
    io.err(`${shown(target)} finnes allerede; ${shown(file)} er ikke konvertert`);
    return 2;
  }
  const value = json.value as Record<string, unknown>;
  const text = yamlFromValue(value, file, (doc) => addGeneratedComments(doc, value));
  const back = parseYamlText(text);
  if (!back.ok || contentHash(back.value) !== contentHash(value)) {
    io.err(`${shown(file)}: YAML-utgaven ga ikke samme innhold; ikke konvertert`);
    return 2;
  }
  fs.writeFileSync(target, text);
  fs.unlinkSync(file);
  io.out(`konvertert ${shown(file)} → ${shown(target)}`);
  return 0;
}

export function cmdFmt(argv: string[], io: Io): number {
  const flags = new Set<string>();
  const targets: string[] = [];
  for (const a of argv) {
    if (a === "--check" || a === "--from-json") flags.add(a);
    else if (a === "--help") {
      io.out(`bruk: ${FMT_USAGE}`);
      return 0;
    } else if (a.startsWith("--")) throw new UsageError(`ukjent valg ${a} for fmt (--check, --from-json)`);
    else targets.push(a);
  }
  if (flags.has("--check") && flags.has("--from-json"))
    throw new UsageError("--check og --from-json kan ikke brukes sammen");
  const files = ruleFiles(targets.length ? targets : [defaultRulesDir()]);
  let code = 0;
  if (flags.has("--from-json")) {
    for (const f of files.filter((f) => /\.json$/i.test(f))) code = Math.max(code, convert(f, io));
    return code;
  }
  const unformatted: string[] = [];
  let yamlCount = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    if (!isYamlPath(file)) {
      const json = parseJsonText(text);
      if (!json.ok) {
        io.err(`${shown(file)}${where(json)}: ${json.message}`);
        code = 2;
      }
      continue;
    }
    yamlCount++;
    const parsed = parseYamlDocument(text);
    if (!parsed.ok) {
      io.err(`${shown(file)}${where(parsed)}: ${parsed.message}`);
      code = 2;
      continue;
    }
    const canonical = layoutYaml(parsed.doc, file);
    if (canonical === text) continue;
    unformatted.push(file);
    if (!flags.has("--check")) fs.writeFileSync(file, canonical);
  }
  if (flags.has("--check")) {
    for (const f of unformatted) io.out(`ikke i fast oppsett: ${shown(f)} (kjør «npx budget-rules fmt»)`);
    io.out(
      `${yamlCount - unformatted.length} av ${yamlCount} YAML-filer i fast oppsett (${files.length - yamlCount} JSON-filer lest)`,
    );
    return code || (unformatted.length ? 1 : 0);
  }
  for (const f of unformatted) io.out(`formatert ${shown(f)}`);
  io.out(`${unformatted.length} av ${yamlCount} YAML-filer formatert`);
  return code;
}
