/**
 * "Endring i pst." Saldert 2025 → Forslag 2026 as Prop. 1 S prints it: one decimal, half away from zero.
 * Integer arithmetic in tenths of a percent (round(1000·(f−s)/s)) so no binary drift decides a rounding.
 * null when either amount is missing or saldert is 0. The one definition: check facts and seed parser alike.
 */
export function endringPstTenths(saldert: number | null, forslag: number | null): number | null {
  if (saldert === null || forslag === null || saldert === 0) return null;
  const num = 1000 * (forslag - saldert);
  const q = Math.abs(num) / Math.abs(saldert);
  const tenths = Math.floor(q + 0.5) * Math.sign(num) * Math.sign(saldert);
  return tenths === 0 ? 0 : tenths; // no -0
}

/** The change as a number of percent (e.g. 3.4), or null. */
export function endringPst(saldert: number | null, forslag: number | null): number | null {
  const t = endringPstTenths(saldert, forslag);
  return t === null ? null : t / 10;
}
