/** JSON parsing that reports line and column, with a size limit checked before parsing. */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

export function parseJsonText(text: string): JsonParse {
  if (text.length > MAX_RULE_FILE_BYTES) {
    return { ok: false, message: `filen er for stor (${(text.length / 1048576).toFixed(1)} MB; en regelfil kan være høyst ${MAX_RULE_FILE_BYTES / 1048576} MB)` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : guessEndOffset(message, text);
    const { line, column } = lineColumn(text, offset);
    return { ok: false, message: `ugyldig JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`, line, column };
  }
}

function guessEndOffset(message: string, text: string): number {
  return /end of (JSON|data) input/i.test(message) ? text.length : 0;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lastBreak = i; }
  }
  return { line, column: offset - lastBreak };
}
