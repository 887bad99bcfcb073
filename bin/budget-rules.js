#!/usr/bin/env node
// Runs the TypeScript CLI directly (transpile-only: type checking is `npm run lint`'s job).
require("ts-node").register({ transpileOnly: true, project: require("path").join(__dirname, "..", "tsconfig.json") });
process.env.BUDGET_RULES_BIN = "1";
require("../src/cli/main.ts");
