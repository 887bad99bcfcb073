/**
 * What is worked out once per loaded rule file and kept exactly as long as the file is loaded: one slot per
 * concept, filled on first use. It hangs on the LoadedRuleFile (`loaded.memo`), so replacing the rule set
 * drops it with the files; there is no module-level cache to bound or clear. Every slot is derived only from
 * the file itself (and, where keyed, a scenario id of the set the file was loaded with), never from a question.
 */
import type { Engine } from "json-rules-engine";
import type { Timeline } from "./parameters";
import type { CompiledBatch } from "./batch";

export class FileMemo {
  /** Parameter timelines with a scenario's overrides applied, by scenario id ("" = the proposal). context.ts */
  readonly timelines = new Map<string, Map<string, Timeline>>();
  /** Compiled batches (the costly part of a range call), by scenario id ("" = the proposal). functions/run.ts */
  readonly batches = new Map<string, CompiledBatch>();
  /** Fact names and which are decimal facts (conditions see decimals as numbers). context.ts */
  factKinds?: { names: string[]; decimal: boolean[] };
  /** The json-rules-engine instance of the reference path. reference.ts */
  referenceEngine?: Engine;
  /** Facts whose spreadsheet numbers become text for the core (date, string, enum), with their types. questions/core-facts.ts */
  textualFacts?: Map<string, string>;
  /** Output names in file order: the first is a cell's default output. questions/output.ts */
  outputNames?: string[];
}
