/** Evaluation errors are values, never exceptions that escape to the user: each names what was wrong. */
export type EvalErrorCode =
  | "unknown-rule-file" | "broken-rule-file" | "unknown-scenario" | "bad-date" | "unknown-fact" | "missing-fact"
  | "bad-fact" | "no-parameter-value" | "no-rule-fired" | "overlap" | "formula" | "bad-output";

export interface EvalError {
  code: EvalErrorCode;
  message: string;
  /** The fact or argument the message is about, when there is one. */
  field?: string;
  /** For unknown ids: the closest known ones. */
  suggestions?: string[];
}

export class EvalFailure extends Error {
  constructor(readonly error: EvalError) {
    super(error.message);
  }
}

export function fail(code: EvalErrorCode, message: string, field?: string): never {
  throw new EvalFailure({ code, message, field });
}
