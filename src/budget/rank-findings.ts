/**
 * The order an officer reads findings in: errors first (sheet order), then warnings grouped by chapter,
 * chapters and posts by the size of the change (largest amount first), then info. A 0 % change sorts last
 * among the warnings: it may still need a look, but never before a change of many millions.
 */
import type { Finding, Severity } from "./check";

export interface FindingGroup {
  severity: Severity;
  kap: number | null;
  findings: Finding[];
  largest: number;
}

const size = (f: Finding): number => Math.abs(f.change?.amount ?? 0);

/** Findings of one severity grouped by chapter; groups and their findings by size of change, ties in sheet order. */
function grouped(findings: Finding[], severity: Severity): FindingGroup[] {
  const byKap = new Map<number | null, Finding[]>();
  for (const f of findings) {
    if (f.severity !== severity) continue;
    const key = f.kap ?? null;
    byKap.set(key, [...(byKap.get(key) ?? []), f]);
  }
  const groups = [...byKap].map(([kap, list]) => {
    const sorted = list
      .map((f, i) => ({ f, i }))
      .sort((a, b) => size(b.f) - size(a.f) || a.i - b.i)
      .map((x) => x.f);
    return { severity, kap, findings: sorted, largest: size(sorted[0]) };
  });
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => b.g.largest - a.g.largest || a.i - b.i)
    .map((x) => x.g);
}

/** Errors as one group in sheet order (each needs action), then warnings and info grouped and ranked. */
export function rankFindings(findings: Finding[]): FindingGroup[] {
  const errors = findings.filter((f) => f.severity === "error");
  return [
    ...(errors.length ? [{ severity: "error" as const, kap: null, findings: errors, largest: 0 }] : []),
    ...grouped(findings, "warning"),
    ...grouped(findings, "info"),
  ];
}
