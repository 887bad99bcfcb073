/** A loaded folder of rule files and scenarios, with the files that failed to load kept visible. */
import type { Scenario, ParameterEntry, Citation } from "../model/schema";
import type { LoadedRuleFile } from "./compiled-file";
import type { LoadProblem } from "../model/problems";

export interface ScenarioOverride {
  entries: ParameterEntry[];
  source: string;
  note?: string;
}

export interface LoadedScenario {
  path: string;
  hash: string;
  scenario: Scenario;
  /** Overrides of this scenario and every scenario it extends (its own win), by rule-file id then parameter. */
  overrides: Map<string, Map<string, ScenarioOverride>>;
  citations: Record<string, Citation>;
}

export interface BrokenFile {
  path: string;
  id?: string;
  problems: LoadProblem[];
}

export interface RuleSet {
  files: Map<string, LoadedRuleFile>;
  scenarios: Map<string, LoadedScenario>;
  broken: BrokenFile[];
  problems: LoadProblem[];
}
