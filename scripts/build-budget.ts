/**
 * npm run build:budget [-- --out DIR] [--seed FILE]
 * Parses the HOD seed (Prop. 1 S 2025–2026), proves the parse against the document's own totals, and writes
 * sheets/hod-2026.csv, sheets/hod-2026-chapters.csv, sheets/hod-2026-endringsomtale.csv and sheets/hod-2026.xlsx. Exits 1 (writing nothing) if a check fails.
 */
import * as fs from "fs";
import * as path from "path";
import { parseSeed } from "../src/budget/seed-parser";
import { proveSeed } from "../src/budget/seed-parser/self-proof";
import { chaptersFromSeed, postsFromSeed, type ChapterReference } from "../src/budget/seed-parser/to-model";
import { formatCsv, postsToCsv } from "../src/budget/csv";
import { workbookBuffer } from "../src/budget/xlsx-write";
import { isKanOverfores, isOverslagsbevilgning, kanNyttesUnder } from "../src/budget/model";
import { parseChangeStatements, type ChangeStatement } from "../src/budget/seed-parser/change-statements";

export const DEFAULT_SEED = path.resolve(__dirname, "../seeds/003_82c1b6682bf832eb.txt");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function chaptersCsv(rows: ChapterReference[]): string {
  const n = (v: number | null): string => (v === null ? "" : String(v));
  return formatCsv([
    ["kap", "navn", "regnskap_2024", "saldert_2025", "forslag_2026", "endring_pst", "programkategori"],
    ...rows.map((c) => [
      String(c.kap),
      c.navn,
      n(c.regnskap_2024),
      n(c.saldert_2025),
      n(c.forslag_2026),
      c.endring_pst,
      c.programkategori,
    ]),
  ]);
}

/** What the document says about each chapter's/post's changes (read by the plausibility check). */
function statementsCsv(rows: ChangeStatement[]): string {
  return formatCsv([
    ["kap", "post", "linje", "type", "tekst"],
    ...rows.map((r) => [
      String(r.kap),
      r.post === null ? "" : String(r.post).padStart(2, "0"),
      String(r.line),
      r.kind,
      r.text,
    ]),
  ]);
}

export const DEFAULT_OUT = path.resolve(__dirname, "../sheets");

async function main(): Promise<number> {
  return buildBudget(
    arg("--seed") ?? process.env.BUDGET_SEED ?? DEFAULT_SEED,
    path.resolve(arg("--out") ?? DEFAULT_OUT),
  );
}

/** The whole build; returns the exit code. Exported so tests can run it in-process. */
export async function buildBudget(
  seedPath: string,
  outDir: string,
  log: (line: string) => void = console.log,
): Promise<number> {
  const console = { log, error: log };
  if (!fs.existsSync(seedPath)) {
    console.error(`build-budget: finner ikke kilden ${seedPath} (angi --seed FIL)`);
    return 1;
  }
  const seedText = fs.readFileSync(seedPath, "utf8");
  const parse = parseSeed(seedText);
  const proof = proveSeed(parse);
  for (const g of proof.groups) {
    console.log(
      `${g.failures.length ? "FEIL" : "ok  "} ${g.name}: ${g.passed} kontroller bestått${g.failures.length ? `, ${g.failures.length} feilet` : ""}`,
    );
    for (const f of g.failures) console.log(`       - ${f}`);
  }
  for (const n of proof.notes) console.log(`  merk: ${n}`);
  if (!proof.ok) {
    console.error("build-budget: kilden kunne ikke bevises; ingen filer skrevet.");
    return 1;
  }
  const posts = postsFromSeed(parse);
  const chapters = chaptersFromSeed(parse);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "hod-2026.csv"), postsToCsv(posts));
  fs.writeFileSync(path.join(outDir, "hod-2026-chapters.csv"), chaptersCsv(chapters));
  const statements = parseChangeStatements(seedText);
  fs.writeFileSync(path.join(outDir, "hod-2026-endringsomtale.csv"), statementsCsv(statements));
  fs.writeFileSync(path.join(outDir, "hod-2026.xlsx"), await workbookBuffer(posts));
  const utgift = posts.filter((p) => p.kap < 3000).length;
  const active = posts.filter((p) => p.forslag_2026 !== null);
  const passed = proof.groups.reduce((a, g) => a + g.passed, 0);
  console.log(
    `build-budget: ${chapters.length} kapitler, ${posts.length} poster (${utgift} utgift, ${posts.length - utgift} inntekt), ` +
      `${active.length} med forslag 2026; kan overføres ${active.filter(isKanOverfores).length}, ` +
      `overslagsbevilgning ${active.filter(isOverslagsbevilgning).length}, kan nyttes under ${active.filter((p) => kanNyttesUnder(p).length > 0).length} ` +
      `(alle poster: ${posts.filter(isKanOverfores).length}/${posts.filter(isOverslagsbevilgning).length}/${posts.filter((p) => kanNyttesUnder(p).length > 0).length}); ` +
      `${passed} kontroller bestått; ${statements.length} omtaler av endringer. Skrevet til ${outDir}`,
  );
  return 0;
}

if (require.main === module)
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error("build-budget: uventet feil:", e);
      process.exit(1);
    },
  );
