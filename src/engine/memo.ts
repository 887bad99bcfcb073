/**
 * What is worked out once per loaded rule file and kept exactly as long as the file is loaded: one slot per
 * concept, filled on first use. It hangs on the LoadedRuleFile (`loaded.memo`), so replacing the rule set
 * drops it with the files; there is no module-level cache to clear. Every slot is derived only from the file
 * itself (and, where keyed, a scenario id of the set the file was loaded with), except the parameter states
 * inside `parameters`, which are kept per question date (bounded there). docs/architecture.md, "Memos",
 * lists every memo of the project.
 */
import type { Engine } from "json-rules-engine";
import type { ScenarioParameters } from "./context";
import type { CompiledBatch } from "./batch";

export class FileMemo {
  /**
   * Parameters under a scenario, by scenario id ("" = the proposal): timelines with the scenario's overrides
   * applied, and in turn the parameters in force per date (each state with its fact-free results). context.ts
   */
  readonly parameters = new Map<string, ScenarioParameters>();
  /** Compiled batches (the costly part of a range call), by scenario id ("" = the proposal). questions/answer.ts */
  readonly batches = new Map<string, CompiledBatch>();
  /** Per rule (CompiledRule) or «otherwise»: true when its formulas and the file's read no fact. results.ts */
  readonly readsNoFact = new Map<object, boolean>();
  /** The json-rules-engine instance of the reference path. reference.ts */
  referenceEngine?: Engine;
  /** Facts whose spreadsheet numbers become text for the core (date, string, enum), with their types. questions/core-facts.ts */
  textualFacts?: Map<string, string>;
  /** Output names in file order: the first is a cell's default output. questions/output.ts */
  outputNames?: string[];
}
