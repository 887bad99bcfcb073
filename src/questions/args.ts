/** Excel argument conversion: serial or text dates, optional (null / empty) cells, years and text. */
import { excelSerialToIso, isoToExcelSerial, parseUserDate } from "../util/dates";
import { todayIso } from "../util/today";
import { ArgError, show } from "./arg-error";

export const EARLIEST_DATE = "2000-01-01";
const EARLIEST_SERIAL = isoToExcelSerial(EARLIEST_DATE);

/** Excel passes an omitted optional argument as null and an empty cell as null or "". */
export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Any calendar date: an Excel serial number or text (ÅÅÅÅ-MM-DD or DD.MM.ÅÅÅÅ); null when it is neither.
 * Both conversions are plain arithmetic on characters and numbers (util/dates.ts), cheap enough per cell
 * that no memo is kept.
 */
export function anyDate(v: unknown): string | null {
  if (typeof v === "number") return excelSerialToIso(v);
  if (typeof v === "string") return parseUserDate(v);
  return null;
}

/** The question date; today (Europe/Oslo) when omitted. Dates before 2000 are almost always a misplaced number. */
export function questionDate(name: string, v: unknown): string {
  if (isEmpty(v)) return todayIso();
  const iso = typeof v === "number" && v < EARLIEST_SERIAL ? null : anyDate(v);
  if (iso === null || iso < EARLIEST_DATE) {
    throw new ArgError(
      "#VALUE!",
      `${name}: forventet en dato etter ${EARLIEST_DATE} (DD.MM.ÅÅÅÅ, ÅÅÅÅ-MM-DD eller Excel-dato), fikk ${show(v)}`,
    );
  }
  return iso;
}

/** Optional text (ids, codes): null when omitted; numbers are not accepted as ids. */
export function optionalText(name: string, v: unknown): string | null {
  if (isEmpty(v)) return null;
  if (typeof v === "string") return v.trim();
  throw new ArgError("#VALUE!", `${name}: forventet tekst, fikk ${show(v)}`);
}

export function requiredText(name: string, v: unknown, example: string): string {
  const t = optionalText(name, v);
  if (t === null) throw new ArgError("#VALUE!", `${name}: mangler; forventet tekst, f.eks. «${example}»`);
  return t;
}

/** A year if `v` plainly is one (for choosing the question date); otherwise null and the core reports the fact. */
export function yearOf(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2199 ? n : null;
}
