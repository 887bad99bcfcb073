/**
 * The one place that knows how Excel error values are made. In Excel, `CustomFunctions.Error`;
 * in jest/Node (no `CustomFunctions` global) an equivalent plain object, so tests see the same shape.
 */
export type ExcelErrorCode =
  | "#VALUE!"
  | "#N/A"
  | "#NUM!"
  | "#DIV/0!"
  | "#NULL!"
  | "#NAME?"
  | "#REF!"
  | "#BUSY!"
  | "#GETTING_DATA"
  | "#SPILL!"
  | "#CALC!"
  | "#FIELD!";
export interface PlainExcelError {
  error: ExcelErrorCode;
  message?: string;
}
export type ExcelError = PlainExcelError | CustomFunctions.Error;

const CODE_NAMES: Partial<Record<ExcelErrorCode, string>> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#NULL!": "nullReference",
};

// Excel shows custom messages only for #VALUE! and #N/A; other codes are made without one.
const TAKES_MESSAGE = new Set<ExcelErrorCode>(["#VALUE!", "#N/A"]);

export function excelError(code: "#VALUE!" | "#N/A" | "#NUM!", message: string): ExcelError {
  const msg = TAKES_MESSAGE.has(code) ? message.slice(0, 255) : undefined;
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const name = CODE_NAMES[code] as keyof typeof CustomFunctions.ErrorCode;
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[name], msg);
  }
  return msg === undefined ? { error: code } : { error: code, message: msg };
}

/** The Excel error code an input value carries (an error cell passed in), or null for ordinary values. */
export function inputErrorCode(v: unknown): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const o = v as { code?: unknown; error?: unknown };
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  if (typeof o.error === "string" && o.error.startsWith("#")) return o.error;
  return "#VALUE!"; // an object we do not understand (e.g. a rich value) is not a usable argument
}

export function isExcelError(v: unknown): v is ExcelError {
  if (typeof v !== "object" || v === null) return false;
  if (
    typeof CustomFunctions !== "undefined" &&
    typeof CustomFunctions.Error === "function" &&
    v instanceof CustomFunctions.Error
  )
    return true;
  return typeof (v as PlainExcelError).error === "string" && (v as PlainExcelError).error.startsWith("#");
}

/** An error cell given as argument `arg` becomes a clear error for that element, never an exception. */
export function propagated(arg: string, code: string): ExcelError {
  return excelError(code === "#N/A" ? "#N/A" : "#VALUE!", `${arg}: cellen inneholder feilverdien ${code}`);
}
