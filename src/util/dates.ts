/**
 * Calendar dates as ISO strings (YYYY-MM-DD), never Date objects: comparisons are string
 * comparisons and nothing depends on the machine's time zone.
 */
export type IsoDate = string;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The digit at `i` of `text` as a number, or NaN for any other character. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/**
 * True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). Read character by character, with
 * no regular expression or Date: every question and every date cell passes here, so it is cheap enough
 * that nothing needs to remember its answers.
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false; // 45: "-"
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const mo = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  // NaN (a non-digit) fails every comparison.
  return y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Text of the form YYYY-MM-DD with a year from 1900 to 2199 (month ≤ 15, day ≤ 31; not checked as a
 * calendar date) as (year − 1900) × 512 + month × 32 + day, or -1 for anything else: a dense place for
 * a lookup by date text, which isIsoDate still validates.
 */
export function isoDatePlace(text: unknown): number {
  if (typeof text !== "string" || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return -1;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const mo = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  // NaN (a non-digit) fails every comparison.
  return y >= 1900 && y <= 2199 && mo <= 15 && d <= 31 ? ((y - 1900) << 9) | (mo << 5) | d : -1;
}

export function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/**
 * Whole years of age on `on` for someone born on `born`. A person born on 29 February
 * turns a year older on 1 March in non-leap years (Norwegian practice: the birthday has
 * not been reached until the day after 28 February).
 */
export function ageOn(born: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = parts(born);
  const [oy, om, od] = parts(on);
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Excel's 1900 date system: serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 (serial 60). Plain
 * integer arithmetic (the civil-from-days algorithm of H. Hinnant's date library), no Date object: a column
 * of birth dates converts cell by cell without a memo.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 1900-02-29 does not exist
  const days = whole > 60 ? whole - 1 : whole; // skip the phantom day
  // Days since 1600-03-01, the start of a 400-year era of the Gregorian calendar (1899-12-31 is day 109 512);
  // serials reach 9999-12-31, so the era is counted too. Every quotient is of non-negative integers.
  const z = days + 109512;
  const era = (z / 146097) | 0;
  const doe = z - era * 146097; // day of the era
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0)); // day of the year from 1 March
  const mp = ((5 * doy + 2) / 153) | 0; // month from March = 0
  const d = doy - (((153 * mp + 2) / 5) | 0) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = 1600 + era * 400 + yoe + (m <= 2 ? 1 : 0);
  return `${y}-${two(m)}-${two(d)}`;
}

export function isoToExcelSerial(date: IsoDate): number {
  const [y, m, d] = parts(date);
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86400000);
  return days >= 60 ? days + 1 : days;
}

/** Accepts YYYY-MM-DD and the Norwegian DD.MM.YYYY; anything else is null (caller reports it). */
export function parseUserDate(text: string): IsoDate | null {
  if (isIsoDate(text)) return text; // the usual case: no trimming, no regular expression
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const no = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (no) {
    const iso = `${no[3]}-${no[2].padStart(2, "0")}-${no[1].padStart(2, "0")}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}
