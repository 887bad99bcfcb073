// Preloaded with `node -r` by the CLI test: at exit, prints to stderr which module files the process
// loaded through require, so the test can tell the compiled bundle from a ts-node run.
const Module = require("module");
const loaded = new Set();
const original = Module._load;
Module._load = function (request) {
  loaded.add(request);
  return original.apply(this, arguments);
};
process.on("exit", () => process.stderr.write(`\nREQUIRED ${JSON.stringify([...loaded])}\n`));
