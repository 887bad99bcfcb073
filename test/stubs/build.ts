/** Runs the production build once when dist/ is missing or older than its sources (shared by tests). */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
const SOURCES = ["functions", "src", "rules", "taskpane", "assets", "manifest.xml", "webpack.config.js"];
const OUTPUTS = ["functions.js", "functions.json", "taskpane.html", "manifest.xml"];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((n) => newest(path.join(p, n))));
}

export function ensureBuild(): void {
  const outputs = OUTPUTS.map((f) => path.join(DIST, f));
  const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
  const source = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  if (built > source) return;
  execFileSync(process.platform === "win32" ? "npx.cmd" : "npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "pipe", timeout: 300000 });
}
