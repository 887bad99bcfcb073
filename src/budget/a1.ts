/** A1 addresses: column index (0-based) → letters, and back. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** row is 1-based, col 0-based. */
export function address(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Letters → column index (0-based): "A" → 0, "AA" → 26. Case-insensitive. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** "B7", "$B$7", "b7" → { col: 1, row: 7 } (row 1-based, as in address()); null when it is not a cell address. */
export function parseA1Cell(ref: string): { col: number; row: number } | null {
  const m = /^\s*\$?([A-Z]+)\$?(\d+)\s*$/i.exec(ref);
  return m ? { col: columnIndex(m[1]), row: Number(m[2]) } : null;
}

export interface A1Range {
  start: { col: number; row: number };
  end: { col: number; row: number };
}

/** "C5:C9" (with or without $, any case, spaces around ":") → its two corners; null for anything else. */
export function parseA1Range(ref: string): A1Range | null {
  const parts = ref.split(":");
  if (parts.length !== 2) return null;
  const [start, end] = parts.map(parseA1Cell);
  return start && end ? { start, end } : null;
}

/** The canonical text of a range: "C5:C9". */
export function rangeText(r: A1Range): string {
  return `${address(r.start.col, r.start.row)}:${address(r.end.col, r.end.row)}`;
}
