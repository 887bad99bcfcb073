/** Unit, rule-file, CLI, workbook and browser tests in one `npm test`; dist/ is built once first. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  globalSetup: "<rootDir>/test/global-setup.js",
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
