/**
 * Fact validation and normalisation, compiled once per rule file from its (zod-validated) fact
 * declarations into plain closures, so a batch of 100 000 rows pays no schema-library overhead.
 * A wrong type or an unparseable date is an error naming the fact, never a fallback answer.
 */
import type { FactDecl, Scalar } from "../rules/schema";
import { ageOn, isIsoDate, IsoDate, parseUserDate } from "../util/dates";
import { fail } from "./errors";

export type FactValue = Scalar | null;
export type FactValues = Record<string, FactValue>;
export interface DerivedFact { name: string; value: FactValue; from: string; how: string }

export interface FactNormalizer {
  names: string[];
  /** Normalises `input` for the question date; throws EvalFailure on the first bad fact. */
  normalize(input: Record<string, unknown>, date: IsoDate, derived?: DerivedFact[]): FactValues;
}

function show(value: unknown): string {
  if (typeof value === "string") return `«${value}»`;
  if (value === null || value === undefined) return "tom verdi";
  return `«${String(value)}»`;
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
const GROUPED = /[\s\u00a0\u202f]/g;

function toNumber(name: string, raw: unknown, what: string): number {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) fail("bad-fact", `${name}: forventet ${what}, fikk ${show(raw)}`, name);
    return raw;
  }
  if (typeof raw === "string") {
    const t = raw.replace(GROUPED, "");
    if (NUMBER_TEXT.test(t)) return Number(t.replace(",", "."));
  }
  return fail("bad-fact", `${name}: forventet ${what}, fikk ${show(raw)}`, name);
}

/** Canonical exact decimal text ("1438.1") from a number or text such as "1 438,1". */
export function toDecimalText(name: string, raw: unknown): string {
  let t: string | null = null;
  if (typeof raw === "number" && Number.isFinite(raw)) t = String(raw);
  else if (typeof raw === "string") t = raw.replace(GROUPED, "").replace(",", ".");
  if (t !== null && /e/i.test(t) && typeof raw === "number") t = raw.toFixed(20).replace(/\.?0+$/, "");
  if (t === null || t.length > 40 || !/^[+-]?\d+(\.\d+)?$/.test(t)) return fail("bad-fact", `${name}: forventet et beløp (desimaltall), fikk ${show(raw)}`, name);
  t = t.replace(/^\+/, "");
  if (t.includes(".")) t = t.replace(/0+$/, "").replace(/\.$/, "");
  t = t.replace(/^(-?)0+(\d)/, "$1$2");
  return t === "-0" ? "0" : t;
}

function checkRange(name: string, value: number, decl: FactDecl): void {
  if (decl.min !== undefined && value < decl.min) fail("bad-fact", `${name}: forventet minst ${decl.min}, fikk ${value}`, name);
  if (decl.max !== undefined && value > decl.max) fail("bad-fact", `${name}: forventet høyst ${decl.max}, fikk ${value}`, name);
}

type Coerce = (raw: unknown) => FactValue;

function coercer(name: string, decl: FactDecl): Coerce {
  switch (decl.type) {
    case "integer":
      return (raw) => {
        let n: number;
        if (typeof raw === "number") n = raw;
        else if (typeof raw === "string" && INTEGER_TEXT.test(raw.trim())) n = Number(raw.trim());
        else return fail("bad-fact", `${name}: forventet et heltall, fikk ${show(raw)}`, name);
        if (!Number.isInteger(n)) fail("bad-fact", `${name}: forventet et heltall, fikk ${show(raw)}`, name);
        checkRange(name, n, decl);
        return n;
      };
    case "number":
      return (raw) => {
        const n = toNumber(name, raw, "et tall");
        checkRange(name, n, decl);
        return n;
      };
    case "decimal":
      return (raw) => {
        const t = toDecimalText(name, raw);
        checkRange(name, Number(t), decl);
        return t;
      };
    case "boolean":
      return (raw) => {
        if (typeof raw === "boolean") return raw;
        if (typeof raw === "string") {
          const t = raw.trim().toLowerCase();
          if (t === "true" || t === "ja" || t === "sann") return true;
          if (t === "false" || t === "nei" || t === "usann") return false;
        }
        return fail("bad-fact", `${name}: forventet ja/nei (true/false), fikk ${show(raw)}`, name);
      };
    case "string":
      return (raw) => {
        if (typeof raw === "string" && raw.trim() !== "") return raw.trim();
        return fail("bad-fact", `${name}: forventet tekst, fikk ${show(raw)}`, name);
      };
    case "enum": {
      const allowed = new Set(decl.values ?? []);
      const list = (decl.values ?? []).join(", ");
      return (raw) => {
        if (typeof raw === "string" && allowed.has(raw)) return raw; // the common case: already canonical
        const t = typeof raw === "string" ? raw.trim().toLowerCase() : raw;
        if (typeof t === "string" && allowed.has(t)) return t;
        return fail("bad-fact", `${name}: forventet en av ${list}, fikk ${show(raw)}`, name);
      };
    }
    case "date":
      return (raw) => {
        const iso = typeof raw === "string" ? parseUserDate(raw) : null;
        if (iso === null) return fail("bad-fact", `${name}: forventet en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ), fikk ${show(raw)}`, name);
        return iso;
      };
  }
}

function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

const hasOwn = Object.prototype.hasOwnProperty;

export function compileFacts(decls: Record<string, FactDecl>): FactNormalizer {
  const names = Object.keys(decls);
  const known = new Set(names);
  // Everything about a fact that does not depend on the row, worked out once.
  const steps = names.map((name) => {
    const decl = decls[name];
    const source = decl.derive?.ageFrom;
    return {
      name, decl, source, coerce: coercer(name, decls[name]),
      whenAbsent: decl.default !== undefined ? decl.default : decl.optional || source !== undefined ? null : undefined,
    };
  });
  // Derived facts run after the facts they derive from.
  steps.sort((a, b) => Number(a.source !== undefined) - Number(b.source !== undefined));
  const requiredDerived = steps.filter((s) => s.source !== undefined && !s.decl.optional);
  return {
    names,
    normalize(input, date, derived) {
      for (const key in input) {
        if (!known.has(key) && hasOwn.call(input, key)) fail("unknown-fact", `ukjent faktum «${key}»; denne regelfilen bruker ${names.join(", ")}`, key);
      }
      const out: FactValues = {};
      for (let i = 0; i < steps.length; i++) {
        const { name, decl, coerce, source, whenAbsent } = steps[i];
        // Own properties only: an inherited "toString" or a prototype-polluted value is not a fact.
        const raw = hasOwn.call(input, name) ? input[name] : undefined;
        if (source !== undefined && out[source] !== null && out[source] !== undefined) {
          const born = out[source] as string;
          if (born > date) fail("bad-fact", `${source}: fødselsdatoen ${born} er etter datoen ${date}`, source);
          const age = ageOn(born, date);
          if (!isAbsent(raw) && coerce(raw) !== age) {
            fail("bad-fact", `${name}: oppgitt ${show(raw)}, men ${source} ${born} gir ${age} år den ${date}; oppgi bare én av dem`, name);
          }
          checkRange(name, age, decl);
          out[name] = age;
          derived?.push({ name, value: age, from: source, how: `hele år fra ${source} ${born} til ${date}` });
          continue;
        }
        if (isAbsent(raw)) {
          if (whenAbsent === undefined) fail("missing-fact", `${name} mangler: ${decl.description}`, name);
          out[name] = whenAbsent;
          continue;
        }
        out[name] = coerce(raw);
      }
      for (let i = 0; i < requiredDerived.length; i++) {
        const { name, source } = requiredDerived[i];
        if (out[name] === null) fail("missing-fact", `oppgi ${name} eller ${source}`, name);
      }
      return out;
    },
  };
}

export function checkQuestionDate(date: unknown): IsoDate {
  if (typeof date === "string") {
    const iso = parseUserDate(date);
    if (iso !== null && isIsoDate(iso)) return iso;
  }
  return fail("bad-date", `dato: forventet en dato på formen ÅÅÅÅ-MM-DD, fikk ${show(date)}`, "dato");
}
