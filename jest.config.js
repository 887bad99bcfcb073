/** Unit, rule-file, CLI, workbook and browser tests in one `npm test`; dist/ is built once first. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  globalSetup: "<rootDir>/test/global-setup.js",
  maxWorkers: 2,
  // Only a guard against a hung test, never a speed check: on a loaded 2-core machine a whole suite can take
  // minutes. Tests carry no timeouts of their own and assert no durations; timing belongs in `npm run bench`.
  testTimeout: 900_000,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
