/**
 * The production build, run only when dist/ is missing or older than any of its sources. Shared by
 * `npm start` and the tests that need a build (manifest, browser suite), so they never disagree.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const SOURCES = [
  "functions",
  "src",
  "rules",
  "taskpane",
  "assets",
  "sheets",
  "manifest.xml",
  "webpack.config.js",
  "package.json",
  "scripts/yaml-rule-loader.js",
];
const OUTPUTS = ["functions.js", "functions.json", "taskpane.html", "taskpane.js", "manifest.xml", "hod-2026.xlsx"];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((n) => newest(path.join(p, n))));
}

function isBuildCurrent() {
  const outputs = OUTPUTS.map((f) => path.join(DIST, f));
  if (!outputs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  return built > Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
}

/** Builds unless current; `stdio: "inherit"` for a person watching, "pipe" in tests. Returns whether it built. */
function ensureBuild(stdio = "pipe") {
  if (isBuildCurrent()) return false;
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
    { cwd: ROOT, stdio, timeout: 300000 },
  );
  return true;
}

module.exports = { ROOT, DIST, ensureBuild, isBuildCurrent, newest };
