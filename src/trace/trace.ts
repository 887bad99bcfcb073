/** The provenance every result carries: enough for an auditor to reproduce the figure by hand. */
import type { Citation, Scalar } from "../rules/schema";
import type { ConditionTrace } from "../engine/conditions";
import type { DerivedFact, FactValues } from "../engine/facts";
import type { UsedParameter } from "../engine/parameters";

export interface RuleFileRef { id: string; title: string; domain: string; version: string; hash: string; path: string }
export interface ScenarioRef { id: string; title: string; version: string; hash: string }

export interface RuleTrace {
  name: string;
  description?: string;
  priority: number;
  fired: boolean;
  conditions: ConditionTrace;
  source: string;
}

export interface FormulaTrace {
  name: string;
  expr: string;
  inputs: Record<string, string>;
  value: string;
  round?: number;
  /** Parameter entries read through helpers such as kjede(), year by year. */
  series?: UsedParameter[];
}

export interface Trace {
  ruleFile: RuleFileRef;
  scenario: ScenarioRef | null;
  date: string;
  engine: "compiled" | "json-rules-engine";
  facts: FactValues;
  derivedFacts: DerivedFact[];
  parameters: UsedParameter[];
  hitPolicy: "unique" | "first" | "collect";
  rules: RuleTrace[];
  /** Names of the rules whose results were used, or ["otherwise"]. */
  selected: string[];
  formulas: FormulaTrace[];
  result: ResultValue;
  sources: Array<Citation & { key: string }>;
  interpretations: Array<{ question: string; decision: string; sources: string[] }>;
}

export type ResultRecord = Record<string, Scalar>;
export type ResultValue = ResultRecord | ResultRecord[];
