/**
 * What each custom function does, without the JSDoc shell: turn each cell's arguments into a question
 * (questions.ts), answer a call's questions together, pick the output. No rule logic lives here.
 */
import type { LoadedRuleFile } from "../src/engine/compiled-file";
import type { RuleSet } from "../src/engine/rule-set";
import { traceToText } from "../src/trace/text";
import { ArgError } from "../src/questions/arg-error";
import { traceEntity } from "./entity";
import { optionalText } from "../src/questions/args";
import { factGrid, Facts } from "./facts-arg";
import { argColumns, asGrid, guarded, mapGrid, named, toExcelError, toGrid } from "./grid";
import { ruleSet } from "./rule-set";
import { answerColumns, Asker, failWith } from "./run";
import { tracedAnswer } from "../src/questions/answer";
import { field } from "../src/questions/output";
import {
  Ask,
  blareseptQuestion,
  deflaterQuestion,
  egenandelQuestions,
  egenandelstakQuestion,
  genericQuestion,
  IDS,
  postgroupFile,
  postgruppeQuestion,
} from "../src/questions/questions";
import type { ResultRecord } from "../src/model/result";

type Result = ResultRecord | ResultRecord[];

function fileOf(set: RuleSet, id: string): LoadedRuleFile {
  return set.files.get(id)!; // only called after a successful evaluation of `id`
}

/** REGEL / TILSKUDD / FORKLAR share this: any rule file, facts as a table or text. */
function generic(
  regel: unknown,
  fakta: unknown,
  dato: unknown,
  scenario: unknown,
  answer: (set: RuleSet, asker: Asker, q: Ask, extra: unknown) => unknown,
  extra: unknown = null,
): unknown[][] {
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
    const args = named({ regel, fakta: facts, dato, scenario, felt: extra });
    return asker.settle(
      mapGrid(args, ([r, f, d, s, x]) => answer(set, asker, genericQuestion(r, f as Facts, d, s), x)),
    );
  });
}

/** REGEL's answer to a question: the output `felt` names (the file's first when empty), picked once answered. */
function answerField(set: RuleSet, asker: Asker, q: Ask, felt: unknown): unknown {
  const name = optionalText("felt", felt);
  return asker.defer(q, (result) => field(fileOf(set, q.regel), result, name));
}

export function regel(regel: unknown, fakta: unknown, dato: unknown, scenario: unknown, felt: unknown): unknown[][] {
  return generic(regel, fakta, dato, scenario, answerField, felt);
}

/** Like REGEL, restricted to grant rule files so a typo cannot silently answer from another domain. */
export function tilskudd(
  regelId: unknown,
  fakta: unknown,
  dato: unknown,
  scenario: unknown,
  felt: unknown,
): unknown[][] {
  const grantOnly = (set: RuleSet, asker: Asker, q: Ask, f: unknown): unknown => {
    const file = set.files.get(q.regel);
    if (file && file.file.domain !== "grant") {
      const grants = [...set.files.values()].filter((x) => x.file.domain === "grant").map((x) => x.file.id);
      throw new ArgError(
        "#N/A",
        `regel: «${q.regel}» er ikke en tilskuddsregel; tilskuddsregler: ${grants.join(", ") || "(ingen ennå)"}`,
      );
    }
    return answerField(set, asker, q, f);
  };
  return generic(regelId, fakta, dato, scenario, grantOnly, felt);
}

/** FORKLAR (text) and FORKLAR.KORT (entity card): the same traced evaluation. */
export function forklar(
  regelId: unknown,
  fakta: unknown,
  dato: unknown,
  scenario: unknown,
  as: "text" | "entity" = "text",
): unknown[][] {
  return generic(regelId, fakta, dato, scenario, (set, _asker, q) => {
    const o = tracedAnswer(set, q);
    if (!o.ok) failWith(o);
    // Excel cells hold at most 32 767 characters.
    const full = traceToText(o.value.trace!);
    const text = full.length > 32767 ? `${full.slice(0, 32700)}\n… (forkortet; se regelfilen)` : full;
    return as === "text" ? text : traceEntity(o.value.trace!, text);
  });
}

/** EGENANDEL and EGENANDEL.GRUNN: the same question, different output. */
export function egenandel(
  output: "betaler" | "grunn",
  person: unknown,
  tjeneste: unknown,
  dato: unknown,
  fritaksgrunn: unknown,
  scenario: unknown,
): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const args = named({ alder_eller_fodselsdato: person, tjeneste, dato, fritaksgrunn, scenario });
    const pick = (result: Result) => field(fileOf(set, IDS.egenandel), result, output);
    // Ranges go to the core as columns: no question object per cell (see egenandelQuestions).
    const cols = argColumns(args);
    return toGrid(cols.rows, cols.cols, answerColumns(set, egenandelQuestions(cols), pick));
  });
}

/** A cell-by-cell function: one question per broadcast cell, answered in one batch, one output field picked. */
function askEach(
  ruleId: string,
  output: string,
  args: Array<{ name: string; value: unknown }>,
  question: (cells: unknown[]) => Ask,
): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const asker = new Asker(set);
    const pick = (result: Result) => field(fileOf(set, ruleId), result, output);
    return asker.settle(mapGrid(args, (cells) => asker.defer(question(cells), pick)));
  });
}

export function egenandelstakGjenstar(ar: unknown, betalt: unknown, scenario: unknown): unknown[][] {
  return askEach(IDS.egenandelstak, "gjenstar", named({ ar, betalt, scenario }), (cells) =>
    egenandelstakQuestion(...(cells as [unknown, unknown, unknown])),
  );
}

export function deflater(belop: unknown, fra: unknown, til: unknown, serie: unknown): unknown[][] {
  return askEach(IDS.deflator, "belop", named({ belop, fra, til, serie }), (cells) =>
    deflaterQuestion(...(cells as [unknown, unknown, unknown, unknown])),
  );
}

export function blaresept(pris: unknown, dato: unknown, alder: unknown): unknown[][] {
  return askEach(IDS.blaresept, "egenandel", named({ pris, dato, alder }), (cells) =>
    blareseptQuestion(...(cells as [unknown, unknown, unknown])),
  );
}

export function postgruppe(post: unknown, kap: unknown): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const asker = new Asker(set);
    const found = postgroupFile(set); // without one, postgruppeQuestion gives every cell the reason
    const pick = (result: Result) => field(found!.file, result, found!.output);
    return asker.settle(mapGrid(named({ post, kap }), ([p, k]) => asker.defer(postgruppeQuestion(set, p, k), pick)));
  });
}
