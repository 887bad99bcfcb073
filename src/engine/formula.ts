/**
 * Formulas in rule files: parsed once at load with the restricted mathjs instance, checked against a
 * whitelist of node types, names and functions, then compiled. Evaluation is exact (BigNumber).
 */
import type { MathNode } from "mathjs";
import { FORMULA_FUNCTIONS, math, Decimal } from "./decimal";

/** Built-in helpers of ours that formulas may call, with the arity they take. */
export const HELPER_FUNCTIONS: Record<string, { minArgs: number; maxArgs: number; firstArgIsParameterName: boolean }> = {
  /** kjede("param", fra, til): product of (1 + param at 1 January of each year fra+1..til); inverse when til < fra. */
  kjede: { minArgs: 3, maxArgs: 3, firstArgIsParameterName: true },
};

export interface CompiledFormula {
  expr: string;
  round?: number;
  /** Names of facts/parameters/outputs the formula reads. */
  inputs: string[];
  /** Parameters referenced by name inside helper calls (e.g. kjede). */
  seriesParameters: string[];
  evaluate(scope: Record<string, unknown>): unknown;
}

export class FormulaError extends Error {}

const MAX_FORMULA_LENGTH = 2000;

/**
 * Parse and check a formula. `known` are the names it may read; `parameters` the names usable as
 * helper series. Throws FormulaError with a plain message naming the offending part.
 */
export function compileFormula(expr: string, known: Set<string>, parameters: Set<string>, round?: number): CompiledFormula {
  if (expr.length > MAX_FORMULA_LENGTH) throw new FormulaError(`formelen er for lang (${expr.length} tegn, maks ${MAX_FORMULA_LENGTH})`);
  // Bracket nesting is checked before parsing: mathjs's recursive parser would overflow the stack first.
  let open = 0;
  let maxOpen = 0;
  for (const ch of expr) {
    if (ch === "(" || ch === "[" || ch === "{") maxOpen = Math.max(maxOpen, ++open);
    else if (ch === ")" || ch === "]" || ch === "}") open--;
  }
  if (maxOpen > 64) throw new FormulaError(`formelen er nøstet for dypt (${maxOpen} parentesnivåer, maks 64)`);
  let root: MathNode;
  try {
    root = math.parse(expr);
  } catch (e) {
    throw new FormulaError(`formelen kan ikke leses: ${(e as Error).message}`);
  }
  const inputs = new Set<string>();
  const series = new Set<string>();
  const problems: string[] = [];
  let depth = 0;
  const visit = (node: MathNode, level: number, parent: MathNode | null): void => {
    depth = Math.max(depth, level);
    switch (node.type) {
      case "ConstantNode": {
        const value = (node as unknown as { value: unknown }).value;
        const callee = parent?.type === "FunctionNode" ? (parent as unknown as { fn: { name?: string }; args: MathNode[] }) : null;
        const isHelperArg = callee !== null && callee.args[0] === node && typeof callee.fn.name === "string" &&
          Object.prototype.hasOwnProperty.call(HELPER_FUNCTIONS, callee.fn.name) && HELPER_FUNCTIONS[callee.fn.name].firstArgIsParameterName;
        if (typeof value === "string" && !isHelperArg) problems.push(`tekstkonstanten «${value}» er ikke tillatt her`);
        break;
      }
      case "SymbolNode": {
        const name = (node as unknown as { name: string }).name;
        const isCallee = parent?.type === "FunctionNode" && (parent as unknown as { fn: MathNode }).fn === node;
        if (isCallee) break;
        if (name === "true" || name === "false") break;
        if (!known.has(name)) problems.push(`ukjent navn «${name}» (kjente navn: ${[...known].sort().join(", ") || "ingen"})`);
        else inputs.add(name);
        break;
      }
      case "FunctionNode": {
        const fn = (node as unknown as { fn: MathNode; args: MathNode[] }).fn;
        const args = (node as unknown as { args: MathNode[] }).args;
        const name = fn.type === "SymbolNode" ? (fn as unknown as { name: string }).name : null;
        if (name === null) { problems.push("bare navngitte funksjoner kan kalles"); break; }
        const helper = Object.prototype.hasOwnProperty.call(HELPER_FUNCTIONS, name) ? HELPER_FUNCTIONS[name] : undefined;
        if (helper) {
          if (args.length < helper.minArgs || args.length > helper.maxArgs) problems.push(`${name}() tar ${helper.minArgs} argumenter, fikk ${args.length}`);
          const first = args[0] as unknown as { type: string; value: unknown };
          if (helper.firstArgIsParameterName) {
            if (first?.type !== "ConstantNode" || typeof first.value !== "string") problems.push(`${name}() skal ha parameternavnet i anførselstegn som første argument`);
            else if (!parameters.has(first.value)) problems.push(`${name}(): ukjent parameter «${first.value}»`);
            else series.add(first.value);
          }
        } else if (!FORMULA_FUNCTIONS.has(name)) {
          problems.push(`funksjonen «${name}» er ikke tillatt i formler (tillatt: ${[...FORMULA_FUNCTIONS, ...Object.keys(HELPER_FUNCTIONS)].join(", ")})`);
        }
        break;
      }
      case "OperatorNode": {
        const fn = (node as unknown as { fn: string }).fn;
        if (!ALLOWED_OPERATORS.has(fn)) problems.push(`operatoren «${(node as unknown as { op: string }).op}» er ikke tillatt`);
        break;
      }
      case "ParenthesisNode":
      case "ConditionalNode":
        break;
      default:
        problems.push(`${describeNode(node.type)} er ikke tillatt i formler`);
    }
    node.forEach((child) => visit(child, level + 1, node));
  };
  visit(root, 0, null);
  if (depth > 64) problems.push(`formelen er nøstet for dypt (${depth} nivåer, maks 64)`);
  if (problems.length > 0) throw new FormulaError([...new Set(problems)].join("; "));
  const code = root.compile();
  return {
    expr,
    round,
    inputs: [...inputs],
    seriesParameters: [...series],
    evaluate: (scope) => code.evaluate({ ...scope }),
  };
}

const ALLOWED_OPERATORS = new Set([
  "add", "subtract", "multiply", "divide", "unaryMinus", "unaryPlus", "pow",
  "larger", "largerEq", "smaller", "smallerEq", "equal", "unequal", "and", "or", "not",
]);

function describeNode(type: string): string {
  switch (type) {
    case "AccessorNode": return "egenskapsoppslag (a.b eller a[\"b\"], f.eks. «constructor»)";
    case "AssignmentNode": return "tilordning (=)";
    case "FunctionAssignmentNode": return "funksjonsdefinisjon";
    case "ObjectNode": return "objektliteral ({…})";
    case "ArrayNode": return "liste ([…])";
    case "IndexNode": return "indeksering";
    case "RangeNode": return "område (a:b)";
    case "BlockNode": return "flere uttrykk (;)";
    default: return `uttrykkstypen ${type}`;
  }
}

export type { Decimal };
