/** Evaluation errors are values, never exceptions that escape to the user: each names what was wrong. */
export type EvalErrorCode =
  | "unknown-rule-file"
  | "broken-rule-file"
  | "unknown-scenario"
  | "bad-date"
  | "unknown-fact"
  | "missing-fact"
  | "bad-fact"
  | "no-parameter-value"
  | "no-rule-fired"
  | "not-covered"
  | "overlap"
  | "formula"
  | "bad-output";

export interface EvalError {
  code: EvalErrorCode;
  message: string;
  /** The fact or argument the message is about, when there is one. */
  field?: string;
  /** For unknown ids: the closest known ones. */
  suggestions?: string[];
}

/**
 * Thrown inside the engine and caught at its edge (evaluate/batch), never seen by users. Not an Error
 * subclass on purpose: a bad cell in a 100 000-row column must not pay for a stack trace.
 */
export class EvalFailure {
  readonly message: string;
  /** The row outcome this failure gives, built once: a failure made at compile time serves every row it hits. */
  readonly outcome: { readonly ok: false; readonly error: EvalError };
  constructor(readonly error: EvalError) {
    this.message = error.message;
    this.outcome = Object.freeze({ ok: false as const, error });
  }
}

export function fail(code: EvalErrorCode, message: string, field?: string): never {
  throw new EvalFailure({ code, message, field });
}
