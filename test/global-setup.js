/**
 * Before any test: one production build if dist/ is stale, so no two test files build at once.
 * JEST_NO_BUILD=1 skips it for quick runs of tests that do not read dist/ (unit and rule-file tests).
 */
const { ensureBuild } = require("../scripts/build.js");
const { ensureCli } = require("../scripts/build-cli.js");

module.exports = async () => {
  // The compiled CLI (build/cli.js) is cheap to build and the CLI tests run it: always current, built once here
  // so no two test files rebuild it at the same time.
  ensureCli();
  if (process.env.JEST_NO_BUILD === "1") return;
  const t = Date.now();
  if (ensureBuild("pipe")) console.log(`\n[global-setup] bygget dist/ på ${Math.round((Date.now() - t) / 1000)} s`);
};
