/**
 * Checks zod cannot express: every name a rule uses is declared, operators suit the fact types,
 * citations exist, tests speak of declared facts and outputs. Each problem carries its JSON path.
 */
import type { RuleFile, LeafCondition } from "../model/schema";
import { conditionDepth, leaves } from "../engine/conditions";

export interface PathProblem {
  path: string;
  message: string;
}

const DATE_OPS = new Set(["dateBefore", "dateOnOrBefore", "dateAfter", "dateOnOrAfter"]);
const NUMERIC_OPS = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "inRange"]);
export const MAX_CONDITION_DEPTH = 16;
const RESERVED = new Set(["dato", "regel", "kjede"]);

export function semanticProblems(file: RuleFile): PathProblem[] {
  const problems: PathProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const sourceKeys = new Set(Object.keys(file.sources));
  const checkSource = (path: string, key: string | undefined) => {
    if (key !== undefined && !sourceKeys.has(key))
      add(path, `ukjent kilde «${key}»; kildene i filen er ${[...sourceKeys].join(", ") || "ingen"}`);
  };
  const facts = file.facts;
  const params = file.parameters;
  for (const name of Object.keys(facts)) {
    if (RESERVED.has(name)) add(`facts.${name}`, `«${name}» er et reservert navn`);
    if (name in params) add(`parameters.${name}`, `«${name}» er både et faktum og en parameter`);
    const d = facts[name];
    if (d.derive && facts[d.derive.ageFrom]?.type !== "date")
      add(`facts.${name}.derive.ageFrom`, `«${d.derive.ageFrom}» må være et faktum av type date`);
    if (d.default !== undefined && d.type === "enum" && !d.values?.includes(String(d.default)))
      add(`facts.${name}.default`, `standardverdien «${d.default}» er ikke blant ${d.values?.join(", ")}`);
  }
  for (const name of Object.keys(params)) {
    if (RESERVED.has(name)) add(`parameters.${name}`, `«${name}» er et reservert navn`);
    checkSource(`parameters.${name}.source`, params[name].source);
    params[name].values.forEach((v, i) => checkSource(`parameters.${name}.values[${i}].source`, v.source));
    checkSource(`parameters.${name}.continues.source`, params[name].continues?.source);
  }
  const typeOf = (name: string): string | undefined => {
    if (name === "dato") return "date";
    if (facts[name]) return facts[name].type;
    if (params[name]) {
      const v = params[name].values[0].value;
      return typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "string";
    }
    return undefined;
  };
  const checkLeaf = (path: string, leaf: LeafCondition) => {
    const t = typeOf(leaf.fact);
    if (t === undefined) {
      add(`${path}.fact`, `ukjent faktum eller parameter «${leaf.fact}»`);
      return;
    }
    const v = leaf.value;
    if (typeof v === "object" && v !== null && !Array.isArray(v) && typeOf(v.fact) === undefined)
      add(`${path}.value.fact`, `ukjent faktum eller parameter «${v.fact}»`);
    if (DATE_OPS.has(leaf.operator) && t !== "date")
      add(`${path}.operator`, `«${leaf.operator}» gjelder datoer, men «${leaf.fact}» er ${t}`);
    if (NUMERIC_OPS.has(leaf.operator) && !["integer", "number", "decimal"].includes(t))
      add(`${path}.operator`, `«${leaf.operator}» gjelder tall, men «${leaf.fact}» er ${t}`);
    if ((leaf.operator === "in" || leaf.operator === "notIn") && !Array.isArray(v))
      add(`${path}.value`, `«${leaf.operator}» krever en liste av verdier`);
    if (
      leaf.operator === "inRange" &&
      !(
        Array.isArray(v) &&
        v.length === 2 &&
        v.every((x) => typeof x === "number") &&
        (v[0] as number) <= (v[1] as number)
      )
    ) {
      add(`${path}.value`, "«inRange» krever [fra, til] med fra ≤ til");
    }
    const enumValues = t === "enum" ? (facts[leaf.fact].values ?? []) : null;
    if (enumValues) {
      for (const x of Array.isArray(v) ? v : typeof v === "object" && v !== null ? [] : [v]) {
        if (!enumValues.includes(String(x)))
          add(
            `${path}.value`,
            `«${String(x)}» er ikke en gyldig verdi for ${leaf.fact} (gyldige: ${enumValues.join(", ")})`,
          );
      }
    }
  };
  const outputNames = new Set(Object.keys(file.outputs));
  const names = new Set<string>();
  file.rules.forEach((rule, i) => {
    const base = `rules[${i}]`;
    if (names.has(rule.name)) add(`${base}.name`, `regelnavnet «${rule.name}» er brukt to ganger`);
    names.add(rule.name);
    checkSource(`${base}.source`, rule.source);
    const depth = conditionDepth(rule.conditions);
    if (depth > MAX_CONDITION_DEPTH)
      add(`${base}.conditions`, `betingelsene er nøstet for dypt (${depth} nivåer, maks ${MAX_CONDITION_DEPTH})`);
    else walkLeaves(rule.conditions as never, `${base}.conditions`, checkLeaf);
    if (rule.event.type === "feil") {
      if (typeof rule.event.params?.melding !== "string")
        add(`${base}.event.params.melding`, "en regel med hendelsestype «feil» må ha en «melding» (tekst)");
      if (file.hitPolicy === "collect")
        add(`${base}.event.type`, "hendelsestype «feil» gir ikke mening med treffpolicy «collect»");
      return;
    }
    for (const k of [...Object.keys(rule.event.params ?? {}), ...Object.keys(rule.formulas ?? {})]) {
      if (!outputNames.has(k)) add(`${base}.event.params.${k}`, `«${k}» er ikke deklarert under «outputs»`);
    }
  });
  if (file.otherwise) checkSource("otherwise.source", file.otherwise.source);
  if (file.otherwise && file.hitPolicy === "collect")
    add("otherwise", "«otherwise» gir ikke mening med treffpolicy «collect»");
  file.interpretations.forEach((x, i) =>
    x.sources.forEach((s, j) => checkSource(`interpretations[${i}].sources[${j}]`, s)),
  );
  file.tests.forEach((t, i) => {
    checkSource(`tests[${i}].source`, t.source);
    for (const k of Object.keys(t.facts)) if (!facts[k]) add(`tests[${i}].facts.${k}`, `ukjent faktum «${k}»`);
    const expected =
      "hits" in t.expect && Array.isArray(t.expect.hits) ? t.expect.hits : "error" in t.expect ? [] : [t.expect];
    if ("hits" in t.expect && file.hitPolicy !== "collect")
      add(`tests[${i}].expect.hits`, "«hits» gjelder bare regelfiler med treffpolicy «collect»");
    expected.forEach((e, h) => {
      for (const k of Object.keys(e))
        if (!outputNames.has(k) && k !== "regel")
          add(
            `tests[${i}].expect${"hits" in t.expect ? `.hits[${h}]` : ""}.${k}`,
            `«${k}» er ikke deklarert under «outputs»`,
          );
    });
  });
  return problems;
}

type Node = { all?: Node[]; any?: Node[]; not?: Node } & Partial<LeafCondition>;

function walkLeaves(c: Node, path: string, visit: (path: string, leaf: LeafCondition) => void): void {
  if (c.all) c.all.forEach((x, i) => walkLeaves(x, `${path}.all[${i}]`, visit));
  else if (c.any) c.any.forEach((x, i) => walkLeaves(x, `${path}.any[${i}]`, visit));
  else if (c.not) walkLeaves(c.not, `${path}.not`, visit);
  else visit(path, c as LeafCondition);
}

export { leaves };
