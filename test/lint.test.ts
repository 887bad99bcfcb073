/** The type checker and ESLint, in the test run: ts-jest transpiles without type checking. */
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const bin = (p: string) => path.join(ROOT, "node_modules", p);

test("tsc --noEmit: no type errors", () => {
  execFileSync(process.execPath, [bin("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"], { cwd: ROOT, stdio: "pipe" });
});

test("eslint: no errors", () => {
  execFileSync(process.execPath, [bin("eslint/bin/eslint.js"), "."], { cwd: ROOT, stdio: "pipe" });
});
