/**
 * The compiled CLI: src/cli/main.ts bundled by esbuild into build/cli.js, so `budget-rules` starts in
 * plain node instead of compiling TypeScript through ts-node on every call. Rule files and sheets/ are
 * not bundled: they are read at run time from the project folder (found upward from build/).
 * Run by `npm install` (prepare), `npm run build` and `npm run build:cli`; bin/budget-rules.js
 * rebuilds once when src/ is newer than the bundle.
 */
const fs = require("fs");
const path = require("path");
const { newest } = require("./build");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "build", "cli.js");
const SOURCES = ["src", "package.json", path.join("scripts", "build-cli.js")].map((p) => path.resolve(ROOT, p));

/** True when build/cli.js exists and is newer than every source it is built from. */
function isCliCurrent() {
  if (!fs.existsSync(OUT)) return false;
  return fs.statSync(OUT).mtimeMs > Math.max(...SOURCES.map(newest));
}

/** Bundles the CLI. Written to a temporary name first, so a concurrent reader never sees half a file. */
function buildCli() {
  const esbuild = require("esbuild");
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    outfile: tmp,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true, // a smaller file parses faster at every start
    legalComments: "none",
    logLevel: "error",
  });
  fs.renameSync(tmp, OUT);
  fs.rmSync(`${OUT}.cache`, { force: true }); // V8's code cache of the old bundle (see bin/budget-rules.js)
  return OUT;
}

/** Builds unless current; returns whether it built. */
function ensureCli() {
  if (isCliCurrent()) return false;
  buildCli();
  return true;
}

module.exports = { OUT, isCliCurrent, buildCli, ensureCli };

if (require.main === module) {
  const t = Date.now();
  buildCli();
  console.log(`build/cli.js bygget på ${Date.now() - t} ms`);
}
