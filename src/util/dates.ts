/**
 * Calendar dates as ISO strings (YYYY-MM-DD), never Date objects: comparisons are string
 * comparisons and nothing depends on the machine's time zone.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
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

/** Excel's 1900 date system: serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 (serial 60). */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 1900-02-29 does not exist
  const days = whole > 60 ? whole - 1 : whole; // skip the phantom day
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToExcelSerial(date: IsoDate): number {
  const [y, m, d] = parts(date);
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86400000);
  return days >= 60 ? days + 1 : days;
}

/** Accepts YYYY-MM-DD and the Norwegian DD.MM.YYYY; anything else is null (caller reports it). */
export function parseUserDate(text: string): IsoDate | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const no = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (no) {
    const iso = `${no[3]}-${no[2].padStart(2, "0")}-${no[1].padStart(2, "0")}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}
