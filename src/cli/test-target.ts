/**
 * What `budget-rules test [mappe|regel-id]` runs. A subfolder is tested inside its whole rules folder,
 * so the scenarios its tests name (rules/scenarios/) are loaded; a rule id runs that file's tests.
 */
import * as fs from "fs";
import * as path from "path";
import type { RuleSet } from "../engine/rule-set";
import { loadRuleFolder } from "../rules/load-folder";
import { closest } from "../util/closest";
import { UsageError } from "./args";

export interface TestTarget {
  set: RuleSet;
  includes: (rulePath: string) => boolean;
}

const isDir = (p: string): boolean => fs.existsSync(p) && fs.statSync(p).isDirectory();

/** The rules folder a subfolder belongs to: the nearest folder (itself or up to 3 levels up) with a scenarios/ folder. */
export function rulesRootOf(dir: string): string {
  let d = path.resolve(dir);
  for (let i = 0; i < 4; i++) {
    if (isDir(path.join(d, "scenarios"))) return d;
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return path.resolve(dir);
}

export function testTarget(target: string | undefined, rulesDir: string): TestTarget {
  if (target === undefined) return { set: loadRuleFolder(rulesDir), includes: () => true };
  if (isDir(target)) {
    const root = rulesRootOf(target);
    // Rule paths are relative to the rules folder's parent (readRuleTexts), e.g. rules/user-fees/egenandel.json.
    const prefix = `${path.relative(path.dirname(root), path.resolve(target)).split(path.sep).join("/")}/`;
    return { set: loadRuleFolder(root), includes: (p) => p.startsWith(prefix) };
  }
  if (!isDir(rulesDir)) throw new UsageError(`finner ikke regelmappen ${rulesDir}`);
  const set = loadRuleFolder(rulesDir);
  const file = set.files.get(target)?.path ?? set.broken.find((b) => b.id === target)?.path;
  if (file !== undefined) return { set, includes: (p) => p === file };
  const near = closest(target, [...set.files.keys()]);
  throw new UsageError(
    `finner verken regelmappen eller regelfilen «${target}»${near.length ? `; mente du ${near.map((s) => `«${s}»`).join(" eller ")}?` : ""}`,
  );
}
