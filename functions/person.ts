/** EGENANDEL's first argument: an age (whole years) or a birth date (Excel date or text). */
import { parseUserDate } from "../src/util/dates";
import { serialToIso } from "./serial-date";
import { ArgError, show } from "./arg-error";
import { isEmpty } from "./args";

const NAME = "alder_eller_fodselsdato";
// Ages are small whole numbers; anything from here up is read as an Excel date serial (1900-05-30 on).
const FIRST_DATE_SERIAL = 151;

export function personFacts(v: unknown): Record<string, unknown> {
  const bad = (): never => {
    throw new ArgError("#VALUE!", `${NAME}: forventet en alder i hele år eller en fødselsdato (DD.MM.ÅÅÅÅ, ÅÅÅÅ-MM-DD eller Excel-dato), fikk ${show(v)}`);
  };
  if (isEmpty(v)) return bad();
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 0 && v < FIRST_DATE_SERIAL) return { alder: v };
    const iso = v >= FIRST_DATE_SERIAL ? serialToIso(v) : null;
    return iso ? { fodselsdato: iso } : bad();
  }
  if (typeof v === "string") {
    if (/^\s*\d{1,3}\s*$/.test(v)) return { alder: Number(v) };
    const iso = parseUserDate(v);
    return iso ? { fodselsdato: iso } : bad();
  }
  return bad();
}
