/**
 * Tests assert behaviour, never speed: a loaded machine must not fail correct code (issue 16.6). Timing lives in
 * `npm run bench`. This scans every test file for clocks and for per-test jest timeouts, which act as assertions.
 */
import * as fs from "fs";
import * as path from "path";

const TEST_DIR = __dirname;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : testFiles(p);
    return /\.(ts|js)$/.test(e.name) && p !== __filename ? [p] : [];
  });
}

// Built from parts so this file does not match itself.
const CLOCK = new RegExp(["Date\\.now\\(", "performance\\.now\\(", "process\\.hrtime"].join("|"));
const PER_TEST_TIMEOUT = new RegExp(["^\\s*\\}\\)?, [0-9_]+\\);\\s*$", "jest\\.setTimeout\\("].join("|"));

test("no test file reads a clock or sets its own jest timeout", () => {
  const found: string[] = [];
  for (const file of testFiles(TEST_DIR)) {
    // The jest setup and reporter may time the build for the log; they assert nothing.
    if (/global-setup\.js$|summary-reporter\.js$/.test(file)) continue;
    fs.readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (CLOCK.test(line) || PER_TEST_TIMEOUT.test(line))
          found.push(`${path.relative(TEST_DIR, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});
