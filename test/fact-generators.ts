/**
 * Deterministic fact-set generation from a rule file's own declarations, for the differential test
 * and the benchmark. Boundary values first: min/max (and one beyond), ±1 around every number in
 * conditions and parameters, every enum value (plus case/space variants and an unknown value),
 * question dates around every parameter `from` date, birthdays around every age threshold and leap
 * days, optional facts absent, and a sprinkling of malformed input (wrong types, bad dates, unknown facts).
 */
import type { LoadedRuleFile } from "../src/engine/compiled-file";
import { leaves } from "../src/engine/conditions";
import type { FactDecl } from "../src/model/schema";

/** mulberry32: small, fast, fixed-seed PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Date `years` before `iso` (29 Feb falls to 28 Feb in a non-leap year), shifted by `days`. */
export function yearsBefore(iso: string, years: number, days: number): string {
  const y = Number(iso.slice(0, 4)) - years;
  let md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === "02-29" && !leap) md = "02-28";
  return addDays(`${String(y).padStart(4, "0")}-${md}`, days);
}

export interface Case {
  facts: Record<string, unknown>;
  date: unknown;
  scenario?: string;
}

/** Every number mentioned in the file's conditions and parameter values. */
function numbersIn(loaded: LoadedRuleFile): number[] {
  const out = new Set<number>();
  for (const r of loaded.file.rules) {
    for (const leaf of leaves(r.conditions)) {
      const v = leaf.value;
      if (typeof v === "number") out.add(v);
      if (Array.isArray(v)) for (const x of v) if (typeof x === "number") out.add(x);
    }
  }
  for (const p of Object.values(loaded.file.parameters))
    for (const e of p.values) if (typeof e.value === "number") out.add(e.value);
  return [...out];
}

function stringsIn(loaded: LoadedRuleFile, fact: string): string[] {
  const out = new Set<string>();
  for (const r of loaded.file.rules) {
    for (const leaf of leaves(r.conditions)) {
      if (leaf.fact !== fact) continue;
      const v = leaf.value;
      if (typeof v === "string") out.add(v);
      if (Array.isArray(v)) for (const x of v) if (typeof x === "string") out.add(x);
    }
  }
  return [...out];
}

/** Question dates: around every parameter `from` (±1 day), year boundaries, leap days, some bad ones. */
export function questionDates(loaded: LoadedRuleFile): string[] {
  const out = new Set<string>(["2026-01-01", "2026-08-01", "2026-12-31", "2025-06-15", "2024-02-29", "2028-02-29"]);
  for (const p of Object.values(loaded.file.parameters)) {
    for (const e of p.values) for (const d of [-1, 0, 1]) out.add(addDays(e.from, d));
    if (p.until) for (const d of [0, 1]) out.add(addDays(p.until, d)); // the last day known, and the first beyond it
  }
  out.add("2027-01-01"); // the first day after the budget year
  return [...out];
}

const BAD_DATES: unknown[] = ["2026-02-30", "01.08.2026", "1.8.2026", "i går", 46000, null, ""];

function numberPool(decl: FactDecl, numbers: number[]): unknown[] {
  const pool: number[] = [0, 1, -1];
  for (const n of numbers) pool.push(n - 1, n, n + 1);
  if (decl.min !== undefined) pool.push(decl.min, decl.min - 1, decl.min + 1);
  if (decl.max !== undefined) pool.push(decl.max, decl.max + 1, decl.max - 1);
  const out: unknown[] = [...new Set(pool)];
  if (decl.type === "integer") out.push(2.5, "17", " 18 ", "-3");
  else out.push(0.5, 1e-7, "1 438,1", "12.5", "12,50", 1234567.891);
  if (decl.type === "decimal") out.push("0.10", "+5", "-0", 0.1 + 0.2);
  out.push("abc", true, Number.NaN, Number.POSITIVE_INFINITY);
  return out;
}

function valuePool(loaded: LoadedRuleFile, name: string, decl: FactDecl, numbers: number[]): unknown[] {
  switch (decl.type) {
    case "integer":
    case "number":
    case "decimal":
      return numberPool(decl, numbers);
    case "enum": {
      const vs = decl.values ?? [];
      return [
        ...vs,
        ...vs,
        ...vs.slice(0, 2).map((v) => v.toUpperCase()),
        ...vs.slice(0, 2).map((v) => ` ${v} `),
        "ukjent-verdi",
        3,
      ];
    }
    case "boolean":
      return [true, false, true, false, "ja", "nei", "SANN", "false", "kanskje", 1];
    case "string":
      return [...stringsIn(loaded, name), ...stringsIn(loaded, name), "tekst", "  trimmes  ", "   ", 7];
    case "date":
      return ["2000-01-01", "2024-02-29", "2026-08-01", "01.08.2008", "2026-02-30", "x", 44000];
  }
}

/**
 * `count` cases for one rule file: 85 % well-formed boundary cases, the rest malformed in one way.
 * Facts with a default or marked optional are absent now and then; derived ages come from a
 * birth date set around every age threshold (±1 day, leap days) relative to the question date.
 */
export function generateCases(loaded: LoadedRuleFile, count: number, seed: number, scenarios: string[] = []): Case[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const decls = loaded.file.facts;
  const names = Object.keys(decls);
  const numbers = numbersIn(loaded);
  const pools = new Map(names.map((n) => [n, valuePool(loaded, n, decls[n], numbers)] as const));
  const dates = questionDates(loaded);
  const ages = [
    ...new Set([
      0,
      1,
      5,
      15,
      16,
      17,
      18,
      25,
      26,
      27,
      66,
      67,
      100,
      130,
      131,
      ...numbers.filter((n) => Number.isInteger(n) && n >= 0 && n < 140).flatMap((n) => [n - 1, n, n + 1]),
    ]),
  ].filter((n) => n >= 0);
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const malformed = r() < 0.15;
    const date: unknown = malformed && r() < 0.2 ? pick(BAD_DATES) : pick(dates);
    const facts: Record<string, unknown> = {};
    for (const n of names) {
      const d = decls[n];
      const canBeAbsent = d.optional || d.default !== undefined || d.derive !== undefined;
      if (canBeAbsent && r() < 0.25) continue;
      if (!canBeAbsent && malformed && r() < 0.1) continue; // missing required fact
      let pool = pools.get(n)!;
      if (!malformed && (d.type === "integer" || d.type === "number" || d.type === "decimal")) {
        pool = pool.filter(
          (v) =>
            typeof v === "number" &&
            Number.isFinite(v) &&
            (d.min === undefined || v >= d.min) &&
            (d.max === undefined || v <= d.max) &&
            (d.type !== "integer" || Number.isInteger(v)),
        );
        if (pool.length === 0) pool = [d.min ?? d.max ?? 0];
      }
      if (!malformed && d.type === "enum") pool = pool.filter((v) => typeof v === "string" && v !== "ukjent-verdi");
      facts[n] = pick(pool);
      if (!malformed && d.type === "date") facts[n] = pick(["2000-01-01", "2024-02-29", "2010-08-01"]);
    }
    // Age derived from a birth date: born around a threshold birthday before the question date.
    for (const n of names) {
      const src = decls[n].derive?.ageFrom;
      if (!src || typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
      const mode = r();
      if (mode < 0.45) {
        delete facts[n];
        const born =
          r() < 0.1
            ? pick(["2008-02-29", "2012-02-29", "2000-02-29"])
            : yearsBefore(date, pick(ages), pick([-1, 0, 0, 1]));
        facts[src] = born;
      } else if (mode < 0.55) {
        // Both given: consistent or not.
        const born = yearsBefore(date, pick(ages), pick([-1, 0, 1]));
        facts[src] = born;
      } else if (mode < 0.6) {
        facts[src] = addDays(date, pick([1, 30])); // born after the question date
      } else {
        delete facts[src];
      }
    }
    if (malformed && r() < 0.1) facts[`ukjent_${Math.floor(r() * 3)}`] = 1;
    const c: Case = { facts, date };
    if (scenarios.length && r() < 0.3) c.scenario = pick(scenarios);
    cases.push(c);
  }
  return cases;
}
