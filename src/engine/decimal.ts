/**
 * Exact decimal arithmetic for money and rates: a mathjs instance built with create() from only the
 * functions formulas may use, configured for 64-digit BigNumbers. Nothing else of mathjs is bundled.
 */
import * as mathjs from "mathjs";
import type { BigNumber } from "mathjs";

/**
 * Arithmetic and comparison: written as operators (a + b, a >= b, not a) or called by name (add(a, b)), with
 * the mathjs factories that provide them. Each factory is named once, as a property of the mathjs namespace,
 * which the bundlers resolve statically, so only these are bundled.
 */
const OPERATIONS = {
  add: mathjs.addDependencies,
  subtract: mathjs.subtractDependencies,
  multiply: mathjs.multiplyDependencies,
  divide: mathjs.divideDependencies,
  pow: mathjs.powDependencies,
  larger: mathjs.largerDependencies,
  largerEq: mathjs.largerEqDependencies,
  smaller: mathjs.smallerDependencies,
  smallerEq: mathjs.smallerEqDependencies,
  equal: mathjs.equalDependencies,
  unequal: mathjs.unequalDependencies,
  and: mathjs.andDependencies,
  or: mathjs.orDependencies,
  not: mathjs.notDependencies,
};

/** Functions a formula can only call by name. */
const NAMED_FUNCTIONS = {
  round: mathjs.roundDependencies,
  floor: mathjs.floorDependencies,
  ceil: mathjs.ceilDependencies,
  abs: mathjs.absDependencies,
  max: mathjs.maxDependencies,
  min: mathjs.minDependencies,
};

export const math = mathjs.create(
  {
    ...NAMED_FUNCTIONS,
    ...OPERATIONS,
    parse: mathjs.parseDependencies,
    unaryMinus: mathjs.unaryMinusDependencies,
    bignumber: mathjs.bignumberDependencies,
  },
  { number: "BigNumber", precision: 64 },
);

export type Decimal = BigNumber;

/** Functions a formula may call; everything else (import, evaluate, parse, createUnit, …) is rejected at load. */
export const FORMULA_FUNCTIONS: ReadonlySet<string> = new Set([
  ...Object.keys(NAMED_FUNCTIONS),
  ...Object.keys(OPERATIONS),
]);

/** Operators a formula may use (mathjs names an operator by its function: a + b is add); formula.ts checks them. */
export const FORMULA_OPERATORS: ReadonlySet<string> = new Set([...Object.keys(OPERATIONS), "unaryMinus", "unaryPlus"]);

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

export function toDecimal(value: number | string | Decimal): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`ikke et endelig tall: ${value}`);
    // The shortest round-trip text of a double is what the user typed (0.1 stays 0.1).
    return math.bignumber(String(value)) as Decimal;
  }
  if (typeof value === "string") {
    if (!isDecimalText(value)) throw new RangeError(`ikke et desimaltall: «${value}»`);
    return math.bignumber(value) as Decimal;
  }
  return value;
}

export function isDecimal(value: unknown): value is Decimal {
  return typeof value === "object" && value !== null && (value as { isBigNumber?: boolean }).isBigNumber === true;
}

/** The rounding rule: half away from zero (2.5 → 3, −2.5 → −3), as the budget documents round. */
export function roundHalfAwayFromZero(value: Decimal, decimals: number): Decimal {
  return value.toDecimalPlaces(decimals, 4 /* ROUND_HALF_UP in decimal.js = half away from zero */) as Decimal;
}

/** Plain decimal text with no exponent and no trailing zeros beyond what the value has. */
export function decimalText(value: Decimal): string {
  return value.toFixed();
}
