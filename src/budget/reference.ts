/**
 * Prop. 1 S's own figures per post (sheets/hod-2026.csv) and what it says about each chapter's or
 * post's changes (sheets/hod-2026-endringsomtale.csv), both seed-derived, so a check can tell a sheet
 * that drifted from the document and a change the document does not explain. Parsing only; Node and
 * the browser each supply the texts.
 */
import { parseCsv } from "./csv";
import type { Amounts } from "./model";

export interface ChangeStatement {
  line: number;
  kind: "bare-prisjustering" | "ingen-endring" | "vesentlige-endringer";
  text: string;
}
/** A post's own section in the document (its opening sentences), for posts with no statement about changes. */
export interface PostText {
  line: number;
  text: string;
}

export interface PropReference {
  posts: Map<string, Amounts & { betegnelse: string }>;
  /** By "kap/post" for a post's own statement and "kap/" for the chapter's. */
  statements: Map<string, ChangeStatement>;
  /** By "kap/post": the post's own omtale, quoted when neither the post nor its chapter has a statement. */
  postTexts: Map<string, PostText>;
}

export const referenceKey = (kap: number, post: number | null): string => `${kap}/${post ?? ""}`;

function rowsOf(csvText: string): Array<(name: string) => string> {
  const [header, ...rows] = parseCsv(csvText);
  return rows.filter((r) => r.length >= header.length).map((r) => (name: string) => r[header.indexOf(name)]);
}

export function parseReference(postsCsv: string, statementsCsv = ""): PropReference {
  const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
  const posts: PropReference["posts"] = new Map();
  for (const get of rowsOf(postsCsv)) {
    posts.set(referenceKey(Number(get("kap")), Number(get("post"))), {
      betegnelse: get("betegnelse"),
      regnskap_2024: num(get("regnskap_2024")),
      saldert_2025: num(get("saldert_2025")),
      forslag_2026: num(get("forslag_2026")),
    });
  }
  const statements: PropReference["statements"] = new Map();
  const postTexts: PropReference["postTexts"] = new Map();
  for (const get of statementsCsv ? rowsOf(statementsCsv) : []) {
    const post = get("post") === "" ? null : Number(get("post"));
    const key = referenceKey(Number(get("kap")), post);
    if (get("type") === "postomtale") postTexts.set(key, { line: Number(get("linje")), text: get("tekst") });
    else
      statements.set(key, {
        line: Number(get("linje")),
        kind: get("type") as ChangeStatement["kind"],
        text: get("tekst"),
      });
  }
  return { posts, statements, postTexts };
}
