/** Property tests: the loader never throws on mutated rule files; fact normalisation never throws or yields NaN. */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { loadRuleSet } from "../src/rules/loader";
import { compileFacts } from "../src/engine/facts";
import { EvalFailure } from "../src/engine/errors";
import type { FactDecl } from "../src/model/schema";

const MINI = fs.readFileSync(path.join(__dirname, "fixtures/rules-basic/user-fees/mini.json"), "utf8");
const OTHER = { path: "rules/user-fees/annen.json", text: MINI.replace('"mini-egenandel"', '"annen"') };
const FILE = "rules/user-fees/mutert.json";

type Json = unknown;

/** Every path (list of keys) into a JSON value. */
function paths(
  v: Json,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === "object")
    for (const k of Object.keys(v)) paths((v as Record<string, Json>)[k], [...prefix, k], out);
  return out;
}

const jsonValue = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -0,
    "",
    "x",
    "2026-02-30",
    "31.13.2026",
    "__proto__",
    "constructor",
    "alder",
    'import("fs")',
    "1/0",
    "tak ^ 1e9",
    [],
    {},
    { fact: "alder" },
    { all: [] },
    { not: {} },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 20 }),
  fc.double(),
);

type Mutation =
  | { kind: "replace"; at: number; value: Json }
  | { kind: "delete"; at: number }
  | { kind: "addKey"; at: number; key: string; value: Json }
  | { kind: "text"; at: number; insert: string; remove: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("addKey" as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "toString", "id", "values", "all", "fact"),
      fc.string({ maxLength: 8 }),
    ),
    value: jsonValue,
  }),
  fc.record({
    kind: fc.constant("text" as const),
    at: fc.nat(),
    insert: fc.constantFrom("", "{", "}", "[", "]", ",", ":", '"', "\\", "\n", "\u00a0", "\ufeff", "tru", "-"),
    remove: fc.nat({ max: 3 }),
  }),
);

function apply(text: string, muts: Mutation[]): string {
  let doc: Json = JSON.parse(text);
  let out: string | null = null;
  for (const m of muts) {
    if (m.kind === "text") {
      const t: string = out ?? JSON.stringify(doc, null, 2);
      const i = m.at % (t.length + 1);
      out = t.slice(0, i) + m.insert + t.slice(i + m.remove);
      continue;
    }
    if (out !== null) continue; // already text-mutated
    const all = paths(doc);
    const p = all[m.at % all.length];
    if (p.length === 0) {
      if (m.kind === "replace") doc = m.value;
      continue;
    }
    let parent = doc as Record<string | number, Json>;
    for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
    const last = p[p.length - 1];
    if (m.kind === "replace") parent[last] = m.value;
    else if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else if (m.kind === "addKey") {
      const target = parent[last];
      if (target && typeof target === "object" && !Array.isArray(target))
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
  }
  return out ?? JSON.stringify(doc, null, 2);
}

describe("loader: random mutations of a valid rule file", () => {
  it("never throws; either loads or reports problems with file, path and message; other files unaffected", () => {
    let loadedCount = 0;
    let brokenCount = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        const text = apply(MINI, muts);
        const set = loadRuleSet([OTHER, { path: FILE, text }]);
        expect(set.files.has("annen")).toBe(true);
        const mine = set.problems.filter((p) => p.file === FILE);
        const broken = set.broken.find((b) => b.path === FILE);
        const loaded = [...set.files.values()].some((f) => f.path === FILE);
        // exactly one of: loaded cleanly, or listed as broken with its problems
        expect(loaded !== Boolean(broken)).toBe(true);
        if (loaded) {
          loadedCount++;
          expect(mine).toEqual([]);
          return;
        }
        brokenCount++;
        expect(mine.length).toBeGreaterThan(0);
        expect(broken!.problems).toEqual(mine);
        for (const p of mine) {
          expect(typeof p.path).toBe("string");
          expect(typeof p.message).toBe("string");
          expect(p.message.trim().length).toBeGreaterThan(3);
          expect(p.message).not.toMatch(/undefined|\[object Object\]|NaN/);
          if (p.line !== undefined) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { seed: 20260801, numRuns: 2500 },
    );
    expect(loadedCount).toBeGreaterThan(0);
    expect(brokenCount).toBeGreaterThan(0);
  });

  it("arbitrary text never throws", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.json({ maxDepth: 6 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const set = loadRuleSet([{ path: FILE, text }]);
          expect(set.files.size + set.broken.length).toBe(1);
          for (const p of set.problems) expect(p.message.length).toBeGreaterThan(3);
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe("fact normalisation: random scalars", () => {
  const decls: Record<string, FactDecl> = {
    heltall: { type: "integer", description: "h", min: -1000, max: 1000, optional: true },
    tall: { type: "number", description: "t", optional: true },
    belop: { type: "decimal", description: "b", optional: true },
    flagg: { type: "boolean", description: "f", optional: true },
    tekst: { type: "string", description: "s", optional: true },
    valg: { type: "enum", description: "e", values: ["fastlege", "legevakt"], optional: true },
    dato: { type: "date", description: "d", optional: true },
  } as unknown as Record<string, FactDecl>;
  // "dato" is reserved in rule files but fine for this normaliser-level test
  const n = compileFacts(decls);
  const scalar = fc.oneof(
    fc.constantFrom<unknown>(
      null,
      undefined,
      "",
      " ",
      NaN,
      Infinity,
      -Infinity,
      -0,
      "NaN",
      "Infinity",
      "1e5",
      "1,5",
      "1 438,1",
      "12\u00a0345",
      "-",
      "–",
      "(123)",
      "ja",
      "nei",
      "29.02.2028",
      "29.02.2027",
      "2026-02-30",
      "31.13.2026",
      "0x10",
      "1_000",
      [],
      {},
      [1],
      "fastlege",
      "LEGEVAKT",
    ),
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 12 }),
    fc.boolean(),
    fc.bigInt().map((b) => b.toString()),
    fc.stringMatching(/^[+-]?\d{1,6}([.,]\d{1,4})?$/),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
  it("each fact gives a value of its type or an EvalError naming it; never NaN, never a throw of anything else", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(decls)), scalar, (name, raw) => {
        let out: Record<string, unknown>;
        try {
          out = n.normalize({ [name]: raw }, "2026-08-01");
        } catch (e) {
          expect(e).toBeInstanceOf(EvalFailure);
          expect((e as EvalFailure).error.field).toBe(name);
          expect((e as EvalFailure).error.message.startsWith(`${name}: `)).toBe(true);
          return;
        }
        const v = out[name];
        if (v === null) return;
        expect(Number.isNaN(v)).toBe(false);
        switch (decls[name].type) {
          case "integer":
            expect(Number.isInteger(v)).toBe(true);
            break;
          case "number":
            expect(Number.isFinite(v)).toBe(true);
            break;
          case "decimal":
            expect(v).toMatch(/^-?\d+(\.\d*[1-9])?$/);
            break;
          case "boolean":
            expect(typeof v).toBe("boolean");
            break;
          case "string":
            expect(typeof v).toBe("string");
            break;
          case "enum":
            expect(["fastlege", "legevakt"]).toContain(v);
            break;
          case "date":
            expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            break;
        }
      }),
      { seed: 7, numRuns: 5000 },
    );
  });
});
