/**
 * Amounts in the seed are printed with spaces as thousands separators, so "212 563" may be one amount or two,
 * and a name may end in digits ("postene 72, 73, 74 og 75"). This module lists every reading of a row's tail;
 * the sum constraints (solver.ts) pick the one that is consistent.
 */
import type { Choice, Vec } from "./solver";

/** One thousands group: 1–3 digits, optionally signed (a sign may only start an amount). */
const GROUP = /^[-–−]?\d{1,3}$/;

/** Words after which a number belongs to the name ("post 21", "postene 70 og 71", "f.o.m. 2008"). */
const NAME_NUMBER_BEFORE = /^(post|postene|og|nr\.?|kap\.?|f\.o\.m\.|t\.o\.m\.)$|,$/i;

export interface TailReading {
  /** The row's text without the amounts. */
  name: string;
  amounts: number[];
  /** Number of digit tokens read as part of the name; readings with fewer are preferred. */
  absorbed: number;
}

/** Every way to read `tokens` (all GROUP-shaped) as a sequence of amounts with thousands groups. */
export function groupings(tokens: string[]): number[][] {
  if (tokens.length === 0) return [[]];
  const out: number[][] = [];
  const first = tokens[0];
  const neg = /^[-–−]/.test(first);
  const digits = first.replace(/^[-–−]/, "");
  if (digits.length > 1 && digits.startsWith("0")) return []; // "014" cannot start an amount
  let value = Number(digits);
  for (let end = 1; end <= tokens.length; end++) {
    if (end > 1) {
      const t = tokens[end - 1];
      if (!/^\d{3}$/.test(t)) break; // continuation groups are exactly three digits, unsigned
      value = value * 1000 + Number(t);
    }
    for (const rest of groupings(tokens.slice(end))) out.push([neg ? -value : value, ...rest]);
  }
  return out;
}

/**
 * All readings of `text` whose tail holds between `min` and `max` amounts.
 * `skipTail` trailing tokens (e.g. a percentage) are removed first by the caller.
 */
export function tailReadings(text: string, min: number, max: number): TailReading[] {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  let runStart = tokens.length;
  while (runStart > 0 && GROUP.test(tokens[runStart - 1])) runStart--;
  const out: TailReading[] = [];
  for (let k = 0; runStart + k <= tokens.length; k++) {
    // Digits taken into the name must follow a word that introduces a number.
    // At most one, and only after a word that introduces a number.
    if (k > 1) break;
    if (k === 1) {
      const before = tokens[runStart - 1];
      if (before === undefined || !NAME_NUMBER_BEFORE.test(before)) break;
    }
    const nameTokens = tokens.slice(0, runStart + k);
    const run = tokens.slice(runStart + k);
    for (const amounts of groupings(run)) {
      if (amounts.length < min || amounts.length > max) continue;
      out.push({ name: nameTokens.join(" "), amounts, absorbed: k });
    }
  }
  return out;
}

/** Places n amounts into `width` columns, keeping their order: "212 563" in 3 columns → 3 placements. */
export function placements(amounts: number[], width: number): (number | null)[][] {
  const out: (number | null)[][] = [];
  const rec = (col: number, i: number, acc: (number | null)[]): void => {
    if (col === width) {
      if (i === amounts.length) out.push(acc);
      return;
    }
    if (i < amounts.length) rec(col + 1, i + 1, [...acc, amounts[i]]);
    if (width - col > amounts.length - i) rec(col + 1, i, [...acc, null]);
  };
  rec(0, 0, []);
  return out;
}

/**
 * Tie-breaker for readings the sums cannot tell apart (e.g. a one-post chapter, where post = sum in any reading):
 * amounts printed side by side in one row have similar magnitude, so penalise jumps in digit count.
 */
export function magnitudeJumps(values: (number | null)[]): number {
  const digits = values.filter((v): v is number => v !== null).map((v) => String(Math.abs(v)).length);
  let cost = 0;
  for (let i = 1; i < digits.length; i++) cost += Math.abs(digits[i] - digits[i - 1]);
  return cost;
}

/**
 * A table row "name amount amount amount" read every way it can be: a name and up to three amounts placed in
 * the three columns. A reading that takes a digit into the name costs more, as do uneven magnitudes.
 */
export function rowReadings(text: string): Choice<{ name: string; values: Vec }>[] {
  return tailReadings(text, 0, 3).flatMap((r) =>
    placements(r.amounts, 3).map((values) => ({
      values,
      cost: r.absorbed * 1000 + magnitudeJumps(values),
      data: { name: r.name, values },
    })),
  );
}

/** A sum line's amounts (one to three, nothing left over as a name) placed every way in the three columns. */
export function totalReadings(text: string): Choice<Vec>[] {
  return tailReadings(text, 1, 3)
    .filter((r) => r.name === "")
    .flatMap((r) => placements(r.amounts, 3).map((values) => ({ values, cost: magnitudeJumps(values), data: values })));
}
