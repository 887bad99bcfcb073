/**
 * Dated parameters: the entry in force on the question's date is the last one whose `from` is on or
 * before it. Scenario overrides replace a parameter's timeline from the scenario's first date onward.
 * The last entry holds only until the parameter's `until` (default: the end of the budget year, or of
 * the last entry's year if later); asking beyond is a refusal naming the last year known (issue 12.5),
 * unless the file declares the rule `continues` (a standing regulation, with its source).
 */
import type { Parameter, ParameterEntry } from "../model/schema";
import type { IsoDate } from "../util/dates";
import { BUDGET_YEAR } from "../model/schema";
import { fail } from "./errors";

export interface Timeline {
  name: string;
  description: string;
  unit?: string;
  source: string;
  entries: Array<ParameterEntry & { scenario?: string }>;
  /** Last day the last entry is known to hold; null when the rule continues (declared, with a source). */
  until: IsoDate | null;
}

export type { UsedParameter } from "../model/result";
import type { UsedParameter } from "../model/result";

/** End of the budget year, or of the year of the last entry when that is later. */
function defaultUntil(entries: ParameterEntry[]): IsoDate {
  const year = Math.max(BUDGET_YEAR, Number(entries[entries.length - 1].from.slice(0, 4)));
  return `${year}-12-31` as IsoDate;
}

export function timelineOf(name: string, p: Parameter): Timeline {
  const until = p.continues ? null : ((p.until ?? defaultUntil(p.values)) as IsoDate);
  return { name, description: p.description, unit: p.unit, source: p.source, entries: p.values, until };
}

/** Overlay scenario entries: base entries before the first scenario date survive, the rest are replaced. */
export function overlay(
  base: Timeline,
  entries: ParameterEntry[],
  scenarioId: string,
  scenarioSource: string,
): Timeline {
  const first = entries[0].from;
  const last = defaultUntil(entries);
  return {
    ...base,
    // A scenario's own later entries are known to the end of their year.
    until: base.until === null || base.until >= last ? base.until : last,
    entries: [
      ...base.entries.filter((e) => e.from < first),
      ...entries.map((e) => ({ ...e, source: e.source ?? scenarioSource, scenario: scenarioId })),
    ],
  };
}

/** The one parameter lookup: the last entry whose `from` is on or before `date` (entries are in date order). */
export function entryInForce<E extends { from: string }>(entries: readonly E[], date: string): E | undefined {
  let found: E | undefined;
  for (const e of entries) {
    if (e.from <= date) found = e;
    else break;
  }
  return found;
}

function used(t: Timeline, found: Timeline["entries"][number]): UsedParameter {
  return {
    name: t.name,
    value: found.value,
    from: found.from,
    source: found.source ?? t.source,
    scenario: found.scenario,
    note: found.note,
  };
}

/** The entry in force on `date`, or null when the timeline starts later or `date` is past its `until`. */
export function entryAtOrNull(t: Timeline, date: IsoDate): UsedParameter | null {
  if (t.until !== null && date > t.until) return null;
  const found = entryInForce(t.entries, date);
  return found ? used(t, found) : null;
}

export function noValueMessage(t: Timeline, date: IsoDate): string {
  if (t.until !== null && date > t.until) {
    const last = t.entries[t.entries.length - 1];
    return `parameteren ${t.name} er bare kjent til og med ${t.until.slice(0, 4)} (siste verdi ${String(last.value)} fra ${last.from}); kildene sier ikke hva den er ${date}`;
  }
  return `parameteren ${t.name} har ingen verdi før ${t.entries[0].from} (spurt om ${date})`;
}

export function entryAt(t: Timeline, date: IsoDate): UsedParameter {
  if (t.until !== null && date > t.until) fail("no-parameter-value", noValueMessage(t, date), t.name);
  const found = entryInForce(t.entries, date);
  if (!found) fail("no-parameter-value", noValueMessage(t, date), t.name);
  return used(t, found);
}
