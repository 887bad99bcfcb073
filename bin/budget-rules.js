#!/usr/bin/env node
// Runs the compiled CLI (build/cli.js, bundled by scripts/build-cli.js). A missing or stale bundle —
// src/ edited since the last build — is rebuilt once here when esbuild is installed; otherwise the
// user is told the one command that builds it.
const path = require("path");
const { OUT, isCliCurrent, buildCli } = require(path.join(__dirname, "..", "scripts", "build-cli.js"));

if (!isCliCurrent()) {
  let esbuildFound = true;
  try {
    require.resolve("esbuild");
  } catch {
    esbuildFound = false;
  }
  if (!esbuildFound) {
    process.stderr.write(
      "budget-rules: den kompilerte CLI-en (build/cli.js) mangler eller er eldre enn src/; kjør «npm run build:cli» i prosjektmappen\n",
    );
    process.exit(2);
  }
  process.stderr.write("budget-rules: bygger build/cli.js (første gang, eller src/ er endret) …\n");
  try {
    buildCli();
  } catch (e) {
    process.stderr.write(
      `budget-rules: kunne ikke bygge build/cli.js: ${e.message.split("\n")[0]}; kjør «npm run build:cli» for detaljer\n`,
    );
    process.exit(2);
  }
}
process.env.BUDGET_RULES_BIN = "1";
runWithCodeCache(OUT);

/**
 * Loads the bundle as `require` would, but with V8's code cache beside it (build/cli.js.cache): compiling
 * 2 MB of JavaScript is a large part of every start. The cache is written after the first run (so it holds
 * the functions that run actually compiled) and again whenever V8 rejects it (new bundle, new node).
 */
function runWithCodeCache(file) {
  const fs = require("fs");
  const vm = require("vm");
  const Module = require("module");
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A read-only install just starts a little slower.
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
}
