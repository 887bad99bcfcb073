/** A1 addresses: column index (0-based) → letters, and back. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
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
