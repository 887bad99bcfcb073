/**
 * How each custom function turns one cell's arguments into a question for the core. The functions
 * use these per cell; the task pane uses `questionForCall` to trace a cell's =BUDSJETT.*(…) formula,
 * so a traced figure is always the answer to the very question the function asked.
 */
import type { LoadedRuleFile } from "../src/engine/compiled-file";
import type { RuleSet } from "../src/rules/rule-set";
import { todayIso } from "../src/util/today";
import { ArgError } from "./arg-error";
import { isEmpty, optionalText, questionDate, requiredText, yearOf } from "./args";
import { Facts, parseFactText } from "./facts-arg";
import { personFacts } from "./person";

export interface Ask { regel: string; facts: Record<string, unknown>; date: string; scenario: string | null }

/** Stable rule-file ids the domain functions use (see rules/README.md). */
export const IDS = { egenandel: "egenandel", egenandelstak: "egenandelstak", deflator: "deflator", blaresept: "blaresept" } as const;

/** EGENANDEL / EGENANDEL.GRUNN(alder_eller_fodselsdato, tjeneste, [dato], [fritaksgrunn], [scenario]). */
export function egenandelQuestion(person: unknown, tjeneste: unknown, dato: unknown, fritaksgrunn: unknown, scenario: unknown): Ask {
  const facts: Facts = personFacts(person);
  facts.tjeneste = tjeneste;
  if (!isEmpty(fritaksgrunn)) facts.fritaksgrunn = fritaksgrunn;
  return { regel: IDS.egenandel, facts, date: questionDate("dato", dato), scenario: optionalText("scenario", scenario) };
}

/** EGENANDELSTAK.GJENSTAR(ar, betalt, [scenario]): the cap in force for year `ar` is the one on 1 January. */
export function egenandelstakQuestion(ar: unknown, betalt: unknown, scenario: unknown): Ask {
  const y = yearOf(ar); // a bad year is left for the core to name
  return { regel: IDS.egenandelstak, facts: { ar, betalt }, date: y === null ? todayIso() : `${y}-01-01`, scenario: optionalText("scenario", scenario) };
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
  const y = yearOf(til);
  return { regel: IDS.deflator, facts, date: y === null ? todayIso() : `${y}-01-01`, scenario: null };
}

/** A question-type budget-post rule file that takes `post` (and maybe `kap`) and outputs a group. */
export function postgroupFile(set: RuleSet): { file: LoadedRuleFile; output: string } | null {
  const preferred = set.files.get("postgruppe");
  for (const f of preferred ? [preferred, ...set.files.values()] : set.files.values()) {
    const file = f.file;
    const output = ["postgruppe", "gruppe"].find((o) => o in file.outputs);
    if (file.domain === "budget-post" && file.appliesTo === "question" && "post" in file.facts && output) return { file: f, output };
  }
  return null;
}

/** POSTGRUPPE(post, [kap]). */
export function postgruppeQuestion(set: RuleSet, post: unknown, kap: unknown): Ask {
  const found = postgroupFile(set);
  if (!found) throw new ArgError("#N/A", "POSTGRUPPE: ingen regelfil i rules/budget-posts/ svarer på postgruppe (forventet domain «budget-post», appliesTo «question», faktum «post», utdata «postgruppe»)");
  const facts: Facts = { post };
  if (!isEmpty(kap)) facts.kap = kap;
  return { regel: found.file.file.id, facts, date: todayIso(), scenario: null };
}

/** REGEL / TILSKUDD / FORKLAR(regel, fakta, [dato], [scenario]) with the facts already parsed. */
export function genericQuestion(regel: unknown, facts: Facts, dato: unknown, scenario: unknown): Ask {
  return { regel: requiredText("regel", regel, "egenandel"), facts, date: questionDate("dato", dato), scenario: optionalText("scenario", scenario) };
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
      if (typeof fakta !== "string") throw new ArgError("#VALUE!", "fakta: sporet kan bare lese fakta skrevet som tekst, f.eks. «alder=17; tjeneste=legevakt»");
      return genericQuestion(a(0), parseFactText(fakta), a(2), a(3));
    }
    default:
      throw new ArgError("#N/A", `BUDSJETT.${name} er ikke en av tilleggets funksjoner`);
  }
}
