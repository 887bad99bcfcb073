/**
 * `npm install` in a fresh clone must leave package-lock.json as committed. npm rewrites the lock when a
 * package's optional platform bindings (unrs-resolver, esbuild, …) are missing from it, so every optional
 * dependency must resolve to a lock entry the way Node resolves modules: nested first, then upwards.
 */
import * as fs from "fs";
import * as path from "path";

type LockEntry = { optionalDependencies?: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

function resolves(from: string, dep: string): boolean {
  let base = from;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ""}node_modules/${dep}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut < 0 ? "" : base.slice(0, cut);
  }
}

test("every optional dependency in the lock has its own lock entry", () => {
  const missing = Object.entries(lock.packages).flatMap(([at, entry]) =>
    Object.keys(entry.optionalDependencies ?? {})
      .filter((dep) => !resolves(at, dep))
      .map((dep) => `${at} -> ${dep}`),
  );
  expect(missing).toEqual([]);
  expect(Object.keys(lock.packages)).toEqual(
    expect.arrayContaining(["node_modules/@unrs/resolver-binding-darwin-arm64"]),
  );
});
