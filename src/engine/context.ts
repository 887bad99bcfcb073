/**
 * The evaluation context shared by both paths: normalised facts, parameters in force on the date
 * (under a scenario, if any), and the condition environment. The parameters in force are worked out once
 * per rule file, scenario and date, and kept in the file's memo (ScenarioParameters in FileMemo.parameters).
 */
import type { LoadedRuleFile } from "./compiled-file";
import type { LoadedScenario, RuleSet } from "./rule-set";
import type { Scalar } from "../model/schema";
import type { ResultRecord } from "../model/result";
import { checkQuestionDate, DerivedFact, FactValues } from "./facts";
import { entryAtOrNull, noValueMessage, overlay, Timeline, UsedParameter } from "./parameters";
import { EvalFailure, fail } from "./errors";
import { closest } from "../util/closest";
import { Env, writeFacts, writeParameters } from "./slots";

export interface Question {
  facts: Record<string, unknown>;
  date: unknown;
  scenario?: string | null;
}

/**
 * Parameters in force on a date under a scenario. One with no entry yet is `missing`: an error only where it
 * is read. A state is made once per rule file, scenario and date (ScenarioParameters.at) and shared by every
 * question on that date, so it also carries what depends on nothing else.
 */
export interface ParameterState {
  values: Record<string, Scalar>;
  /** The same parameters with their dates and sources, in the order of `values` (traces list these). */
  used: UsedParameter[];
  timelines: Map<string, Timeline>;
  missing: Map<string, string>;
  /**
   * Memo: results of the file's rules (or «otherwise») whose formulas read no fact, computed once for this
   * state and shared (frozen); an error is kept as the value. Keyed by the CompiledRule or the file's
   * `otherwise`. Filled by results.ts.
   */
  factFreeResults: Map<object, ResultRecord | EvalFailure>;
  /** Memo: the values as one text (decision tables are shared between dates with equal values), made on first use. */
  valuesKey?: string;
}

export interface Context {
  loaded: LoadedRuleFile;
  scenario: LoadedScenario | null;
  date: string;
  facts: FactValues;
  derived: DerivedFact[];
  params: ParameterState;
  /** Facts and parameters by name, as conditions see them (decimal facts as numbers). */
  env: Env;
}

export function findRuleFile(set: RuleSet, id: string): LoadedRuleFile {
  const loaded = set.files.get(id);
  if (loaded) return loaded;
  const broken = set.broken.find((b) => b.id === id);
  if (broken) {
    throw new EvalFailure({
      code: "broken-rule-file",
      message: `regelfilen «${id}» (${broken.path}) kunne ikke lastes: ${broken.problems[0]?.message ?? "ukjent feil"}`,
      field: "regel",
    });
  }
  const suggestions = closest(id, [...set.files.keys()]);
  throw new EvalFailure({
    code: "unknown-rule-file",
    message: `ukjent regelfil «${id}»${suggestions.length ? `; mente du ${suggestions.map((s) => `«${s}»`).join(" eller ")}?` : ""}`,
    field: "regel",
    suggestions,
  });
}

export function findScenario(set: RuleSet, id: string | null | undefined): LoadedScenario | null {
  if (id === undefined || id === null || id === "") return null;
  const s = set.scenarios.get(id);
  if (s) return s;
  const suggestions = closest(id, [...set.scenarios.keys()]);
  throw new EvalFailure({
    code: "unknown-scenario",
    message: `ukjent scenario «${id}»${suggestions.length ? `; mente du «${suggestions[0]}»?` : ""}`,
    field: "scenario",
    suggestions,
  });
}

/**
 * One rule file's parameters under one scenario: the timelines with the scenario's overrides applied, and
 * the parameters in force per question date. Made once per file and scenario and kept in the file's memo
 * (FileMemo.parameters), so it goes when the rule set is replaced.
 */
export class ScenarioParameters {
  /**
   * Memo: parameter states by ISO date. A question may name any of some 110 000 days, so past 4 096 dates
   * it starts over (a state is cheap to rebuild; holders of an old state keep it).
   */
  private readonly states = new Map<string, ParameterState>();

  constructor(readonly timelines: Map<string, Timeline>) {}

  /** The parameters in force on `date` (ISO). */
  at(date: string): ParameterState {
    const hit = this.states.get(date);
    if (hit) return hit;
    const values: Record<string, Scalar> = {};
    const used: UsedParameter[] = [];
    const missing = new Map<string, string>();
    for (const [name, t] of this.timelines) {
      const u = entryAtOrNull(t, date);
      if (u === null) {
        missing.set(name, noValueMessage(t, date));
        continue;
      }
      values[name] = u.value;
      used.push(u);
    }
    const state: ParameterState = { values, used, timelines: this.timelines, missing, factFreeResults: new Map() };
    if (this.states.size >= 4096) this.states.clear();
    this.states.set(date, state);
    return state;
  }
}

/** The file's parameters under `scenario` (null: the proposal), from the file's memo. */
export function parametersUnder(loaded: LoadedRuleFile, scenario: LoadedScenario | null): ScenarioParameters {
  const byScenario = loaded.memo.parameters;
  const key = scenario?.scenario.id ?? "";
  let params = byScenario.get(key);
  if (params) return params;
  const timelines = new Map(loaded.timelines);
  const overrides = scenario?.overrides.get(loaded.file.id);
  if (scenario && overrides) {
    for (const [name, o] of overrides) {
      const base = timelines.get(name);
      if (base) timelines.set(name, overlay(base, o.entries, scenario.scenario.id, o.source));
    }
  }
  byScenario.set(key, (params = new ScenarioParameters(timelines)));
  return params;
}

export function timelinesFor(loaded: LoadedRuleFile, scenario: LoadedScenario | null): Map<string, Timeline> {
  return parametersUnder(loaded, scenario).timelines;
}

export function parametersAt(params: ScenarioParameters, date: string): ParameterState {
  return params.at(date);
}

/** A question's environment: every slot a condition reads, in the file's slot order (slots.ts). */
export function buildEnv(loaded: LoadedRuleFile, facts: FactValues, params: ParameterState, date: string): Env {
  const slots = loaded.slots;
  const env: Env = new Array(slots.names.length);
  writeParameters(slots, params.values, date, env);
  writeFacts(
    slots,
    loaded.facts.names.map((n) => facts[n]),
    env,
  );
  return env;
}

/** Every condition is evaluated, so a parameter a condition reads must have a value on the date. */
export function requireConditionParameters(loaded: LoadedRuleFile, params: ParameterState): void {
  if (params.missing.size === 0) return;
  for (const name of loaded.conditionParameters) {
    const message = params.missing.get(name);
    if (message !== undefined) fail("no-parameter-value", message, name);
  }
}

export function prepare(set: RuleSet, id: string, q: Question): Context {
  const loaded = findRuleFile(set, id);
  const scenario = findScenario(set, q.scenario);
  const date = checkQuestionDate(q.date);
  if (q.facts === null || typeof q.facts !== "object") fail("bad-fact", "fakta: forventet navn=verdi-par");
  const derived: DerivedFact[] = [];
  const facts = loaded.facts.normalize(q.facts, date, derived);
  const params = parametersUnder(loaded, scenario).at(date);
  requireConditionParameters(loaded, params);
  return { loaded, scenario, date, facts, derived, params, env: buildEnv(loaded, facts, params, date) };
}
