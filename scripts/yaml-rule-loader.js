/**
 * webpack loader for the YAML rule files under rules/: parses the YAML at build time with the CLI's own
 * reader (src/rules/yaml-text.ts), so the browser bundle gets the parsed value (or the parse problem with
 * its line and column) as JSON text and never ships the `yaml` package. See src/rules/bundled.ts.
 */
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { parseYamlText } = require("../src/rules/yaml-text");

module.exports = function yamlRuleLoader(source) {
  // Per-path positions only help the CLI's schema messages; the browser names the path.
  const parsed = parseYamlText(source);
  delete parsed.positions;
  return JSON.stringify(parsed);
};
