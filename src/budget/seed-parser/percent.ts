/** "Endring i pst." as the document prints it: round((forslag/saldert − 1)·100, 1), "0,0" when a value is missing. */
export function endringPst(saldert: number | null, forslag: number | null): string {
  if (saldert === null || forslag === null || saldert === 0) return '0,0';
  const tenths = (forslag / saldert - 1) * 1000;
  // Half away from zero; the epsilon absorbs binary noise such as 0.04999999.
  const r = Math.sign(tenths) * Math.round(Math.abs(tenths) + 1e-9);
  const v = r === 0 ? 0 : r; // no "-0,0"
  const s = (Math.abs(v) / 10).toFixed(1).replace('.', ',');
  return v < 0 ? `-${s}` : s;
}
