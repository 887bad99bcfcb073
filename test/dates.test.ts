/**
 * The date conversions every date cell and question passes through (src/util/dates.ts) are plain arithmetic, with
 * no memo behind them; here they are checked against the Date object and the regular expression they replace.
 */
import { excelSerialToIso, isIsoDate, isoDatePlace, parseUserDate } from "../src/util/dates";

/** Serial to ISO date through the Date object (the former implementation). */
function viaDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const days = whole > 60 ? whole - 1 : whole;
  return new Date(Date.UTC(1899, 11, 31) + days * 86400000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD, a real day from 1900 to 2199, by regular expression and Date (the former check). */
function isoByRegex(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
}

test("every Excel serial from 1900-01-01 to 9999-12-31 gives the day the Date object gives", () => {
  const wrong: number[] = [];
  for (let s = -2; s <= 2958468; s++) if (excelSerialToIso(s) !== viaDate(s) && wrong.length < 5) wrong.push(s);
  expect(wrong).toEqual([]);
  expect([1, 59, 60, 61, 46235, 46235.99, 2958465, 2958466].map(excelSerialToIso)).toEqual([
    "1900-01-01",
    "1900-02-28",
    null,
    "1900-03-01",
    "2026-08-01",
    "2026-08-01",
    "9999-12-31",
    null,
  ]);
  expect([NaN, Infinity, -Infinity, 0.5].map(excelSerialToIso)).toEqual([null, null, null, null]);
});

test("ÅÅÅÅ-MM-DD is checked character by character as the regular expression checked it", () => {
  const texts = [
    "",
    "2026-1-01",
    "2026/01/01",
    "２０２６-01-01",
    "2026-01-0a",
    "+026-01-01",
    "2026-01-01\n",
    " 2026-01-01",
  ];
  for (let y = 1898; y <= 2201; y++)
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++) texts.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const wrong = texts.filter((t) => isIsoDate(t) !== isoByRegex(t));
  expect(wrong).toEqual([]);
  expect(["2026-02-29", "2024-02-29", "2100-02-29", "2000-02-29"].map(isIsoDate)).toEqual([false, true, false, true]);
});

test("user dates: ISO as is (trimmed), DD.MM.ÅÅÅÅ to ISO, anything else null", () => {
  expect(
    ["2026-08-01", " 2026-08-01 ", "1.9.2026", "01.09.2026", "31.13.2026", "2026-02-30", "1. 9. 2026"].map(
      parseUserDate,
    ),
  ).toEqual(["2026-08-01", "2026-08-01", "2026-09-01", "2026-09-01", null, null, null]);
});

test("isoDatePlace gives every day of 1900–2199 its own place, and -1 to anything not of that form", () => {
  const seen = new Set<number>();
  for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2199, 11, 31); t += 86400000) {
    const place = isoDatePlace(new Date(t).toISOString().slice(0, 10));
    expect(place >= 0 && place < 300 * 512).toBe(true);
    seen.add(place);
  }
  expect(seen.size).toBe((Date.UTC(2200, 0, 1) - Date.UTC(1900, 0, 1)) / 86400000);
  for (const bad of [
    "1899-12-31",
    "2200-01-01",
    "2026-16-01",
    "2026-01-32",
    "2026-1a-01",
    "2026/01/01",
    " 2026-01-01",
    "",
    20260101,
    null,
  ])
    expect(isoDatePlace(bad)).toBe(-1);
});
