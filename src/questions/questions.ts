/**
 * The question module: how each custom function turns one cell's arguments into a question for the core. The functions
 * use these per cell; the task pane uses `questionForCall` to trace a cell's =BUDSJETT.*(…) formula,
 * so a traced figure is always the answer to the very question the function asked.
 */
import type { LoadedRuleFile } from "../engine/compiled-file";
import type { RuleSet } from "../engine/rule-set";
import { todayIso } from "../util/today";
import { ArgError } from "./arg-error";
import { isEmpty, optionalText, questionDate, requiredText, yearOf } from "./args";
import { Facts, parseFactText } from "./fact-text";
import { personValue } from "./person";

/**
 * A call's arguments as columns over its cells (a single value stands for every cell); `errors[c]`: cell c's
 * input error as the shell represents it (an Excel error cell), asked about no further.
 */
export interface ArgColumns<E = unknown> {
  rows: number;
  cols: number;
  n: number;
  values: unknown[][];
  errors: Array<E | undefined>;
}

export interface Ask {
  regel: string;
  facts: Record<string, unknown>;
  date: string;
  scenario: string | null;
}

/**
 * A whole call's questions as fact columns over its cells (a cell's absent fact is undefined), with one
 * date and scenario for every cell or one per cell. `errors[c]`: cell c asks nothing; its input error cell
 * (an Excel error) or the ArgError its arguments gave.
 */
export interface AskColumns<E = unknown> {
  regel: string;
  n: number;
  facts: Record<string, unknown[]>;
  date: string | string[];
  scenario: string | null | Array<string | null>;
  errors: Array<E | ArgError | undefined>;
}

/** A column's value for cell c (a single cell passed in stands for every cell). */
const at = (col: unknown[], c: number): unknown => (col.length === 1 ? col[0] : col[c]);

/** An argument given once for the whole call is converted once; per cell otherwise. */
function perCall<T>(
  col: unknown[],
  n: number,
  convert: (v: unknown) => T,
): { value?: T; error?: unknown; cells?: T[] } {
  if (col.length !== 1 || n === 1) return { cells: new Array<T>(n) };
  try {
    return { value: convert(col[0]) };
  } catch (e) {
    return { error: e };
  }
}

/**
 * EGENANDEL / EGENANDEL.GRUNN(alder_eller_fodselsdato, tjeneste, [dato], [fritaksgrunn], [scenario]) over
 * a call's argument columns: the one mapping from these arguments to questions (egenandelQuestion is its
 * one-cell case). Arguments are checked in the order a cell's question reads them.
 */
export function egenandelQuestions<E>(a: ArgColumns<E>): AskColumns<E> {
  const { n } = a;
  // The argument columns are the call's own copies: the age column is written over the person column.
  const errors: AskColumns<E>["errors"] = a.errors;
  const [person, tjeneste, dato, fritaksgrunn, scenario] = a.values;
  const alder = person.length === n ? person : new Array<unknown>(n);
  // A range's own column serves as is (cells that fail here are never asked about, whatever they hold).
  const tj = tjeneste.length === n ? tjeneste : new Array<unknown>(n);
  let fodselsdato: unknown[] | undefined;
  let fg: unknown[] | undefined;
  const date = perCall(dato, n, (v) => questionDate("dato", v));
  const scen = perCall(scenario, n, (v) => optionalText("scenario", v));
  for (let c = 0; c < n; c++) {
    if (errors[c] !== undefined) continue;
    try {
      const p = personValue(at(person, c));
      if (typeof p === "number") alder[c] = p;
      else {
        (fodselsdato ??= new Array<unknown>(n))[c] = p;
        alder[c] = undefined;
      }
      if (tj !== tjeneste) tj[c] = tjeneste[0];
      const g = at(fritaksgrunn, c);
      if (!isEmpty(g)) (fg ??= new Array<unknown>(n))[c] = g;
      if (date.cells) date.cells[c] = questionDate("dato", at(dato, c));
      else if (date.error !== undefined) throw date.error;
      if (scen.cells) scen.cells[c] = optionalText("scenario", at(scenario, c));
      else if (scen.error !== undefined) throw scen.error;
    } catch (e) {
      errors[c] =
        e instanceof ArgError ? e : new ArgError("#VALUE!", `intern feil: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  const facts: Record<string, unknown[]> = { alder, tjeneste: tj };
  if (fodselsdato) facts.fodselsdato = fodselsdato;
  if (fg) facts.fritaksgrunn = fg;
  return {
    regel: IDS.egenandel,
    n,
    facts,
    date: date.cells ?? date.value!,
    scenario: scen.cells ?? scen.value ?? null,
    errors,
  };
}

/** Stable rule-file ids the domain functions use (see rules/README.md). */
export const IDS = {
  egenandel: "egenandel",
  egenandelstak: "egenandelstak",
  deflator: "deflator",
  blaresept: "blaresept",
} as const;

/** EGENANDEL / EGENANDEL.GRUNN(alder_eller_fodselsdato, tjeneste, [dato], [fritaksgrunn], [scenario]). */
export function egenandelQuestion(
  person: unknown,
  tjeneste: unknown,
  dato: unknown,
  fritaksgrunn: unknown,
  scenario: unknown,
): Ask {
  const q = egenandelQuestions({
    rows: 1,
    cols: 1,
    n: 1,
    values: [[person], [tjeneste], [dato], [fritaksgrunn], [scenario]],
    errors: [undefined],
  });
  return oneQuestion(q);
}

/** Cell 0 of a call's questions as one question; its argument error is thrown. */
function oneQuestion(q: AskColumns): Ask {
  const e = q.errors[0];
  if (e instanceof ArgError) throw e;
  if (e !== undefined) throw new ArgError("#VALUE!", (e as { message?: string }).message ?? "feil i argumentene");
  const facts: Facts = {};
  for (const k in q.facts) if (q.facts[k][0] !== undefined) facts[k] = q.facts[k][0];
  return {
    regel: q.regel,
    facts,
    date: typeof q.date === "string" ? q.date : q.date[0],
    scenario: Array.isArray(q.scenario) ? q.scenario[0] : q.scenario,
  };
}

/**
 * Rule files whose question is about a year, by the fact that names the year: asked on 1 January of that year
 * (the cap for a year is the one in force on 1 January; a deflator reads its series by year).
 */
const YEAR_FACTS: ReadonlyMap<string, string> = new Map([
  [IDS.egenandelstak, "ar"],
  [IDS.deflator, "til"],
]);

/**
 * The date a question about rule file `regel` is asked on when none is given: 1 January of its year fact
 * where the file has one and the fact plainly is a year, otherwise today (Europe/Oslo). A bad year is left for
 * the core to name.
 */
export function defaultDate(regel: string, facts: Facts): string {
  const yearFact = YEAR_FACTS.get(regel);
  const y = yearFact === undefined ? null : yearOf(facts[yearFact]);
  return y === null ? todayIso() : `${y}-01-01`;
}

/** EGENANDELSTAK.GJENSTAR(ar, betalt, [scenario]): the cap in force for year `ar` is the one on 1 January. */
export function egenandelstakQuestion(ar: unknown, betalt: unknown, scenario: unknown): Ask {
  const facts: Facts = { ar, betalt };
  return {
    regel: IDS.egenandelstak,
    facts,
    date: defaultDate(IDS.egenandelstak, facts),
    scenario: optionalText("scenario", scenario),
  };
}

/** BLARESEPT(pris, [dato], [alder]): the fee for one dispensing (2026) or prescription (2025) on the date. */
export function blareseptQuestion(pris: unknown, dato: unknown, alder: unknown): Ask {
  const facts: Facts = { pris };
  if (!isEmpty(alder)) facts.alder = alder; // the core names a bad age; empty means not a child under 16
  return { regel: IDS.blaresept, facts, date: questionDate("dato", dato), scenario: null };
}

/** DEFLATER(belop, fra, til, [serie]): deflators read their series by year; the date is 1 January of `til`. */
export function deflaterQuestion(belop: unknown, fra: unknown, til: unknown, serie: unknown): Ask {
  const facts: Facts = { belop, fra, til };
  if (!isEmpty(serie)) facts.serie = serie;
  return { regel: IDS.deflator, facts, date: defaultDate(IDS.deflator, facts), scenario: null };
}

/** A question-type budget-post rule file that takes `post` (and maybe `kap`) and outputs a group. */
export function postgroupFile(set: RuleSet): { file: LoadedRuleFile; output: string } | null {
  const preferred = set.files.get("postgruppe");
  for (const f of preferred ? [preferred, ...set.files.values()] : set.files.values()) {
    const file = f.file;
    const output = ["postgruppe", "gruppe"].find((o) => o in file.outputs);
    if (file.domain === "budget-post" && file.appliesTo === "question" && "post" in file.facts && output)
      return { file: f, output };
  }
  return null;
}

/** POSTGRUPPE(post, [kap]). */
export function postgruppeQuestion(set: RuleSet, post: unknown, kap: unknown): Ask {
  const found = postgroupFile(set);
  if (!found)
    throw new ArgError(
      "#N/A",
      "POSTGRUPPE: ingen regelfil i rules/budget-posts/ svarer på postgruppe (forventet domain «budget-post», appliesTo «question», faktum «post», utdata «postgruppe»)",
    );
  const facts: Facts = { post };
  if (!isEmpty(kap)) facts.kap = kap;
  return { regel: found.file.file.id, facts, date: todayIso(), scenario: null };
}

/**
 * REGEL / TILSKUDD / FORKLAR(regel, fakta, [dato], [scenario]) with the facts already parsed. Without a date,
 * the question is asked on the rule file's default date (defaultDate: 1 January of the year for a question
 * about a year, today otherwise).
 */
export function genericQuestion(regel: unknown, facts: Facts, dato: unknown, scenario: unknown): Ask {
  const id = requiredText("regel", regel, "egenandel");
  return {
    regel: id,
    facts,
    date: isEmpty(dato) ? defaultDate(id, facts) : questionDate("dato", dato),
    scenario: optionalText("scenario", scenario),
  };
}

/**
 * The question `budget-rules eval <regel> [--date D] [--scenario S] navn=verdi …` asks: facts and date as
 * typed (the core checks them and names a bad one, as it does for `check --date`), the rule file's default
 * date (defaultDate) when no date is given, as REGEL does for an empty date.
 */
export function commandLineQuestion(
  regel: string,
  facts: Record<string, string>,
  date: string | undefined,
  scenario: string | undefined,
): Ask {
  return { regel, facts, date: date ?? defaultDate(regel, facts), scenario: scenario ?? null };
}

/**
 * The question `=BUDSJETT.<name>(args…)` asks, for literal arguments (numbers, text, dates as ISO text).
 * Throws ArgError with a plain message for a function we do not have or arguments it would reject.
 */
export function questionForCall(set: RuleSet, name: string, args: unknown[]): Ask {
  const a = (i: number) => (i < args.length ? args[i] : null);
  switch (name.toUpperCase()) {
    case "EGENANDEL":
    case "EGENANDEL.GRUNN":
      return egenandelQuestion(a(0), a(1), a(2), a(3), a(4));
    case "EGENANDELSTAK.GJENSTAR":
      return egenandelstakQuestion(a(0), a(1), a(2));
    case "DEFLATER":
      return deflaterQuestion(a(0), a(1), a(2), a(3));
    case "BLARESEPT":
      return blareseptQuestion(a(0), a(1), a(2));
    case "POSTGRUPPE":
      return postgruppeQuestion(set, a(0), a(1));
    case "REGEL":
    case "TILSKUDD":
    case "FORKLAR":
    case "FORKLAR.KORT": {
      const fakta = a(1);
      if (typeof fakta !== "string")
        throw new ArgError(
          "#VALUE!",
          "fakta: sporet kan bare lese fakta skrevet som tekst, f.eks. «alder=17; tjeneste=legevakt»",
        );
      return genericQuestion(a(0), parseFactText(fakta), a(2), a(3));
    }
    default:
      throw new ArgError("#N/A", `BUDSJETT.${name} er ikke en av tilleggets funksjoner`);
  }
}
