/** "Endring i pst." as the document prints it ("3,4", "-0,2"), "0,0" when a value is missing. */
import { endringPstTenths } from "../endring-pst";

export function endringPst(saldert: number | null, forslag: number | null): string {
  const v = endringPstTenths(saldert, forslag) ?? 0;
  const s = (Math.abs(v) / 10).toFixed(1).replace(".", ",");
  return v < 0 ? `-${s}` : s;
}
