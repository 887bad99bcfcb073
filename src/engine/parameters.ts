/**
 * Dated parameters: the entry in force on the question's date is the last one whose `from` is on or
 * before it. Scenario overrides replace a parameter's timeline from the scenario's first date onward.
 */
import type { Parameter, ParameterEntry, Scalar } from "../rules/schema";
import type { IsoDate } from "../util/dates";
import { fail } from "./errors";

export interface Timeline {
  name: string;
  description: string;
  unit?: string;
  source: string;
  entries: Array<ParameterEntry & { scenario?: string }>;
}

export interface UsedParameter {
  name: string;
  value: Scalar;
  from: IsoDate;
  source: string;
  scenario?: string;
  note?: string;
}

export function timelineOf(name: string, p: Parameter): Timeline {
  return { name, description: p.description, unit: p.unit, source: p.source, entries: p.values };
}

/** Overlay scenario entries: base entries before the first scenario date survive, the rest are replaced. */
export function overlay(base: Timeline, entries: ParameterEntry[], scenarioId: string, scenarioSource: string): Timeline {
  const first = entries[0].from;
  return {
    ...base,
    entries: [
      ...base.entries.filter((e) => e.from < first),
      ...entries.map((e) => ({ ...e, source: e.source ?? scenarioSource, scenario: scenarioId })),
    ],
  };
}

/** The entry in force on `date`, or null when the timeline starts later. */
export function entryAtOrNull(t: Timeline, date: IsoDate): UsedParameter | null {
  let found: (typeof t.entries)[number] | undefined;
  for (const e of t.entries) {
    if (e.from <= date) found = e;
    else break;
  }
  return found ? { name: t.name, value: found.value, from: found.from, source: found.source ?? t.source, scenario: found.scenario, note: found.note } : null;
}

export function noValueMessage(t: Timeline, date: IsoDate): string {
  return `parameteren ${t.name} har ingen verdi før ${t.entries[0].from} (spurt om ${date})`;
}

export function entryAt(t: Timeline, date: IsoDate): UsedParameter {
  let found: (typeof t.entries)[number] | undefined;
  for (const e of t.entries) {
    if (e.from <= date) found = e;
    else break;
  }
  if (!found) fail("no-parameter-value", `parameteren ${t.name} har ingen verdi før ${t.entries[0].from} (spurt om ${date})`, t.name);
  return { name: t.name, value: found.value, from: found.from, source: found.source ?? t.source, scenario: found.scenario, note: found.note };
}
