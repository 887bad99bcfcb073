/**
 * What each custom function does, without the JSDoc shell: convert arguments, ask the core once
 * per distinct question, pick the output. No rule logic lives here; ids and output names do.
 */
import { evaluate } from "../src/engine/evaluate";
import type { LoadedRuleFile } from "../src/engine/compiled-file";
import type { RuleSet } from "../src/rules/rule-set";
import { traceToText } from "../src/trace/text";
import { todayIso } from "../src/util/today";
import { ArgError } from "./arg-error";
import { traceEntity } from "./entity";
import { isEmpty, optionalText, questionDate, requiredText, yearOf } from "./args";
import { factGrid, Facts } from "./facts-arg";
import { asGrid, guarded, mapGrid, toExcelError } from "./grid";
import { personFacts } from "./person";
import { ruleSet } from "./rule-set";
import { Asker, coreFacts, failWith, field } from "./run";
import type { ResultRecord } from "../src/trace/trace";

type Result = ResultRecord | ResultRecord[];

/** Stable rule-file ids the domain functions use (see rules/README.md). */
export const IDS = { egenandel: "egenandel", egenandelstak: "egenandelstak", deflator: "deflator" } as const;

function fileOf(set: RuleSet, id: string): LoadedRuleFile {
  return set.files.get(id)!; // only called after a successful evaluation of `id`
}

/** REGEL / TILSKUDD / FORKLAR share this: any rule file, facts as a table or text. */
function generic(regel: unknown, fakta: unknown, dato: unknown, scenario: unknown, answer: (set: RuleSet, asker: Asker, id: string, facts: Facts, date: string, sc: string | null, extra: unknown) => unknown, extra: unknown = null): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const asker = new Asker(set);
    const first = asGrid(regel)[0][0];
    const names = typeof first === "string" ? set.files.get(first.trim())?.facts.names : undefined;
    let facts;
    try {
      facts = factGrid(fakta, names ? new Set(names) : null);
    } catch (e) {
      return [[toExcelError(e)]];
    }
    const args = [
      { name: "regel", value: regel },
      { name: "fakta", value: facts },
      { name: "dato", value: dato },
      { name: "scenario", value: scenario },
      { name: "felt", value: extra },
    ];
    return asker.settle(mapGrid(args, ([r, f, d, s, x]) => {
      const id = requiredText("regel", r, "egenandel");
      return answer(set, asker, id, f as Facts, questionDate("dato", d), optionalText("scenario", s), x);
    }));
  });
}

export function regel(regel: unknown, fakta: unknown, dato: unknown, scenario: unknown, felt: unknown): unknown[][] {
  return generic(regel, fakta, dato, scenario, (set, asker, id, facts, date, sc, f) => {
    return asker.defer({ regel: id, facts, date, scenario: sc }, (result) => field(fileOf(set, id), result, optionalText("felt", f)));
  }, felt);
}

/** Like REGEL, restricted to grant rule files so a typo cannot silently answer from another domain. */
export function tilskudd(regelId: unknown, fakta: unknown, dato: unknown, scenario: unknown, felt: unknown): unknown[][] {
  return generic(regelId, fakta, dato, scenario, (set, asker, id, facts, date, sc, f) => {
    const file = set.files.get(id);
    if (file && file.file.domain !== "grant") {
      const grants = [...set.files.values()].filter((x) => x.file.domain === "grant").map((x) => x.file.id);
      throw new ArgError("#N/A", `regel: «${id}» er ikke en tilskuddsregel; tilskuddsregler: ${grants.join(", ") || "(ingen ennå)"}`);
    }
    return asker.defer({ regel: id, facts, date, scenario: sc }, (result) => field(fileOf(set, id), result, optionalText("felt", f)));
  }, felt);
}

/** FORKLAR (text) and FORKLAR.KORT (entity card): the same traced evaluation. */
export function forklar(regelId: unknown, fakta: unknown, dato: unknown, scenario: unknown, as: "text" | "entity" = "text"): unknown[][] {
  return generic(regelId, fakta, dato, scenario, (set, _asker, id, facts, date, sc) => {
    const o = evaluate(set, id, { facts: coreFacts(set.files.get(id), facts), date, scenario: sc }, { trace: true });
    if (!o.ok) failWith(o);
    // Excel cells hold at most 32 767 characters.
    const full = traceToText(o.value.trace!);
    const text = full.length > 32767 ? `${full.slice(0, 32700)}\n… (forkortet; se regelfilen)` : full;
    return as === "text" ? text : traceEntity(o.value.trace!, text);
  });
}

/** EGENANDEL and EGENANDEL.GRUNN: the same question, different output. */
export function egenandel(output: "betaler" | "grunn", person: unknown, tjeneste: unknown, dato: unknown, fritaksgrunn: unknown, scenario: unknown): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const asker = new Asker(set);
    const args = [
      { name: "alder_eller_fodselsdato", value: person },
      { name: "tjeneste", value: tjeneste },
      { name: "dato", value: dato },
      { name: "fritaksgrunn", value: fritaksgrunn },
      { name: "scenario", value: scenario },
    ];
    const pick = (result: Result) => field(fileOf(set, IDS.egenandel), result, output);
    return asker.settle(mapGrid(args, ([p, t, d, f, s]) => {
      const facts: Facts = personFacts(p);
      facts.tjeneste = t;
      if (!isEmpty(f)) facts.fritaksgrunn = f;
      return asker.defer({ regel: IDS.egenandel, facts, date: questionDate("dato", d), scenario: optionalText("scenario", s) }, pick);
    }));
  });
}

export function egenandelstakGjenstar(ar: unknown, betalt: unknown, scenario: unknown): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const asker = new Asker(set);
    const args = [{ name: "ar", value: ar }, { name: "betalt", value: betalt }, { name: "scenario", value: scenario }];
    return asker.settle(mapGrid(args, ([a, b, s]) => {
      // The cap in force for year `ar` is the one on 1 January; a bad year is left for the core to name.
      const y = yearOf(a);
      const date = y === null ? todayIso() : `${y}-01-01`;
      return asker.defer({ regel: IDS.egenandelstak, facts: { ar: a, betalt: b }, date, scenario: optionalText("scenario", s) }, (result) => field(fileOf(set, IDS.egenandelstak), result, "gjenstar"));
    }));
  });
}

export function deflater(belop: unknown, fra: unknown, til: unknown, serie: unknown): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const asker = new Asker(set);
    const args = [{ name: "belop", value: belop }, { name: "fra", value: fra }, { name: "til", value: til }, { name: "serie", value: serie }];
    return asker.settle(mapGrid(args, ([b, f, t, s]) => {
      const facts: Facts = { belop: b, fra: f, til: t };
      if (!isEmpty(s)) facts.serie = s;
      // Deflators read their series by year; the question date is 1 January of the target year.
      const y = yearOf(t);
      return asker.defer({ regel: IDS.deflator, facts, date: y === null ? todayIso() : `${y}-01-01`, scenario: null }, (result) => field(fileOf(set, IDS.deflator), result, "belop"));
    }));
  });
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

export function postgruppe(post: unknown, kap: unknown): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const found = postgroupFile(set);
    if (!found) {
      throw new ArgError("#N/A", "POSTGRUPPE: ingen regelfil i rules/budget-posts/ svarer på postgruppe ennå (forventet domain «budget-post», appliesTo «question», faktum «post», utdata «postgruppe»)");
    }
    const asker = new Asker(set);
    const id = found.file.file.id;
    return asker.settle(mapGrid([{ name: "post", value: post }, { name: "kap", value: kap }], ([p, k]) => {
      const facts: Facts = { post: p };
      if (!isEmpty(k)) facts.kap = k;
      return asker.defer({ regel: id, facts, date: todayIso(), scenario: null }, (result) => field(found.file, result, found.output));
    }));
  });
}
