/**
 * Loads rule files and scenarios from their texts (the Node folder reader and the browser bundle
 * both feed it). Reports every problem at once with file, JSON path and what was expected; a broken
 * file is kept in `broken`, never silently dropped, and the rest still load.
 */
import { z } from "zod";
import { ruleFileSchema, scenarioSchema, RuleFile, Scenario } from "../model/schema";
import { JsonParse, parseJsonText } from "./json-text";
import { formatPath, LoadProblem } from "../model/problems";
import { semanticProblems } from "./semantic-checks";
import { compileRuleFile, LoadedRuleFile } from "../engine/compiled-file";
import { contentHash } from "./content-hash";
import type { BrokenFile, LoadedScenario, RuleSet, ScenarioOverride } from "../engine/rule-set";

/** A rule file's text; `parsed` when it was already parsed (YAML: by rule-source.ts or at build time). */
export interface SourceText {
  path: string;
  text: string;
  parsed?: JsonParse;
}

/** Rule files are JSON or YAML (`.yaml`/`.yml`), told apart by the file name. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

const UNPARSED_YAML: JsonParse = {
  ok: false,
  message: "YAML-teksten er ikke lest: bruk ruleSource() (src/rules/rule-source.ts)",
};

const MAX_JSON_DEPTH = 64;

function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_JSON_DEPTH) return d;
    if (v && typeof v === "object") for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Removes (in place, iteratively) every forbidden key from freshly parsed JSON and returns their JSON paths. */
function stripForbiddenKeys(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (!v || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
      continue;
    }
    for (const key of Object.keys(v)) {
      const p = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        found.push(p);
        delete (v as Record<string, unknown>)[key];
        continue;
      }
      stack.push([(v as Record<string, unknown>)[key], p]);
    }
  }
  return found.sort();
}

function zodProblems(
  file: string,
  error: z.ZodError,
  input: unknown,
  positions?: Record<string, [number, number]>,
): LoadProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: formatPath(issue.path),
    message: describeIssue(issue, valueAt(input, issue.path)),
    ...positionOf(positions, formatPath(issue.path)),
  }));
}

/** Line and column of a path (or its nearest ancestor that has one) where the reader recorded them (YAML). */
function positionOf(
  positions: Record<string, [number, number]> | undefined,
  path: string,
): { line?: number; column?: number } {
  if (!positions) return {};
  for (let p = path; p; p = p.replace(/(\[\d+\]|\.?[^.[]+)$/, "")) {
    const at = positions[p];
    if (at) return { line: at[0], column: at[1] };
  }
  return {};
}

/** The input value at a zod issue path (zod 4 does not put it on the issue unless asked); undefined if absent. */
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, key as string))
      return undefined;
    v = (v as Record<string, unknown>)[key as string];
  }
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `ukjent nøkkel ${issue.keys.map((k) => `«${k}»`).join(", ")} (skrivefeil? ukjente nøkler er ikke tillatt)`;
    case "invalid_type":
      return input === undefined
        ? `mangler (påkrevd ${norskType(issue.expected)})`
        : `forventet ${norskType(issue.expected)}, fikk ${typeName(input)}`;
    case "invalid_value":
      return `forventet en av ${issue.values.map((v) => `«${String(v)}»`).join(", ")}`;
    case "invalid_union":
      return input === undefined
        ? "mangler (påkrevd)"
        : "verdien passer ikke til noen av de tillatte formene (se rules/README.md)";
    case "invalid_key":
      return `ugyldig navn «${String(issue.path[issue.path.length - 1] ?? "")}»: ${issue.issues.map((i) => i.message).join("; ")}`;
    default:
      return issue.message;
  }
}

function norskType(t: string): string {
  return (
    (
      { string: "tekst", number: "tall", boolean: "true/false", object: "objekt", array: "liste" } as Record<
        string,
        string
      >
    )[t] ?? t
  );
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "liste";
  return norskType(typeof v);
}

type Parsed<T> =
  | { ok: true; value: T; hash: string; positions?: Record<string, [number, number]> }
  | { ok: false; problems: LoadProblem[]; id?: string };

function parseWith<T>(src: SourceText, schema: z.ZodType<T>): Parsed<T> {
  const json = src.parsed ?? (isYamlPath(src.path) ? UNPARSED_YAML : parseJsonText(src.text));
  if (!json.ok)
    return {
      ok: false,
      problems: [{ file: src.path, path: "", message: json.message, line: json.line, column: json.column }],
    };
  const id = typeof (json.value as { id?: unknown })?.id === "string" ? (json.value as { id: string }).id : undefined;
  const depth = jsonDepth(json.value);
  if (depth > MAX_JSON_DEPTH)
    return {
      ok: false,
      id,
      problems: [
        { file: src.path, path: "", message: `strukturen er nøstet for dypt (mer enn ${MAX_JSON_DEPTH} nivåer)` },
      ],
    };
  // Keys JSON.parse keeps silently (a duplicate overrides the first) or that reach Object.prototype are errors.
  const early: LoadProblem[] = (json.duplicateKeys ?? []).map((d) => ({
    file: src.path,
    path: d.path ? `${d.path}.${d.key}` : d.key,
    message: `nøkkelen «${d.key}» står to ganger i samme objekt (den siste ville stille overstyrt den første)`,
    line: d.line,
    column: d.column,
  }));
  early.push(
    ...stripForbiddenKeys(json.value).map((path) => ({
      file: src.path,
      path,
      message: "nøkkelen er ikke tillatt («__proto__», «constructor» og «prototype» er reserverte navn i JavaScript)",
    })),
  );
  const parsed = schema.safeParse(json.value);
  if (!parsed.success)
    return { ok: false, id, problems: [...early, ...zodProblems(src.path, parsed.error, json.value, json.positions)] };
  if (early.length) return { ok: false, id, problems: early };
  return { ok: true, value: parsed.data, hash: contentHash(json.value), positions: json.positions };
}

export function isScenarioPath(path: string): boolean {
  return /(^|[\\/])scenarios[\\/]/.test(path);
}

export function loadRuleSet(sources: SourceText[]): RuleSet {
  const set: RuleSet = { files: new Map(), scenarios: new Map(), broken: [], problems: [] };
  const breakFile = (b: BrokenFile) => {
    set.broken.push(b);
    set.problems.push(...b.problems);
  };
  const seen = new Map<string, string>();
  const pendingScenarios: Array<{ src: SourceText; scenario: Scenario; hash: string }> = [];

  for (const src of [...sources].sort((a, b) => a.path.localeCompare(b.path))) {
    if (isScenarioPath(src.path)) {
      const p = parseWith(src, scenarioSchema);
      if (!p.ok) {
        breakFile({ path: src.path, id: p.id, problems: p.problems });
        continue;
      }
      pendingScenarios.push({ src, scenario: p.value, hash: p.hash });
      continue;
    }
    const p = parseWith<RuleFile>(src, ruleFileSchema as unknown as z.ZodType<RuleFile>);
    if (!p.ok) {
      breakFile({ path: src.path, id: p.id, problems: p.problems });
      continue;
    }
    const file = p.value;
    const problems: LoadProblem[] = semanticProblems(file).map((x) => ({
      file: src.path,
      ...x,
      ...positionOf(p.positions, x.path),
    }));
    const earlier = seen.get(file.id);
    if (earlier)
      problems.push({
        file: src.path,
        path: "id",
        message: `id «${file.id}» er allerede brukt i ${earlier}`,
        ...positionOf(p.positions, "id"),
      });
    let loaded: LoadedRuleFile | undefined;
    if (problems.length === 0) {
      loaded = compileRuleFile(file, src.path, p.hash, (path, e) =>
        problems.push({ file: src.path, path, message: e.message, ...positionOf(p.positions, path) }),
      );
    }
    if (problems.length > 0 || !loaded) {
      breakFile({ path: src.path, id: file.id, problems });
      continue;
    }
    seen.set(file.id, src.path);
    set.files.set(file.id, loaded);
  }
  resolveScenarios(set, pendingScenarios, breakFile);
  return set;
}

function resolveScenarios(
  set: RuleSet,
  pending: Array<{ src: SourceText; scenario: Scenario; hash: string }>,
  breakFile: (b: BrokenFile) => void,
): void {
  const byId = new Map<string, (typeof pending)[number]>();
  for (const p of pending) {
    if (byId.has(p.scenario.id) || set.files.has(p.scenario.id)) {
      breakFile({
        path: p.src.path,
        id: p.scenario.id,
        problems: [{ file: p.src.path, path: "id", message: `id «${p.scenario.id}» er allerede brukt` }],
      });
      continue;
    }
    byId.set(p.scenario.id, p);
  }
  for (const p of byId.values()) {
    const problems: LoadProblem[] = [];
    const chain: Array<(typeof pending)[number]> = [];
    for (
      let cur: (typeof pending)[number] | undefined = p;
      cur;
      cur = cur.scenario.extends ? byId.get(cur.scenario.extends) : undefined
    ) {
      if (chain.includes(cur)) {
        problems.push({
          file: p.src.path,
          path: "extends",
          message: `sirkulær arv mellom scenarioer: ${[...chain, cur].map((c) => c.scenario.id).join(" → ")}`,
        });
        break;
      }
      chain.push(cur);
      if (cur.scenario.extends && !byId.has(cur.scenario.extends)) {
        problems.push({
          file: p.src.path,
          path: "extends",
          message: `scenarioet «${cur.scenario.extends}» finnes ikke`,
        });
      }
    }
    const overrides = new Map<string, Map<string, ScenarioOverride>>();
    const citations = {};
    // Apply from the root ancestor to this scenario so the most specific override wins.
    for (const c of [...chain].reverse()) {
      Object.assign(citations, c.scenario.sources);
      c.scenario.overrides.forEach((o, i) => {
        const path = `overrides[${i}]`;
        const target = set.files.get(o.ruleFile);
        if (c === p) {
          if (!target) {
            problems.push({
              file: p.src.path,
              path: `${path}.ruleFile`,
              message: `regelfilen «${o.ruleFile}» finnes ikke (eller kunne ikke lastes)`,
            });
            return;
          }
          if (!target.timelines.has(o.parameter)) {
            problems.push({
              file: p.src.path,
              path: `${path}.parameter`,
              message: `regelfilen «${o.ruleFile}» har ingen parameter «${o.parameter}» (parametere: ${[...target.timelines.keys()].join(", ")})`,
            });
            return;
          }
          if (!Object.prototype.hasOwnProperty.call(c.scenario.sources, o.source))
            problems.push({ file: p.src.path, path: `${path}.source`, message: `ukjent kilde «${o.source}»` });
          for (let k = 1; k < o.values.length; k++)
            if (!(o.values[k - 1].from < o.values[k].from))
              problems.push({
                file: p.src.path,
                path: `${path}.values[${k}].from`,
                message: "datoene må stå i stigende rekkefølge",
              });
          const baseType = typeof target.timelines.get(o.parameter)!.entries[0].value;
          o.values.forEach((v, k) => {
            if (typeof v.value !== baseType)
              problems.push({
                file: p.src.path,
                path: `${path}.values[${k}].value`,
                message: `forventet ${baseType === "number" ? "et tall" : baseType}, som parameteren ellers har`,
              });
          });
        }
        if (!target || !target.timelines.has(o.parameter)) return;
        if (!overrides.has(o.ruleFile)) overrides.set(o.ruleFile, new Map());
        overrides.get(o.ruleFile)!.set(o.parameter, { entries: o.values, source: o.source, note: o.note });
      });
    }
    if (problems.length > 0) {
      breakFile({ path: p.src.path, id: p.scenario.id, problems });
      continue;
    }
    const loaded: LoadedScenario = { path: p.src.path, hash: p.hash, scenario: p.scenario, overrides, citations };
    set.scenarios.set(p.scenario.id, loaded);
  }
}
