/**
 * Exact decimal arithmetic for money and rates: a mathjs instance built with create() from only the
 * functions formulas may use, configured for 64-digit BigNumbers. Nothing else of mathjs is bundled.
 */
import {
  create,
  parseDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  unaryMinusDependencies,
  powDependencies,
  roundDependencies,
  floorDependencies,
  ceilDependencies,
  absDependencies,
  maxDependencies,
  minDependencies,
  largerDependencies,
  largerEqDependencies,
  smallerDependencies,
  smallerEqDependencies,
  equalDependencies,
  unequalDependencies,
  andDependencies,
  orDependencies,
  notDependencies,
  bignumberDependencies,
} from "mathjs";
import type { BigNumber } from "mathjs";

export const math = create(
  {
    parseDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    unaryMinusDependencies,
    powDependencies,
    roundDependencies,
    floorDependencies,
    ceilDependencies,
    absDependencies,
    maxDependencies,
    minDependencies,
    largerDependencies,
    largerEqDependencies,
    smallerDependencies,
    smallerEqDependencies,
    equalDependencies,
    unequalDependencies,
    andDependencies,
    orDependencies,
    notDependencies,
    bignumberDependencies,
  },
  { number: "BigNumber", precision: 64 },
);

export type Decimal = BigNumber;

/** Functions a formula may call; everything else (import, evaluate, parse, createUnit, …) is rejected at load. */
export const FORMULA_FUNCTIONS = new Set([
  "round",
  "floor",
  "ceil",
  "abs",
  "max",
  "min",
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "larger",
  "largerEq",
  "smaller",
  "smallerEq",
  "equal",
  "unequal",
  "and",
  "or",
  "not",
]);

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
