/**
 * Random rule files from the schema, for the differential test (issue 12.1): every hit policy,
 * rule-error events («feil»), priorities, optional and defaulted facts, a derived age, every fact type,
 * dated parameters (conditions compare with them, formulas read them; `until` and `continues`), formulas that do and do not read
 * facts, outputs of the wrong type or missing (bad-output), with and without «otherwise», and a scenario
 * per file that overrides a parameter from a date. Every generated file must load: the test says so.
 */
import { rng } from "./fact-generators";

const SEED_FILE = "003_82c1b6682bf832eb.txt";
const POLICIES = ["unique", "first", "collect"] as const;

export interface RandomRuleFiles {
  texts: Array<{ path: string; text: string }>;
  ids: string[];
  policies: Record<string, string>;
  feilFiles: number;
}

type Json = Record<string, unknown>;

export function randomRuleFiles(count: number, seed: number): RandomRuleFiles {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const texts: Array<{ path: string; text: string }> = [];
  const ids: string[] = [];
  const policies: Record<string, string> = {};
  let feilFiles = 0;
  for (let n = 0; n < count; n++) {
    const id = `tilfeldig-${n}`;
    const policy = POLICIES[n % 3];
    const facts: Json = {
      alder: { type: "integer", description: "alder", min: 0, max: 120, derive: { ageFrom: "fodt" } },
      fodt: { type: "date", description: "fødselsdato", optional: true },
      art: { type: "enum", description: "art", values: ["a", "b", "c"], ...(r() < 0.3 ? { default: "b" } : {}) },
      belop: { type: "number", description: "beløp", optional: r() < 0.5, min: -1000, max: 1000000 },
      eksakt: { type: "decimal", description: "eksakt beløp", optional: true },
      flagg: { type: "boolean", description: "flagg", ...(r() < 0.5 ? { default: false } : { optional: true }) },
      kode: { type: "string", description: "kode", optional: true },
      frist: { type: "date", description: "frist", optional: true },
    };
    // Each file declares some of the optional kinds of fact, so that many questions are well-formed.
    for (const name of ["eksakt", "flagg", "kode", "frist"]) if (r() < 0.5) delete facts[name];
    const formulaFacts = ["belop", "eksakt", "alder"].filter((f) => f in facts);
    const grenseValues = [{ from: "2024-01-01", value: int(10, 30) }];
    if (r() < 0.7) grenseValues.push({ from: "2026-01-01", value: int(10, 40) });
    if (r() < 0.5) grenseValues.push({ from: "2026-08-01", value: int(10, 40) });
    // Last values that end (a declared `until`, or the budget year's end) or continue (a standing rule).
    const ends = (): Json =>
      pick([{}, {}, { until: pick(["2026-09-30", "2026-12-31", "2027-12-31"]) }, { continues: { source: "kilde" } }]);
    const parameters: Json = {
      grense: { description: "aldersgrense", source: "kilde", values: grenseValues, ...ends() },
      sats: {
        description: "sats",
        source: "kilde",
        values: [
          { from: "2025-01-01", value: pick([0.5, 1.25, 3]) },
          { from: "2026-01-01", value: pick([0.1, 2, 7.5]) },
        ],
        ...ends(),
      },
      vekst: {
        description: "vekst",
        source: "kilde",
        values: [
          { from: "2024-01-01", value: 0.041 },
          { from: "2026-01-01", value: pick([0.02, 0.035]) },
        ],
      },
    };
    // Half the files compare only enums, integers, numbers, booleans, text and parameters: those get decision tables.
    const tableFriendly = n % 2 === 0;
    const leaf = (): Json => {
      for (;;) {
        const l = leafAny();
        if (l.fact === "dato" || l.fact === "grense" || (l.fact as string) in facts) return l;
      }
    };
    const leafAny = (): Json =>
      pick<() => Json>([
        () => ({
          fact: "alder",
          operator: pick(["lessThan", "greaterThanInclusive", "equal"]),
          value: r() < 0.5 ? { fact: "grense" } : int(0, 70),
        }),
        () => ({ fact: "alder", operator: "inRange", value: [int(0, 20), int(20, 80)] }),
        () => ({ fact: "art", operator: pick(["equal", "notEqual"]), value: pick(["a", "b", "c"]) }),
        () => ({ fact: "art", operator: pick(["in", "notIn"]), value: ["a", pick(["b", "c"])] }),
        () => ({ fact: "belop", operator: pick(["greaterThan", "lessThanInclusive"]), value: pick([0, 100, 5000]) }),
        () =>
          tableFriendly
            ? { fact: "belop", operator: "lessThan", value: { fact: "grense" } }
            : { fact: "eksakt", operator: "lessThan", value: 10.5 },
        () => ({ fact: "flagg", operator: "equal", value: r() < 0.5 }),
        () =>
          r() < 0.5
            ? { fact: "kode", operator: "equal", value: "x1" }
            : { fact: "kode", operator: "in", value: ["x1", "y2"] },
        () =>
          tableFriendly
            ? { fact: "flagg", operator: "notEqual", value: true }
            : { fact: "frist", operator: pick(["dateBefore", "dateOnOrAfter"]), value: "2026-08-01" },
        () => ({
          fact: "dato",
          operator: pick(["dateOnOrAfter", "dateBefore"]),
          value: pick(["2026-01-01", "2026-08-01"]),
        }),
        () => ({ fact: "grense", operator: "greaterThan", value: 20 }),
      ])();
    const node = (depth: number): Json => {
      if (depth > 0 && r() < 0.3) return { not: node(depth - 1) };
      if (depth > 0 && r() < 0.3)
        return { [pick(["all", "any"])]: Array.from({ length: int(1, 3) }, () => node(depth - 1)) };
      return leaf();
    };
    const outputs: Json = {
      navn: { type: "string", description: "navn" },
      verdi: { type: "decimal", description: "verdi" },
      ja: { type: "boolean", description: "ja" },
    };
    const formulaFor = (): string =>
      pick([
        "sats * 2",
        'kjede("vekst", 2024, 2026)',
        "grense + 1",
        ...formulaFacts.map((f) => pick([`${f} * sats`, `round(${f} * (1 + vekst), 2)`, `max(${f}, 0) / 3`])),
      ]);
    // A third of the files key their rules on code facts (equal/in against constants at the top of an
    // `all`, sometimes left out), so the rule index (src/engine/rule-index.ts) is built over one fact or several.
    const keyed = n % 3 === 1;
    const key = (): Json[] => {
      const out: Json[] = [];
      if (r() < 0.8)
        out.push(
          r() < 0.5
            ? { fact: "art", operator: "equal", value: pick(["a", "b", "c"]) }
            : { fact: "art", operator: "in", value: ["a", pick(["b", "c"])] },
        );
      if ("kode" in facts && r() < 0.7)
        out.push(
          r() < 0.5
            ? { fact: "kode", operator: "equal", value: pick(["x1", "y2"]) }
            : { fact: "kode", operator: "in", value: ["x1", pick(["y2", "z3"])] },
        );
      if ("flagg" in facts && r() < 0.4) out.push({ fact: "flagg", operator: "equal", value: r() < 0.5 });
      return out;
    };
    const rules: Json[] = [];
    let hasFeil = false;
    for (let i = 0, k = int(2, 6); i < k; i++) {
      const conditions = keyed
        ? { all: [...key(), ...Array.from({ length: int(0, 2) }, () => node(2))] }
        : { [pick(["all", "any"])]: Array.from({ length: int(1, 3) }, () => node(2)) };
      const rule: Json = { name: `regel-${i}`, source: "kilde", conditions };
      if (r() < 0.4) rule.priority = int(1, 3);
      if (policy !== "collect" && r() < 0.25) {
        rule.event = { type: "feil", params: { melding: `kildene sier ikke noe om tilfelle ${i}` } };
        hasFeil = true;
      } else {
        const params: Json = { navn: `r${i}` };
        if (r() < 0.1) params.navn = 7; // wrong type: bad-output
        if (r() < 0.1)
          params.ja = "ja"; // wrong type: bad-output
        else if (r() < 0.9) params.ja = r() < 0.5;
        if (r() < 0.5) rule.formulas = { verdi: formulaFor() };
        else if (r() < 0.9) params.verdi = pick([1, "2.50", 0.1]);
        rule.event = { type: pick(["treff", "fritatt"]), params };
      }
      rules.push(rule);
    }
    if (hasFeil) feilFiles++;
    const file: Json = {
      id,
      title: `Tilfeldig regelfil ${n}`,
      domain: "grant",
      version: "1.0.0",
      sources: { kilde: { document: "Prop. 1 S (2025–2026) HOD", section: "2.9", seed: SEED_FILE, lines: [611, 613] } },
      facts,
      parameters,
      hitPolicy: policy,
      rules,
      outputs,
      tests: [
        {
          name: "en test",
          date: "2026-08-01",
          facts: { alder: 17, art: "a" },
          expect: { error: "x" },
          source: "kilde",
        },
      ],
    };
    if (policy !== "collect" && r() < 0.6)
      file.otherwise = { params: { navn: "ingen", ja: false }, formulas: { verdi: formulaFor() }, source: "kilde" };
    if (r() < 0.4) file.formulas = { verdi: "sats + 1" };
    texts.push({ path: `rules/grants/${id}.json`, text: JSON.stringify(file, null, 1) });
    texts.push({
      path: `rules/scenarios/${id}-scenario.json`,
      text: JSON.stringify({
        id: `${id}-scenario`,
        title: `Scenario for ${id}`,
        version: "1.0.0",
        sources: { s: { document: "Legeforeningen", section: "1", seed: "000_88e1edb7d4a470cd.txt", lines: [1, 2] } },
        overrides: [
          { ruleFile: id, parameter: "grense", values: [{ from: "2026-03-01", value: int(15, 25) }], source: "s" },
        ],
      }),
    });
    ids.push(id);
    policies[id] = policy;
  }
  return { texts, ids, policies, feilFiles };
}
