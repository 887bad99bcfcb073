/**
 * The layer order of docs/architecture.md, checked over every relative TypeScript import: a src/ folder imports
 * only its own or lower layers; the two shells (functions/, taskpane/) import src/ but never each other, and src/
 * never imports a shell. A new folder must be given a layer here before it can be imported.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

/** Lowest first: a folder may import its own layer and the ones before it. */
const SRC_LAYERS = ["util", "model", "engine", "trace", "rules", "budget", "questions", "cli"];
const SHELLS = ["functions", "taskpane"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** "src/engine", "functions", …: the unit the layer rules speak of; null outside the checked folders. */
function folderOf(rel: string): string | null {
  const parts = rel.split(path.sep);
  if (parts[0] === "src") return parts.length > 2 ? `src/${parts[1]}` : "src";
  return SHELLS.includes(parts[0]) ? parts[0] : null;
}

interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of ["src", ...SHELLS].flatMap(sourceFiles)) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), "utf8"), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      if (!spec.startsWith(".")) continue;
      const target = folderOf(path.normalize(path.join(path.dirname(file), spec)));
      const from = folderOf(file)!;
      if (target && target !== from) out.push({ from, to: target, file, spec });
    }
  }
  return out;
}

/** Why an arrow is not allowed, or null when it is. */
function violation(from: string, to: string): string | null {
  if (SHELLS.includes(from)) return SHELLS.includes(to) ? "a shell never imports the other shell" : null;
  if (SHELLS.includes(to)) return "src/ never imports a shell";
  const [a, b] = [SRC_LAYERS.indexOf(from.slice(4)), SRC_LAYERS.indexOf(to.slice(4))];
  if (a < 0 || b < 0) return `${a < 0 ? from : to} has no layer in test/layers.test.ts`;
  return b > a ? `${from} is below ${to} in the layer order` : null;
}

const all = edges();

test("the import graph is read (sanity: the engine imports the model, the CLI the rules)", () => {
  const arrows = new Set(all.map((e) => `${e.from} -> ${e.to}`));
  expect(arrows).toContain("src/engine -> src/model");
  expect(arrows).toContain("src/cli -> src/rules");
  expect(arrows).toContain("functions -> src/questions");
  expect(arrows).toContain("taskpane -> src/questions");
});

test("every import follows the layer order; shells never import each other", () => {
  const bad = all.flatMap((e) => {
    const why = violation(e.from, e.to);
    return why ? [`${e.file} imports ${e.spec}: ${why}`] : [];
  });
  expect(bad).toEqual([]);
});

test("the rule itself: a cycle, an upward arrow and a shell-to-shell arrow are each refused", () => {
  expect(violation("src/engine", "src/rules")).toMatch(/below/);
  expect(violation("src/rules", "src/engine")).toBeNull();
  expect(violation("taskpane", "functions")).toMatch(/shell/);
  expect(violation("src/questions", "taskpane")).toMatch(/never imports a shell/);
  expect(violation("src/newthing", "src/util")).toMatch(/no layer/);
});
