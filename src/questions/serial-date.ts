/**
 * Excel date serials to ISO dates, memoised: a column of 100 000 dates holds a few hundred distinct
 * days, and the Date round trip in excelSerialToIso is the costliest step of argument conversion.
 */
import { excelSerialToIso } from "../util/dates";

const cache = new Map<number, string | null>();

export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  let iso = cache.get(day);
  if (iso === undefined) {
    if (cache.size > 100000) cache.clear();
    cache.set(day, (iso = excelSerialToIso(day)));
  }
  return iso;
}
