/**
 * Formulas in rule files: parsed once at load with the restricted mathjs instance, checked against a
 * whitelist of node types, names and functions, then compiled. Evaluation is exact (BigNumber).
 */
import type { MathNode } from "mathjs";
import { FORMULA_FUNCTIONS, FORMULA_OPERATORS, math, Decimal, isDecimal } from "./decimal";

/** Built-in helpers of ours that formulas may call, with the arity they take. */
export const HELPER_FUNCTIONS: Record<string, { minArgs: number; maxArgs: number; firstArgIsParameterName: boolean }> =
  {
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
export function compileFormula(
  expr: string,
  known: Set<string>,
  parameters: Set<string>,
  round?: number,
): CompiledFormula {
  if (expr.length > MAX_FORMULA_LENGTH)
    throw new FormulaError(`formelen er for lang (${expr.length} tegn, maks ${MAX_FORMULA_LENGTH})`);
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
        if (isDecimal(value) && !value.isZero() && Math.abs(value.e) > MAX_EXPONENT)
          problems.push(`tallet ${value.toString()} er utenfor det tillatte området (høyst ${MAX_EXPONENT} sifre)`);
        const callee =
          parent?.type === "FunctionNode" ? (parent as unknown as { fn: { name?: string }; args: MathNode[] }) : null;
        const isHelperArg =
          callee !== null &&
          callee.args[0] === node &&
          typeof callee.fn.name === "string" &&
          Object.prototype.hasOwnProperty.call(HELPER_FUNCTIONS, callee.fn.name) &&
          HELPER_FUNCTIONS[callee.fn.name].firstArgIsParameterName;
        if (typeof value === "string" && !isHelperArg) problems.push(`tekstkonstanten «${value}» er ikke tillatt her`);
        break;
      }
      case "SymbolNode": {
        const name = (node as unknown as { name: string }).name;
        const isCallee = parent?.type === "FunctionNode" && (parent as unknown as { fn: MathNode }).fn === node;
        if (isCallee) break;
        if (name === "true" || name === "false") break;
        if (!known.has(name))
          problems.push(`ukjent navn «${name}» (kjente navn: ${[...known].sort().join(", ") || "ingen"})`);
        else inputs.add(name);
        break;
      }
      case "FunctionNode": {
        const fn = (node as unknown as { fn: MathNode; args: MathNode[] }).fn;
        const args = (node as unknown as { args: MathNode[] }).args;
        const name = fn.type === "SymbolNode" ? (fn as unknown as { name: string }).name : null;
        if (name === null) {
          problems.push("bare navngitte funksjoner kan kalles");
          break;
        }
        const helper = Object.prototype.hasOwnProperty.call(HELPER_FUNCTIONS, name)
          ? HELPER_FUNCTIONS[name]
          : undefined;
        if (helper) {
          if (args.length < helper.minArgs || args.length > helper.maxArgs)
            problems.push(`${name}() tar ${helper.minArgs} argumenter, fikk ${args.length}`);
          const first = args[0] as unknown as { type: string; value: unknown };
          if (helper.firstArgIsParameterName) {
            if (first?.type !== "ConstantNode" || typeof first.value !== "string")
              problems.push(`${name}() skal ha parameternavnet i anførselstegn som første argument`);
            else if (!parameters.has(first.value)) problems.push(`${name}(): ukjent parameter «${first.value}»`);
            else series.add(first.value);
          }
        } else if (name === "pow") {
          checkExponent(args[1], problems);
        } else if (
          (name === "round" || name === "floor" || name === "ceil") &&
          args.length > 1 &&
          !isSmallConstant(args[1], 0, 12)
        ) {
          problems.push(`${name}(): antall desimaler skal være et tall fra 0 til 12`);
        } else if (!FORMULA_FUNCTIONS.has(name)) {
          problems.push(
            `funksjonen «${name}» er ikke tillatt i formler (tillatt: ${[...FORMULA_FUNCTIONS, ...Object.keys(HELPER_FUNCTIONS)].join(", ")})`,
          );
        }
        break;
      }
      case "OperatorNode": {
        const fn = (node as unknown as { fn: string }).fn;
        if (!FORMULA_OPERATORS.has(fn))
          problems.push(`operatoren «${(node as unknown as { op: string }).op}» er ikke tillatt`);
        if (fn === "pow") checkExponent((node as unknown as { args: MathNode[] }).args[1], problems);
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
    evaluate: (scope) => {
      const value = code.evaluate({ ...scope });
      // A result like 10^400 would be written out digit by digit (and can exhaust memory): refuse it.
      if (isDecimal(value) && value.isFinite() && !value.isZero() && Math.abs(value.e) > MAX_EXPONENT) {
        throw new FormulaError(`resultatet er utenfor det tillatte tallområdet (mer enn ${MAX_EXPONENT} sifre)`);
      }
      return value;
    },
  };
}

/** Budget figures never need more than this many digits before or after the decimal point. */
const MAX_EXPONENT = 100;
const MAX_POWER = 100;

function isSmallConstant(node: MathNode | undefined, min: number, max: number): boolean {
  let n = node as unknown as
    { type: string; value?: unknown; fn?: string; args?: MathNode[]; content?: MathNode } | undefined;
  let sign = 1;
  while (
    n &&
    (n.type === "ParenthesisNode" || (n.type === "OperatorNode" && (n.fn === "unaryMinus" || n.fn === "unaryPlus")))
  ) {
    if (n.type === "OperatorNode" && n.fn === "unaryMinus") sign = -sign;
    n = (n.type === "ParenthesisNode" ? n.content : n.args![0]) as unknown as typeof n;
  }
  if (!n || n.type !== "ConstantNode" || !isDecimal(n.value)) return false;
  const v = sign * n.value.toNumber();
  return Number.isInteger(v) && v >= min && v <= max;
}

/** Powers are limited to whole constant exponents (e.g. (1 + vekst)^3): 10^10^10 would never finish. */
function checkExponent(exponent: MathNode | undefined, problems: string[]): void {
  if (!isSmallConstant(exponent, -MAX_POWER, MAX_POWER))
    problems.push(`potens: eksponenten skal være et helt tall fra -${MAX_POWER} til ${MAX_POWER} skrevet i formelen`);
}

function describeNode(type: string): string {
  switch (type) {
    case "AccessorNode":
      return 'egenskapsoppslag (a.b eller a["b"], f.eks. «constructor»)';
    case "AssignmentNode":
      return "tilordning (=)";
    case "FunctionAssignmentNode":
      return "funksjonsdefinisjon";
    case "ObjectNode":
      return "objektliteral ({…})";
    case "ArrayNode":
      return "liste ([…])";
    case "IndexNode":
      return "indeksering";
    case "RangeNode":
      return "område (a:b)";
    case "BlockNode":
      return "flere uttrykk (;)";
    default:
      return `uttrykkstypen ${type}`;
  }
}

export type { Decimal };
