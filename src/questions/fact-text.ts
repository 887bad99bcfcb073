/** Facts written as text in one cell, «alder=17; tjeneste=legevakt»: the form a traced formula can read back. */
import { ArgError, show } from "./arg-error";

export type Facts = Record<string, unknown>;
export const FACT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Null-prototype records: a fact named «constructor» or «__proto__» is just an (unknown) name.
export const record = (): Facts => Object.create(null) as Facts;

export function parseFactText(text: string): Facts {
  const facts = record();
  for (const part of text.split(/[;\n]/)) {
    const p = part.trim();
    if (p === "") continue;
    const eq = p.indexOf("=");
    const name = eq < 0 ? p : p.slice(0, eq).trim();
    if (eq < 0 || !FACT_NAME.test(name)) throw new ArgError("#VALUE!", `fakta: forventet navn=verdi, fikk ${show(p)}`);
    if (name in facts) throw new ArgError("#VALUE!", `fakta: «${name}» er oppgitt to ganger`);
    facts[name] = p.slice(eq + 1).trim();
  }
  return facts;
}
