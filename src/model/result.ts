/** The provenance every result carries: enough for an auditor to reproduce the figure by hand. */
import type { Citation, Scalar } from "./schema";
import type { IsoDate } from "../util/dates";

/**
 * The types every result and trace is made of, shared by engine (which builds them), trace (which renders them)
 * and rules (which checks them): one module below all three so they never import each other for a type.
 */
export type FactValue = Scalar | null;
export type FactValues = Record<string, FactValue>;
export interface DerivedFact {
  name: string;
  value: FactValue;
  from: string;
  how: string;
}

export interface UsedParameter {
  name: string;
  value: Scalar;
  from: IsoDate;
  source: string;
  scenario?: string;
  note?: string;
}

export interface ConditionTrace {
  kind: "all" | "any" | "not" | "fact";
  result: boolean;
  children?: ConditionTrace[];
  fact?: string;
  operator?: string;
  /** The value compared against (a fact reference resolved to its value). */
  value?: unknown;
  valueFrom?: string;
  factValue?: unknown;
  description?: string;
}

export interface RuleFileRef {
  id: string;
  title: string;
  domain: string;
  version: string;
  hash: string;
  path: string;
}
export interface ScenarioRef {
  id: string;
  title: string;
  version: string;
  hash: string;
}

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
