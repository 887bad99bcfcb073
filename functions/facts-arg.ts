/**
 * The `fakta` argument: a two-row range (names over values, more rows = more questions), a
 * two-column range (names beside values, more columns = more questions), or text cells like
 * «alder=17; tjeneste=legevakt» (one question per cell). Returns a grid of parsed fact sets.
 */
import { ArgError } from "../src/questions/arg-error";
import { inputErrorCode, propagated } from "./excel-error";
import { asGrid, Failed, Grid, Ready } from "./grid";
import { isEmpty } from "../src/questions/args";
import { FACT_NAME, Facts, parseFactText, record } from "../src/questions/fact-text";
export type { Facts };

const EXPECTED =
  "forventet to rader (navn over verdier), to kolonner (navn og verdier) eller tekst som «alder=17; tjeneste=legevakt»";

function isName(v: unknown): boolean {
  return typeof v === "string" && FACT_NAME.test(v.trim());
}

/** One fact set from parallel name and value lists; an error cell among the values fails just this set. */
function factSet(names: unknown[], values: unknown[]): Ready<Facts> | Failed {
  const facts = record();
  for (let k = 0; k < names.length; k++) {
    if (isEmpty(names[k])) continue; // a blank header cell: an unused column
    const name = String(names[k]).trim();
    const code = inputErrorCode(values[k]);
    if (code !== null) return new Failed(propagated(`fakta «${name}»`, code));
    facts[name] = values[k];
  }
  return new Ready(facts);
}

type Orientation = "rows" | "columns";

function orientation(g: Grid, known: Set<string> | null): Orientation {
  const header = g[0];
  const first = g.map((r) => r[0]);
  const namesOk = (xs: unknown[]) => xs.some((x) => !isEmpty(x)) && xs.every((x) => isEmpty(x) || isName(x));
  const allKnown = (xs: unknown[]) => known !== null && xs.every((x) => isEmpty(x) || known.has(String(x).trim()));
  const byRows = g.length >= 2 && namesOk(header);
  const byCols = header.length >= 2 && namesOk(first);
  if (byRows && byCols) return allKnown(first) && !allKnown(header) ? "columns" : "rows";
  if (byRows) return "rows";
  if (byCols) return "columns";
  const bad = [...header, ...first].map(inputErrorCode).find((c) => c !== null);
  if (bad) throw new ArgError(bad === "#N/A" ? "#N/A" : "#VALUE!", `fakta: et navn i tabellen er feilverdien ${bad}`);
  throw new ArgError("#VALUE!", `fakta: ${EXPECTED}`);
}

/**
 * Parsed fact sets shaped as the results will be: a column for a header-row table, a row for a
 * name-column table, the cell grid for text cells. `known` (the rule file's facts) breaks ties.
 */
export function factGrid(raw: unknown, known: Set<string> | null): Grid {
  const g = asGrid(raw);
  // No facts at all (an empty cell or ""): one question with no facts, for rule files that need none.
  if (g.every((r) => r.every(isEmpty))) return [[new Ready(record())]];
  const isText = (v: unknown) => typeof v === "string" && v.includes("=");
  const textCells = g.every((r) => r.every((v) => isText(v) || isEmpty(v) || inputErrorCode(v) !== null));
  if (textCells && g.some((r) => r.some(isText))) {
    return g.map((r) =>
      r.map((v) => {
        if (isEmpty(v)) return new Ready(record());
        const code = inputErrorCode(v);
        if (code !== null) return new Failed(propagated("fakta", code));
        return new Ready(parseFactText(v as string));
      }),
    );
  }
  if (orientation(g, known) === "rows") {
    return g.slice(1).map((r) => [factSet(g[0], r)]);
  }
  const width = Math.max(...g.map((r) => r.length));
  const sets: unknown[] = [];
  for (let j = 1; j < width; j++)
    sets.push(
      factSet(
        g.map((r) => r[0]),
        g.map((r) => r[j]),
      ),
    );
  return [sets];
}
