/** `npm run bench` runs (quick mode: few rows, one repetition) and reports every row the issue asks for. */
import { execFileSync } from "child_process";
import * as path from "path";

test("npm run bench -- --json --quick prints the benchmark table as JSON", () => {
  const root = path.resolve(__dirname, "..");
  const out = execFileSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "scripts/bench.ts", "--json", "--quick"],
    { cwd: root, encoding: "utf8", timeout: 900_000 },
  ); // hang guard only (execFileSync blocks jest's own timeout)
  const data = JSON.parse(out.slice(out.indexOf("{")));
  const names: string[] = data.table.map((r: { name: string }) => r.name);
  for (const wanted of [
    /json-rules-engine/,
    /one question at a time/,
    /compiled batch: evaluateColumns/,
    /compiled batch: evaluateRows/,
    /no table hits/,
    /hand-written TypeScript over the same columns/,
    /hand-written TypeScript over row objects/,
    /custom function EGENANDEL/,
  ]) {
    expect(names.some((n) => wanted.test(n))).toBe(true);
  }
  for (const r of data.table) expect(Number.isFinite(r.ms)).toBe(true);
  expect(data.machine).toBeTruthy();
  expect(JSON.stringify(data.notes)).toMatch(/no json-rules-engine fallback/);
  expect(JSON.stringify(data.notes)).toMatch(/decision tables answered/);
});
