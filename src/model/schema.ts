/**
 * The rule-file format, defined once. Everything a rule author can write is here; unknown keys are
 * errors (strict objects) so a typo never silently does nothing. Documented for authors in rules/README.md.
 */
import { z } from "zod";
import { isIsoDate } from "../util/dates";

export const DOMAINS = ["budget-post", "user-fee", "deflator", "grant"] as const;
export type Domain = (typeof DOMAINS)[number];

/** Names every JavaScript object already has (toString, constructor, __proto__ …): as fact or parameter names they would read inherited values. */
const OBJECT_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);
const identifier = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "forventet et navn av bokstaver, siffer og _ (ikke æøå), f.eks. «alder»")
  .refine((s) => !OBJECT_NAMES.has(s), {
    message: "navnet er reservert i JavaScript (f.eks. «constructor», «toString», «__proto__»); velg et annet navn",
  });
const ruleFileId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "forventet id med små bokstaver, siffer og bindestrek, f.eks. «egenandel»");
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: "forventet en gyldig dato på formen ÅÅÅÅ-MM-DD (f.eks. 2026-08-01)" });
const scalar = z.union([z.string(), z.number().refine(Number.isFinite, "forventet et endelig tall"), z.boolean()]);
export type Scalar = z.infer<typeof scalar>;

/** Where a figure or condition comes from: seed file, section, line range (and optional page and quote). */
export const citationSchema = z.strictObject({
  document: z.string().min(3),
  section: z.string().min(1),
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, "forventet et seed-filnavn som «003_82c1b6682bf832eb.txt»"),
  lines: z
    .tuple([z.number().int().positive(), z.number().int().positive()])
    .refine(([a, b]) => a <= b, "første linje må være ≤ siste linje"),
  page: z.string().optional(),
  quote: z.string().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

const sourceRef = z.string().min(1);

export const FACT_TYPES = ["integer", "number", "decimal", "boolean", "string", "enum", "date"] as const;
export const factDeclSchema = z
  .strictObject({
    type: z.enum(FACT_TYPES),
    description: z.string().min(1),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    values: z.array(z.string().min(1)).min(1).optional(),
    optional: z.boolean().optional(),
    default: scalar.optional(),
    /** Derive this fact when it is not given: `ageOn` computes whole years from a date fact at the question date. */
    derive: z.strictObject({ ageFrom: identifier }).optional(),
  })
  .refine((f) => f.type !== "enum" || (f.values && f.values.length > 0), {
    message: "type «enum» krever «values»",
    path: ["values"],
  });
export type FactDecl = z.infer<typeof factDeclSchema>;

export const parameterEntrySchema = z.strictObject({
  from: isoDate,
  value: scalar,
  source: sourceRef.optional(),
  note: z.string().optional(),
  /** A value the cited text does not print but implies: how it is derived (e.g. «1,85 % = 3,2 % − 1,35 %, Tabell 2.1»). */
  derived: z.string().min(10).optional(),
});
export type ParameterEntry = z.infer<typeof parameterEntrySchema>;

/** The budget year the rule files describe (Prop. 1 S 2025–2026): a parameter's last value holds to its end unless `until` says otherwise. */
export const BUDGET_YEAR = 2026;

export const parameterSchema = z
  .strictObject({
    description: z.string().min(1),
    unit: z.string().optional(),
    source: sourceRef,
    values: z.array(parameterEntrySchema).min(1),
    /** Last day the last value is known to hold (default: 31 December of the budget year, or of the last entry's year). */
    until: isoDate.optional(),
    /** A standing rule (e.g. a regulation) whose last value holds until changed: the source that says so. */
    continues: z.strictObject({ source: sourceRef, note: z.string().optional() }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.until !== undefined && p.continues !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["until"],
        message:
          "«until» og «continues» kan ikke stå sammen: enten slutter verdien en dato, eller den gjelder til den endres",
      });
    if (p.until !== undefined && p.values.length > 0 && p.until < p.values[p.values.length - 1].from)
      ctx.addIssue({
        code: "custom",
        path: ["until"],
        message: "«until» må være på eller etter den siste verdiens «from»",
      });
    for (let i = 1; i < p.values.length; i++) {
      if (!(p.values[i - 1].from < p.values[i].from)) {
        ctx.addIssue({
          code: "custom",
          path: ["values", i, "from"],
          message: "datoene i «values» må stå i stigende rekkefølge uten duplikater",
        });
      }
    }
  });
export type Parameter = z.infer<typeof parameterSchema>;

/** json-rules-engine operators plus our date and range operators. `path` is deliberately absent. */
export const OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "dateBefore",
  "dateOnOrBefore",
  "dateAfter",
  "dateOnOrAfter",
  "inRange",
] as const;
export type Operator = (typeof OPERATORS)[number];

const factRef = z.strictObject({ fact: identifier });
export const leafConditionSchema = z.strictObject({
  fact: identifier,
  operator: z.enum(OPERATORS),
  value: z.union([scalar, z.array(scalar), factRef]),
  description: z.string().optional(),
});
export type LeafCondition = z.infer<typeof leafConditionSchema>;
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
    leafConditionSchema,
  ]),
);
export const topConditionSchema = z.union([
  z.strictObject({ all: z.array(conditionSchema) }),
  z.strictObject({ any: z.array(conditionSchema) }),
  z.strictObject({ not: conditionSchema }),
]);
export type TopCondition = z.infer<typeof topConditionSchema>;

/** A formula is a mathjs expression; with `round` its value is rounded half away from zero to that many decimals. */
export const formulaSchema = z.union([
  z.string().min(1),
  z.strictObject({
    expr: z.string().min(1),
    round: z.number().int().min(0).max(12).optional(),
    description: z.string().optional(),
  }),
]);
export type FormulaDecl = z.infer<typeof formulaSchema>;

export const ruleSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "forventet regelnavn med små bokstaver, siffer og bindestrek"),
  description: z.string().optional(),
  priority: z.number().int().min(1).max(1000).optional(),
  conditions: topConditionSchema,
  event: z.strictObject({ type: z.string().min(1), params: z.record(identifier, scalar).optional() }),
  formulas: z.record(identifier, formulaSchema).optional(),
  source: sourceRef,
});
export type Rule = z.infer<typeof ruleSchema>;

export const OUTPUT_TYPES = ["boolean", "string", "integer", "number", "decimal"] as const;
export const outputSchema = z.strictObject({
  type: z.enum(OUTPUT_TYPES),
  description: z.string().min(1),
  unit: z.string().optional(),
});

export const testSchema = z.strictObject({
  name: z.string().min(1),
  date: isoDate.optional(),
  scenario: ruleFileId.optional(),
  facts: z.record(identifier, scalar),
  /** One result's fields, an error message part, or (collect files) exactly these hits in rule order. */
  expect: z.union([
    z.strictObject({ error: z.string().min(1) }),
    z.strictObject({ hits: z.array(z.record(identifier, scalar)) }),
    z.record(identifier, scalar),
  ]),
  source: sourceRef,
});
export type RuleTest = z.infer<typeof testSchema>;

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: ruleFileId,
  title: z.string().min(3),
  domain: z.enum(DOMAINS),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "forventet versjon på formen 1.0.0"),
  description: z.string().optional(),
  /** `question` answers one set of facts; `post` and `chapter` are budget checks run per sheet row / chapter. */
  appliesTo: z.enum(["question", "post", "chapter"]).default("question"),
  sources: z.record(sourceRef, citationSchema),
  facts: z.record(identifier, factDeclSchema),
  parameters: z.record(identifier, parameterSchema).default({}),
  hitPolicy: z.enum(["unique", "first", "collect"]).default("unique"),
  rules: z.array(ruleSchema).min(1),
  /** The result when no rule fires (unique/first). Without it, "no rule fired" is an error, never a guess. */
  otherwise: z
    .strictObject({
      params: z.record(identifier, scalar),
      formulas: z.record(identifier, formulaSchema).optional(),
      source: sourceRef,
    })
    .optional(),
  formulas: z.record(identifier, formulaSchema).default({}),
  outputs: z.record(identifier, outputSchema),
  /** Interpretation decisions where sources differ in wording (e.g. «til og med 25 år» vs «inntil fylte 26 år»). */
  interpretations: z
    .array(z.strictObject({ question: z.string(), decision: z.string(), sources: z.array(sourceRef).min(1) }))
    .default([]),
  tests: z.array(testSchema).min(1, "hver regelfil må ha minst én innebygd test"),
});
export type RuleFileInput = z.input<typeof ruleFileSchema>;
export type RuleFile = z.infer<typeof ruleFileSchema>;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: ruleFileId,
  title: z.string().min(3),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "forventet versjon på formen 1.0.0"),
  description: z.string().optional(),
  extends: ruleFileId.optional(),
  sources: z.record(sourceRef, citationSchema),
  overrides: z
    .array(
      z.strictObject({
        ruleFile: ruleFileId,
        parameter: identifier,
        values: z.array(parameterEntrySchema).min(1),
        source: sourceRef,
        note: z.string().optional(),
      }),
    )
    .min(1),
});
export type Scenario = z.infer<typeof scenarioSchema>;
