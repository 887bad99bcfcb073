/**
 * Reads one amount cell the way a user may have typed it: a number, or text with thousands separators
 * (space, NBSP U+00A0, U+202F, thin space), decimal comma, "-"/"–" for empty, "(123)" for −123.
 * Excel error values (#VALUE!, {error: '#N/A'}) are reported, never turned into NaN or 0.
 */

export type CellRead = { ok: true; value: number | null } | { ok: false; message: string };

const EXCEL_ERROR =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export function excelError(v: unknown): string | null {
  if (typeof v === "string" && EXCEL_ERROR.test(v.trim())) return v.trim();
  if (v && typeof v === "object" && "error" in v) return String((v as { error: unknown }).error);
  return null;
}

/** Plain text of a cell value (rich text and hyperlinks flattened); null for empty. */
export function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r) => String((r as { text?: unknown }).text ?? "")).join("");
    if ("text" in o) return cellText(o.text);
    if ("result" in o) return cellText(o.result);
  }
  return String(v);
}

export function readAmount(v: unknown): CellRead {
  const err = excelError(v);
  if (err) return { ok: false, message: `feilverdi ${err}` };
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === "number")
    return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, message: `ugyldig tall ${v}` };
  if (typeof v === "object" && !(v instanceof Date) && "result" in (v as object))
    return readAmount((v as { result: unknown }).result);
  if (typeof v !== "string" && !(typeof v === "object" && v && "richText" in v))
    return {
      ok: false,
      message: `${typeof v === "boolean" ? "sannhetsverdi" : v instanceof Date ? "dato" : "verdi"} «${cellText(v)}»`,
    };
  const raw = (cellText(v) ?? "").trim();
  let t = raw.replace(/[\s\u00A0\u202F\u2009\u2007]/g, "");
  if (t === "" || /^[-–—]$/.test(t)) return { ok: true, value: null };
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    sign = -1;
    t = paren[1];
  }
  if (/^[-–−]/.test(t)) {
    sign = -sign;
    t = t.slice(1);
  }
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, ""); // "1.438,1": dots as thousands separators
  if (/^\d+(,\d+)?$/.test(t)) t = t.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, message: `«${raw}» er ikke et beløp` };
  const n = sign * Number(t);
  return Number.isFinite(n)
    ? { ok: true, value: n === 0 ? 0 : n }
    : { ok: false, message: `«${raw}» er ikke et beløp` };
}

/** Whole number (kap/post) from a number or digit text ("01" → 1); null if the cell is empty. */
export function readInteger(v: unknown): CellRead {
  const err = excelError(v);
  if (err) return { ok: false, message: `feilverdi ${err}` };
  const t = cellText(v);
  if (t === null || t.trim() === "") return { ok: true, value: null };
  if (typeof v === "number")
    return Number.isInteger(v) ? { ok: true, value: v } : { ok: false, message: `${v} er ikke et heltall` };
  const s = t.replace(/[\s\u00A0\u202F]/g, "");
  return /^\d+$/.test(s) ? { ok: true, value: Number(s) } : { ok: false, message: `«${t.trim()}» er ikke et heltall` };
}
