/** Before any test: one production build if dist/ is stale, so no two test files build at once. */
const { ensureBuild } = require("../scripts/build.js");

module.exports = async () => {
  const t = Date.now();
  if (ensureBuild("pipe")) console.log(`\n[global-setup] bygget dist/ på ${Math.round((Date.now() - t) / 1000)} s`);
};
