/**
 * Fact validation and normalisation, compiled once per rule file from its (zod-validated) fact
 * declarations into plain closures, so a batch of 100 000 rows pays no schema-library overhead.
 * A wrong type or an unparseable date is an error naming the fact, never a fallback answer.
 */
import type { FactDecl } from "../model/schema";
import { ageOn, isIsoDate, IsoDate, parseUserDate } from "../util/dates";
import { fail } from "./errors";
import { canonical } from "../util/canonical";

export type { FactValue, FactValues, DerivedFact } from "../model/result";
import type { FactValue, FactValues, DerivedFact } from "../model/result";

export interface FactNormalizer {
  names: string[];
  /** Normalises `input` for the question date; throws EvalFailure on the first bad fact. */
  normalize(input: Record<string, unknown>, date: IsoDate, derived?: DerivedFact[]): FactValues;
  /**
   * The same checks and values for a row already read in declared order (`raws[k]` is fact `names[k]`,
   * undefined when absent), written in the same order into `out[k]` (reused by batches: no object per
   * row). The caller has rejected unknown keys.
   */
  normalizeInto(raws: ArrayLike<unknown>, date: IsoDate, out: FactValue[], derived?: DerivedFact[]): void;
  /** A row object read into declared order (`raws[k]` is fact `names[k]`); throws EvalFailure on an unknown key. */
  readRow(input: Record<string, unknown>, raws: unknown[]): void;
  /** Values in declared order as the record `normalize` gives (same key order). */
  record(values: ArrayLike<FactValue>): FactValues;
  /** One present fact's conversion (text to number, code to canonical form), as `normalize` applies it; throws EvalFailure. */
  coerce: Record<string, (raw: unknown) => FactValue>;
}

function show(value: unknown): string {
  if (typeof value === "string") return `«${value}»`;
  if (value === null || value === undefined) return "tom verdi";
  return `«${String(value)}»`;
}

const INTEGER_TEXT = /^[+-]?\d+$/;
/**
 * Whole-number text ("17", "-3", " 17 ") as Number(text.trim()) reads it, or undefined. Short runs of ASCII
 * digits (the usual cell) are read digit by digit; anything else goes through the regular expression.
 */
export function integerText(raw: string): number | undefined {
  const len = raw.length;
  if (len > 0 && len <= 15) {
    const c0 = raw.charCodeAt(0);
    const signed = c0 === 45 || c0 === 43;
    let n = 0;
    let i = signed ? 1 : 0;
    if (i < len) {
      for (; i < len; i++) {
        const d = raw.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (i === len) return c0 === 45 ? -n : n;
    }
  }
  const t = raw.trim();
  return INTEGER_TEXT.test(t) ? Number(t) : undefined;
}

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
  if (t === null || t.length > 40 || !/^[+-]?\d+(\.\d+)?$/.test(t))
    return fail("bad-fact", `${name}: forventet et beløp (desimaltall), fikk ${show(raw)}`, name);
  t = t.replace(/^\+/, "");
  if (t.includes(".")) t = t.replace(/0+$/, "").replace(/\.$/, "");
  t = t.replace(/^(-?)0+(\d)/, "$1$2");
  return t === "-0" ? "0" : t;
}

function checkRange(name: string, value: number, decl: FactDecl): void {
  if (decl.min !== undefined && value < decl.min)
    fail("bad-fact", `${name}: forventet minst ${decl.min}, fikk ${value}`, name);
  if (decl.max !== undefined && value > decl.max)
    fail("bad-fact", `${name}: forventet høyst ${decl.max}, fikk ${value}`, name);
}

type Coerce = (raw: unknown) => FactValue;

function coercer(name: string, decl: FactDecl): Coerce {
  switch (decl.type) {
    case "integer": {
      return (raw) => {
        let n: number | undefined;
        if (typeof raw === "number") n = raw;
        else if (typeof raw === "string" && (n = integerText(raw)) !== undefined) {
          /* parsed */
        } else return fail("bad-fact", `${name}: forventet et heltall, fikk ${show(raw)}`, name);
        if (!Number.isInteger(n)) fail("bad-fact", `${name}: forventet et heltall, fikk ${show(raw)}`, name);
        checkRange(name, n, decl);
        return n;
      };
    }
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
      const allowed = declaredCodes(decl);
      const list = (decl.values ?? []).join(", ");
      return (raw) => {
        const exact = allowed.get(raw); // the common case: a declared code as it is
        if (exact !== undefined) return exact;
        const t = typeof raw === "string" ? raw.trim().toLowerCase() : raw;
        const code = allowed.get(t);
        if (code !== undefined) return code;
        return fail("bad-fact", `${name}: forventet en av ${list}, fikk ${show(raw)}`, name);
      };
    }
    case "date":
      return (raw) => {
        const iso = typeof raw === "string" ? parseUserDate(raw) : null;
        if (iso === null)
          return fail("bad-fact", `${name}: forventet en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ), fikk ${show(raw)}`, name);
        return iso;
      };
  }
}

function isAbsent(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw !== "string") return false;
  // Text that starts with a visible character is not blank; only the rest need trim().
  return raw.length === 0 || (raw.charCodeAt(0) <= 32 || raw.charCodeAt(0) > 126 ? raw.trim() === "" : false);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Text whose first character is an ASCII digit: never blank, so integerText may read it at once. */
function isDigit(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** An enum's declared codes, each to its one shared copy (see util/canonical), the value a row is given. */
function declaredCodes(decl: FactDecl): Map<unknown, FactValue> {
  return new Map((decl.values ?? []).map((v) => [v, canonical(v)] as const));
}

interface QuickStep {
  /** enum: the declared codes a cell may give as they are (none of them blank), to their shared copies. */
  codes: ReadonlyMap<unknown, FactValue> | null;
  integer: boolean;
  min: number;
  max: number;
}

function quickStep(decl: FactDecl): QuickStep {
  const codes = decl.type === "enum" ? new Map([...declaredCodes(decl)].filter(([v]) => !isAbsent(v))) : null;
  return { codes, integer: decl.type === "integer", min: decl.min ?? -Infinity, max: decl.max ?? Infinity };
}

/** An absent fact's value: its default, null when optional or derivable, else the missing-fact error. */
function absentValue(step: { name: string; decl: FactDecl; whenAbsent: FactValue | undefined }): FactValue {
  if (step.whenAbsent === undefined) fail("missing-fact", `${step.name} mangler: ${step.decl.description}`, step.name);
  return step.whenAbsent;
}

/** A fact derived as whole years from a date fact (e.g. alder from fodselsdato), checked against a given value. */
function derivedAge(
  step: { name: string; decl: FactDecl; source?: string; coerce: Coerce },
  raw: unknown,
  born: string,
  date: IsoDate,
  derived: DerivedFact[] | undefined,
): number {
  const { name, source } = step;
  if (born > date) fail("bad-fact", `${source}: fødselsdatoen ${born} er etter datoen ${date}`, source);
  const age = ageOn(born, date);
  if (!isAbsent(raw) && step.coerce(raw) !== age) {
    fail(
      "bad-fact",
      `${name}: oppgitt ${show(raw)}, men ${source} ${born} gir ${age} år den ${date}; oppgi bare én av dem`,
      name,
    );
  }
  checkRange(name, age, step.decl);
  derived?.push({ name, value: age, from: source!, how: `hele år fra ${source} ${born} til ${date}` });
  return age;
}

export function compileFacts(decls: Record<string, FactDecl>): FactNormalizer {
  const names = Object.keys(decls);
  const known = new Set(names);
  // Everything about a fact that does not depend on the row, worked out once.
  const steps = names.map((name, slot) => {
    const decl = decls[name];
    const source = decl.derive?.ageFrom;
    return {
      name,
      slot,
      decl,
      source,
      sourceSlot: source === undefined ? -1 : names.indexOf(source),
      coerce: coercer(name, decls[name]),
      whenAbsent: decl.default !== undefined ? decl.default : decl.optional || source !== undefined ? null : undefined,
    };
  });
  // Derived facts run after the facts they derive from.
  steps.sort((a, b) => Number(a.source !== undefined) - Number(b.source !== undefined));
  const requiredDerived = steps.filter((s) => s.source !== undefined && !s.decl.optional);
  // The usual cell, already valid, is taken without a call: a declared code (enum), or a whole number
  // in range given as a number or as digits (integer). Anything else goes through the step's coerce,
  // which gives the same value or names the fault.
  const quick = steps.map((s) => quickStep(s.decl));
  function normalizeInto(raws: ArrayLike<unknown>, date: IsoDate, out: FactValue[], derived?: DerivedFact[]): void {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const slot = step.slot;
      const raw = raws[slot];
      if (step.sourceSlot >= 0) {
        const born = out[step.sourceSlot];
        if (born !== null && born !== undefined) {
          out[slot] = derivedAge(step, raw, born as string, date, derived);
          continue;
        }
      }
      if (raw === undefined) {
        // An absent column or key (the usual case for optional facts) needs no conversion.
        out[slot] = absentValue(step);
        continue;
      }
      const q = quick[i];
      if (q.codes !== null) {
        const code = q.codes.get(raw);
        if (code !== undefined) {
          out[slot] = code;
          continue;
        }
      } else if (q.integer) {
        const n =
          typeof raw === "number" ? raw : typeof raw === "string" && isDigit(raw) ? integerText(raw) : undefined;
        if (n !== undefined && Number.isInteger(n) && n >= q.min && n <= q.max) {
          out[slot] = n;
          continue;
        }
      }
      out[slot] = isAbsent(raw) ? absentValue(step) : step.coerce(raw);
    }
    for (let i = 0; i < requiredDerived.length; i++) {
      const { name, slot, source } = requiredDerived[i];
      if (out[slot] === null) fail("missing-fact", `oppgi ${name} eller ${source}`, name);
    }
  }
  function readRow(input: Record<string, unknown>, raws: unknown[]): void {
    for (const key in input) {
      if (!known.has(key) && hasOwn.call(input, key))
        fail("unknown-fact", `ukjent faktum «${key}»; denne regelfilen bruker ${names.join(", ")}`, key);
    }
    // Own properties only: an inherited "toString" or a prototype-polluted value is not a fact.
    for (let k = 0; k < names.length; k++) raws[k] = hasOwn.call(input, names[k]) ? input[names[k]] : undefined;
  }
  // Records are written in step order (derived last), so every normalised object has the same key order.
  function record(values: ArrayLike<FactValue>): FactValues {
    const out: FactValues = {};
    for (let i = 0; i < steps.length; i++) out[steps[i].name] = values[steps[i].slot];
    return out;
  }
  return {
    names,
    normalizeInto,
    record,
    coerce: Object.fromEntries(steps.map((s) => [s.name, s.coerce])),
    readRow,
    normalize(input, date, derived) {
      const raws = new Array<unknown>(names.length);
      readRow(input, raws);
      const values = new Array<FactValue>(names.length);
      normalizeInto(raws, date, values, derived);
      return record(values);
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
