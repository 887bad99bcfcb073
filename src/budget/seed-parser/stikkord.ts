/** Splits a printed post name into betegnelse and stikkord (the appropriation annotations). */

const ANNOTATION = '(?:kan overføres|overslagsbevilgning|kan nyttes under)';
const FIRST = new RegExp(`\\s*,\\s*(?=${ANNOTATION})`, 'i');
const BETWEEN = new RegExp(`\\s*,\\s*(?=${ANNOTATION})`, 'gi');

export function splitStikkord(printedName: string): { betegnelse: string; stikkord: string[] } {
  const name = printedName.replace(/\s+/g, ' ').trim();
  const m = FIRST.exec(name);
  if (!m) return { betegnelse: name, stikkord: [] };
  const betegnelse = name.slice(0, m.index).trim();
  const stikkord = name
    .slice(m.index + m[0].length)
    .split(BETWEEN)
    .map((s) => s.replace(/,\s*$/, '').trim())
    .filter(Boolean);
  return { betegnelse, stikkord };
}
