/**
 * JSON parsing that reports line and column, with a size limit checked before parsing. The result type
 * is shared with the YAML reader (yaml-text.ts); `positions` (YAML only) maps a path to [line, column].
 */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

export type JsonParse =
  | {
      ok: true;
      value: unknown;
      duplicateKeys?: Array<{ path: string; key: string; line: number; column: number }>;
      positions?: Record<string, [number, number]>;
    }
  | { ok: false; message: string; line?: number; column?: number };

/** The size limit, checked before any parser sees the text (JSON and YAML alike). */
export function tooLarge(text: string): JsonParse | null {
  if (text.length <= MAX_RULE_FILE_BYTES) return null;
  return {
    ok: false,
    message: `filen er for stor (${(text.length / 1048576).toFixed(1)} MB; en regelfil kan være høyst ${MAX_RULE_FILE_BYTES / 1048576} MB)`,
  };
}

export function parseJsonText(text: string): JsonParse {
  const large = tooLarge(text);
  if (large) return large;
  // A UTF-8 byte-order mark (Windows editors add one) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    const value = JSON.parse(text);
    const duplicateKeys = scanJson(text).duplicates.map((d) => ({
      path: d.path,
      key: d.key,
      ...lineColumn(text, d.offset),
    }));
    return duplicateKeys.length ? { ok: true, value, duplicateKeys } : { ok: true, value };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    // Node's "Unexpected token" messages carry no position (and quote the text); find it ourselves.
    const scanned = scanJson(text).errorAt;
    const offset = pos ? Number(pos[1]) : (scanned ?? guessEndOffset(message, text));
    const { line, column } = lineColumn(text, offset);
    const clean = message
      .replace(/ (in JSON )?at position \d+.*$/s, "")
      .replace(/, .* is not valid JSON$/s, "")
      .replace(/\n/g, "\\n")
      .replace(/\r/g, "\\r");
    return { ok: false, message: `ugyldig JSON: ${clean}`, line, column };
  }
}

function guessEndOffset(message: string, text: string): number {
  return /end of (JSON|data) input/i.test(message) ? text.length : 0;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

type Frame =
  | { kind: "object"; keys: Set<string>; key: string | null; path: string }
  | { kind: "array"; index: number; path: string };

/**
 * A small iterative JSON scanner (no recursion, so deep nesting cannot overflow the stack): finds the
 * offset of the first syntax error and every duplicated object key (JSON.parse silently keeps the last).
 */
export function scanJson(text: string): {
  errorAt?: number;
  duplicates: Array<{ path: string; key: string; offset: number }>;
} {
  const duplicates: Array<{ path: string; key: string; offset: number }> = [];
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const readString = (): string | null => {
    // text[i] === '"'
    let out = "";
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return null;
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return null;
        out += e;
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) return null;
      out += c;
      i++;
    }
    return null;
  };
  const childPath = (f: Frame | undefined): string => {
    if (!f) return "";
    if (f.kind === "array") return `${f.path}[${f.index}]`;
    return f.path === "" ? String(f.key) : `${f.path}.${f.key}`;
  };
  // After a value: expect ',' or the closer of the enclosing container (or end of text).
  let expectValue = true;
  ws();
  while (true) {
    if (expectValue) {
      ws();
      if (i >= n) return { errorAt: i, duplicates };
      const c = text[i];
      const top = stack[stack.length - 1];
      if (c === "{") {
        stack.push({ kind: "object", keys: new Set(), key: null, path: childPath(top) });
        i++;
        ws();
        if (text[i] === "}") {
          i++;
          stack.pop();
          expectValue = false;
          continue;
        }
        // expect a key
        if (text[i] !== '"') return { errorAt: i, duplicates };
        const f = stack[stack.length - 1] as Extract<Frame, { kind: "object" }>;
        const at = i;
        const key = readString();
        if (key === null) return { errorAt: i, duplicates };
        if (f.keys.has(key)) duplicates.push({ path: f.path, key, offset: at });
        f.keys.add(key);
        f.key = key;
        ws();
        if (text[i] !== ":") return { errorAt: i, duplicates };
        i++;
        continue;
      }
      if (c === "[") {
        stack.push({ kind: "array", index: 0, path: childPath(top) });
        i++;
        ws();
        if (text[i] === "]") {
          i++;
          stack.pop();
          expectValue = false;
        }
        continue;
      }
      if (c === '"') {
        if (readString() === null) return { errorAt: i, duplicates };
      } else {
        const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
        if (!m) return { errorAt: i, duplicates };
        i += m[0].length;
      }
      expectValue = false;
      continue;
    }
    ws();
    const top = stack[stack.length - 1];
    if (!top) return i >= n ? { duplicates } : { errorAt: i, duplicates };
    const c = text[i];
    if (c === ",") {
      i++;
      if (top.kind === "array") {
        top.index++;
        expectValue = true;
        continue;
      }
      ws();
      if (text[i] !== '"') return { errorAt: i, duplicates };
      const at = i;
      const key = readString();
      if (key === null) return { errorAt: i, duplicates };
      if (top.keys.has(key)) duplicates.push({ path: top.path, key, offset: at });
      top.keys.add(key);
      top.key = key;
      ws();
      if (text[i] !== ":") return { errorAt: i, duplicates };
      i++;
      expectValue = true;
      continue;
    }
    if ((c === "}" && top.kind === "object") || (c === "]" && top.kind === "array")) {
      i++;
      stack.pop();
      continue;
    }
    return { errorAt: i, duplicates };
  }
}
