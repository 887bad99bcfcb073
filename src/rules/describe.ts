/** What `budget-rules list` shows: each rule file's identity, the facts it expects and the results it returns. */
import type { RuleSet } from "../engine/rule-set";
import { formatProblem } from "../model/problems";

export interface DescribedFact {
  name: string;
  type: string;
  description: string;
  values?: string[];
  optional: boolean;
  unit?: string;
  min?: number;
  max?: number;
}

export function describeRuleFiles(set: RuleSet) {
  const ruleFiles = [...set.files.values()].map((f) => ({
    id: f.file.id,
    title: f.file.title,
    domain: f.file.domain,
    version: f.file.version,
    hash: f.hash,
    path: f.path,
    appliesTo: f.file.appliesTo,
    hitPolicy: f.file.hitPolicy,
    facts: Object.entries(f.file.facts).map(([name, d]): DescribedFact => ({
      name,
      type: d.type,
      description: d.description,
      values: d.values,
      optional: Boolean(d.optional || d.default !== undefined || d.derive),
      unit: d.unit,
      min: d.min,
      max: d.max,
    })),
    parameters: [...f.timelines.values()].map((t) => ({
      name: t.name,
      description: t.description,
      unit: t.unit,
      values: t.entries.map((e) => ({ from: e.from, value: e.value })),
    })),
    outputs: Object.entries(f.file.outputs).map(([name, o]) => ({
      name,
      type: o.type,
      description: o.description,
      unit: o.unit,
    })),
    tests: f.file.tests.length,
  }));
  const scenarios = [...set.scenarios.values()].map((s) => ({
    id: s.scenario.id,
    title: s.scenario.title,
    version: s.scenario.version,
    hash: s.hash,
    path: s.path,
    extends: s.scenario.extends ?? null,
    overrides: [...s.overrides].flatMap(([file, params]) => [...params.keys()].map((p) => `${file}.${p}`)),
  }));
  const broken = set.broken.map((b) => ({ path: b.path, id: b.id ?? null, problems: b.problems.map(formatProblem) }));
  return { ruleFiles, scenarios, broken };
}
