/** The type checker and ESLint, in the test run: ts-jest transpiles without type checking. */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const bin = (p: string) => path.join(ROOT, "node_modules", p);

test("tsc --noEmit: no type errors", () => {
  execFileSync(process.execPath, [bin("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
});

test("eslint: no errors", () => {
  execFileSync(process.execPath, [bin("eslint/bin/eslint.js"), "."], { cwd: ROOT, stdio: "pipe" });
});

test("prettier --check: code has the one layout .prettierrc.json describes", () => {
  const result = spawnSync(process.execPath, [bin("prettier/bin/prettier.cjs"), "--check", "."], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const unformatted = (result.stdout + result.stderr)
    .split("\n")
    .filter((line) => line.startsWith("[warn] ") && !line.includes("Code style issues"));
  expect(unformatted).toEqual([]);
  expect(result.status).toBe(0);
});
