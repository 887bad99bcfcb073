/**
 * Which post names count as transfers and which as operating costs: word lists kept as dated parameters
 * in a budget-post rule file (rules/budget-posts/postkontroll: `overforingsord`, `driftsutgiftsnavn`,
 * with their seed citation), read from the loaded rule set at the check's date and scenario. No list in
 * the rule set (or none in force) leaves the name facts empty, so a rule that needs them reports it.
 */
import type { RuleSet } from "../engine/rule-set";
import { timelinesFor } from "../engine/context";
import { entryAtOrNull } from "../engine/parameters";

/** A transfer post's name contains one of these words; an operating-cost post's name is one of these names. */
export interface PostNameWords {
  transfer: string[] | null;
  operating: string[] | null;
}

export const TRANSFER_WORDS_PARAMETER = "overforingsord";
export const OPERATING_NAMES_PARAMETER = "driftsutgiftsnavn";

/** Comma-separated words, compared in lower case (`tilskudd, refusjon` → ["tilskudd", "refusjon"]). */
function wordList(value: unknown): string[] | null {
  if (typeof value !== "string") return null;
  const words = value
    .split(",")
    .map((w) => w.trim().toLocaleLowerCase("nb-NO"))
    .filter(Boolean);
  return words.length ? words : null;
}

/** The first budget-post rule file (in id order) that declares the parameter, at `date` under `scenario`. */
export function postNameWords(set: RuleSet, date: string, scenario?: string | null): PostNameWords {
  const files = [...set.files.values()]
    .filter((f) => f.file.domain === "budget-post")
    .sort((a, b) => a.file.id.localeCompare(b.file.id));
  const lookup = (name: string): string[] | null => {
    for (const f of files) {
      const t = timelinesFor(f, (scenario && set.scenarios.get(scenario)) || null).get(name);
      if (t) return wordList(entryAtOrNull(t, date)?.value);
    }
    return null;
  };
  return { transfer: lookup(TRANSFER_WORDS_PARAMETER), operating: lookup(OPERATING_NAMES_PARAMETER) };
}

export function nameFacts(
  betegnelse: string,
  words: PostNameWords,
): { navn_er_overforing: boolean | null; navn_er_driftsutgifter: boolean | null } {
  const name = betegnelse.trim().toLocaleLowerCase("nb-NO");
  return {
    navn_er_overforing: words.transfer ? words.transfer.some((w) => name.includes(w)) : null,
    navn_er_driftsutgifter: words.operating ? words.operating.includes(name) : null,
  };
}
