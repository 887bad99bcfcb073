/** EGENANDEL's first argument: an age (whole years) or a birth date (Excel date or text). */
import { excelSerialToIso, parseUserDate } from "../util/dates";
import { ArgError, show } from "./arg-error";
import { isEmpty } from "./args";

const NAME = "alder_eller_fodselsdato";
// Ages are small whole numbers; anything from here up is read as an Excel date serial (1900-05-30 on).
const FIRST_DATE_SERIAL = 151;

export function personFacts(v: unknown): Record<string, unknown> {
  const p = personValue(v);
  return typeof p === "number" ? { alder: p } : { fodselsdato: p };
}

/** The age (a number) or the birth date (ISO text) the argument gives; no object per cell for ranges. */
export function personValue(v: unknown): number | string {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < FIRST_DATE_SERIAL) return v; // the common case
  const bad = (): never => {
    throw new ArgError(
      "#VALUE!",
      `${NAME}: forventet en alder i hele år eller en fødselsdato (DD.MM.ÅÅÅÅ, ÅÅÅÅ-MM-DD eller Excel-dato), fikk ${show(v)}`,
    );
  };
  if (isEmpty(v)) return bad();
  if (typeof v === "number") {
    const iso = v >= FIRST_DATE_SERIAL ? excelSerialToIso(v) : null;
    return iso ?? bad();
  }
  if (typeof v === "string") {
    if (/^\s*\d{1,3}\s*$/.test(v)) return Number(v);
    const iso = parseUserDate(v);
    return iso ?? bad();
  }
  return bad();
}
