/** Suggest the known names closest to a mistyped one (edit distance), best first. */
export function closest(wanted: string, known: string[], max = 3): string[] {
  const w = wanted.toLowerCase();
  return known
    .map((k) => ({
      k,
      d: distance(w, k.toLowerCase()) - (k.toLowerCase().includes(w) || w.includes(k.toLowerCase()) ? 2 : 0),
    }))
    .filter((x) => x.d <= Math.max(2, Math.floor(w.length / 2)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map((x) => x.k);
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
