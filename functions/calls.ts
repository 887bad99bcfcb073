/**
 * What each custom function does, without the JSDoc shell: turn each cell's arguments into a question
 * (questions.ts), answer a call's questions together, pick the output. No rule logic lives here.
 */
import { evaluate } from "../src/engine/evaluate";
import type { LoadedRuleFile } from "../src/engine/compiled-file";
import type { RuleSet } from "../src/engine/rule-set";
import { traceToText } from "../src/trace/text";
import { ArgError } from "../src/questions/arg-error";
import { traceEntity } from "./entity";
import { optionalText } from "../src/questions/args";
import { factGrid, Facts } from "./facts-arg";
import { argColumns, asGrid, guarded, mapGrid, toExcelError, toGrid } from "./grid";
import { ruleSet } from "./rule-set";
import { answerColumns, Asker, failWith } from "./run";
import { coreFacts } from "../src/questions/core-facts";
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
    const args = [
      { name: "regel", value: regel },
      { name: "fakta", value: facts },
      { name: "dato", value: dato },
      { name: "scenario", value: scenario },
      { name: "felt", value: extra },
    ];
    return asker.settle(
      mapGrid(args, ([r, f, d, s, x]) => answer(set, asker, genericQuestion(r, f as Facts, d, s), x)),
    );
  });
}

export function regel(regel: unknown, fakta: unknown, dato: unknown, scenario: unknown, felt: unknown): unknown[][] {
  return generic(
    regel,
    fakta,
    dato,
    scenario,
    (set, asker, q, f) => {
      const felt = optionalText("felt", f);
      return asker.defer(q, (result) => field(fileOf(set, q.regel), result, felt));
    },
    felt,
  );
}

/** Like REGEL, restricted to grant rule files so a typo cannot silently answer from another domain. */
export function tilskudd(
  regelId: unknown,
  fakta: unknown,
  dato: unknown,
  scenario: unknown,
  felt: unknown,
): unknown[][] {
  return generic(
    regelId,
    fakta,
    dato,
    scenario,
    (set, asker, q, f) => {
      const file = set.files.get(q.regel);
      if (file && file.file.domain !== "grant") {
        const grants = [...set.files.values()].filter((x) => x.file.domain === "grant").map((x) => x.file.id);
        throw new ArgError(
          "#N/A",
          `regel: «${q.regel}» er ikke en tilskuddsregel; tilskuddsregler: ${grants.join(", ") || "(ingen ennå)"}`,
        );
      }
      const felt = optionalText("felt", f);
      return asker.defer(q, (result) => field(fileOf(set, q.regel), result, felt));
    },
    felt,
  );
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
    const o = evaluate(
      set,
      q.regel,
      { facts: coreFacts(set.files.get(q.regel), q.facts), date: q.date, scenario: q.scenario },
      { trace: true },
    );
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
    const args = [
      { name: "alder_eller_fodselsdato", value: person },
      { name: "tjeneste", value: tjeneste },
      { name: "dato", value: dato },
      { name: "fritaksgrunn", value: fritaksgrunn },
      { name: "scenario", value: scenario },
    ];
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
  return askEach(
    IDS.egenandelstak,
    "gjenstar",
    [
      { name: "ar", value: ar },
      { name: "betalt", value: betalt },
      { name: "scenario", value: scenario },
    ],
    (cells) => egenandelstakQuestion(...(cells as [unknown, unknown, unknown])),
  );
}

export function deflater(belop: unknown, fra: unknown, til: unknown, serie: unknown): unknown[][] {
  return askEach(
    IDS.deflator,
    "belop",
    [
      { name: "belop", value: belop },
      { name: "fra", value: fra },
      { name: "til", value: til },
      { name: "serie", value: serie },
    ],
    (cells) => deflaterQuestion(...(cells as [unknown, unknown, unknown, unknown])),
  );
}

export function blaresept(pris: unknown, dato: unknown, alder: unknown): unknown[][] {
  return askEach(
    IDS.blaresept,
    "egenandel",
    [
      { name: "pris", value: pris },
      { name: "dato", value: dato },
      { name: "alder", value: alder },
    ],
    (cells) => blareseptQuestion(...(cells as [unknown, unknown, unknown])),
  );
}

export function postgruppe(post: unknown, kap: unknown): unknown[][] {
  return guarded(() => {
    const set = ruleSet();
    const asker = new Asker(set);
    const found = postgroupFile(set); // without one, postgruppeQuestion gives every cell the reason
    const pick = (result: Result) => field(found!.file, result, found!.output);
    return asker.settle(
      mapGrid(
        [
          { name: "post", value: post },
          { name: "kap", value: kap },
        ],
        ([p, k]) => asker.defer(postgruppeQuestion(set, p, k), pick),
      ),
    );
  });
}
