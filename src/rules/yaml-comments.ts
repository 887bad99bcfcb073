/**
 * The comments the JSON→YAML conversion writes into each rule file, for a budget officer reading it:
 * what each section is, how dated values work, and which document lines each rule, parameter and test
 * cites. Only the conversion writes them; afterwards they are the author's to edit.
 */
import { Document, isMap, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { Citation } from "../model/schema";

const SECTIONS: Record<string, string> = {
  sources: "Kilder: hver figur og regel viser til en av disse (seed-fil i seeds/, linje fra–til).",
  facts:
    "Fakta: det et spørsmål må (eller kan) oppgi, med type. Ukjente eller feil typer er feil, aldri et stille nei.",
  parameters:
    "Parametere med daterte verdier: hver verdi gjelder fra og med «from» til dagen før neste verdis «from»; " +
    "spørsmålets dato velger verdien. Et scenario (rules/scenarios/) kan overstyre dem fra en dato.",
  hitPolicy:
    "unique: to regler som slår til er en feil; first: høyeste prioritet, så filrekkefølge; collect: alle treff.",
  rules: "Reglene: betingelser (all/any/not) over fakta og parametere, og resultatet når de slår til.",
  otherwise: "Resultatet når ingen regel slår til.",
  formulas: "Formler: eksakte (64 sifre), «round» runder halvt bort fra null.",
  outputs: "Resultatfeltene, med type.",
  interpretations: "Tolkninger der kildene ordlegger seg ulikt: spørsmålet, avgjørelsen og kildene.",
  tests: "Innebygde tester, kjøres av «npx budget-rules test» og «npm test»; hver viser til kilden den prøver.",
  overrides:
    "Overstyringer: fra første dato i «values» erstatter scenarioets verdier parameterens egne; tidligere verdier står.",
};

/** Word-wraps a comment to lines of at most `width` characters (each becomes a `# …` line). */
export function wrapComment(text: string, width = 96): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ` ${l}`).join("\n");
}

function cite(c: Citation | undefined, key: string): string {
  if (!c) return `Kilde: «${key}»`;
  const lines = c.lines[0] === c.lines[1] ? `linje ${c.lines[0]}` : `linje ${c.lines[0]}–${c.lines[1]}`;
  return `Kilde: ${c.document}, ${c.section} (${c.seed}, ${lines})`;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => String((p.key as Scalar).value) === key);
}

/** Adds the generated comments to a freshly built document of a rule file or scenario. */
export function addGeneratedComments(doc: Document, value: Record<string, unknown>): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const sources = (value.sources ?? {}) as Record<string, Citation>;
  const kind = "overrides" in value ? "Scenario" : "Regelfil";
  doc.commentBefore = wrapComment(
    `${kind} «${String(value.id)}»: ${String(value.title)}. Skrevet i YAML (kommentarer er lov); ` +
      "«npx budget-rules fmt» gir fast oppsett, «npx budget-rules test» kjører testene. Formatet: rules/README.md.",
  );
  for (const [key, text] of Object.entries(SECTIONS)) {
    const pair = pairOf(root, key);
    if (pair) (pair.key as Node).commentBefore = wrapComment(text);
  }
  const citeEach = (section: string, sourceOf: (item: Record<string, unknown>) => unknown) => {
    const node = pairOf(root, section)?.value;
    const items = (value[section] ?? []) as Array<Record<string, unknown>>;
    if (isSeq(node))
      node.items.forEach((item, i) => {
        const s = sourceOf(items[i]);
        if (typeof s === "string") (item as Node).commentBefore = wrapComment(cite(sources[s], s));
      });
  };
  citeEach("rules", (r) => r.source);
  citeEach("tests", (t) => t.source);
  citeEach("overrides", (o) => o.source);
  const params = pairOf(root, "parameters")?.value;
  const paramValues = (value.parameters ?? {}) as Record<string, { source?: string }>;
  if (isMap(params)) {
    for (const p of params.items) {
      const s = paramValues[String((p.key as Scalar).value)]?.source;
      if (s) (p.key as Node).commentBefore = wrapComment(cite(sources[s], s));
    }
  }
}
