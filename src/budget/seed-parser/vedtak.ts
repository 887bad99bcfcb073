/**
 * Vedtak I ("forslag til vedtak", utgifter and inntekter in whole kroner): one amount per post, and the
 * chapter total printed after the amount of the chapter's last post.
 */
import type { SeedLine } from "./lines";
import { joinWrapped, kapStart, postStart } from "./logical-rows";
import { tailReadings } from "./amount-tokens";
import { solveSums, type Choice } from "./solver";

export interface VedtakPost {
  kap: number;
  post: number;
  name: string;
  kroner: number;
  line: number;
}

export interface VedtakChapter {
  kap: number;
  navn: string;
  posts: VedtakPost[];
  totalKroner: number;
  consistent: number;
}

export interface VedtakSum {
  label: string;
  kroner: number;
  line: number;
}

export interface Vedtak {
  chapters: VedtakChapter[];
  sums: VedtakSum[];
  startLine: number;
  endLine: number;
}

const SKIP = /^(Kap\. Post Kroner Kroner|Utgifter:|Inntekter:)$/;

type Row = { kind: "kap" | "post" | "sum"; key: number; text: string; line: number };

/** Finds vedtak I: after the "Kapitlene …" heading, from "I" to "Sum departementets inntekter". */
export function findVedtakI(lines: SeedLine[]): { body: SeedLine[]; start: number; end: number } | null {
  const head = lines.findIndex((l) => /^Kapitlene \d{3}/.test(l.text));
  if (head < 0) return null;
  const start = lines.findIndex((l, i) => i > head && l.text === "I");
  const end = lines.findIndex((l, i) => i > start && /^Sum departementets inntekter/.test(l.text));
  if (start < 0 || end < 0) return null;
  return { body: lines.slice(start + 1, end + 1), start: lines[start].no, end: lines[end].no };
}

function toRows(body: SeedLine[]): Row[] {
  const rows: Row[] = [];
  for (const l of body) {
    const text = l.text.replace(/^(Utgifter:|Inntekter:)\s*/, "");
    if (text === "" || SKIP.test(text)) continue;
    const k = kapStart(text);
    const p = postStart(text);
    const last = rows[rows.length - 1];
    if (/^Sum /.test(text)) rows.push({ kind: "sum", key: 0, text: text.slice(4), line: l.no });
    else if (k) rows.push({ kind: "kap", key: k.key, text: k.rest, line: l.no });
    else if (p) rows.push({ kind: "post", key: p.key, text: p.rest, line: l.no });
    // A finished sum row is followed by a category heading, which carries no amounts: skip it.
    else if (last && !(last.kind === "sum" && tailReadings(last.text, 1, 1).length > 0))
      last.text = joinWrapped(last.text, text);
  }
  return rows;
}

export function parseVedtak(lines: SeedLine[]): { vedtak: Vedtak | null; errors: string[] } {
  const errors: string[] = [];
  const found = findVedtakI(lines);
  if (!found) return { vedtak: null, errors: ['Fant ikke vedtak I ("Kapitlene … I … Sum departementets inntekter")'] };
  const rows = toRows(found.body);
  const chapters: VedtakChapter[] = [];
  const sums: VedtakSum[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind === "sum") {
      const reading = tailReadings(r.text, 1, 1).find((x) => x.absorbed === 0);
      if (reading) sums.push({ label: `Sum ${reading.name}`, kroner: reading.amounts[0], line: r.line });
      else errors.push(`vedtak I linje ${r.line}: fant ikke beløpet i "Sum ${r.text}"`);
      continue;
    }
    if (r.kind !== "kap") {
      errors.push(`vedtak I linje ${r.line}: post ${r.key} står utenfor et kapittel`);
      continue;
    }
    const posts: Row[] = [];
    while (i + 1 < rows.length && rows[i + 1].kind === "post") posts.push(rows[++i]);
    if (!posts.length) {
      errors.push(`vedtak I linje ${r.line}: kap. ${r.key} har ingen poster`);
      continue;
    }
    // Every post but the last prints one amount; the last prints its amount and the chapter total.
    const body = posts.slice(0, -1).map((p) =>
      tailReadings(p.text, 1, 1).map((x): Choice<{ name: string; kroner: number }> => ({
        values: [x.amounts[0]],
        cost: x.absorbed,
        data: { name: x.name, kroner: x.amounts[0] },
      })),
    );
    const lastRow = posts[posts.length - 1];
    const totals = tailReadings(lastRow.text, 2, 2).map((x) => ({
      values: [x.amounts[1] - x.amounts[0]],
      cost: x.absorbed,
      data: { name: x.name, kroner: x.amounts[0], total: x.amounts[1] },
    }));
    const solved = solveSums(body, totals, 1, { emptyRowsSumToZero: true });
    if ("error" in solved) {
      errors.push(`vedtak I kap. ${r.key} (linje ${r.line}): ${solved.error}`);
      continue;
    }
    const all = [...solved.rows, { name: solved.total.name, kroner: solved.total.kroner }];
    chapters.push({
      kap: r.key,
      navn: r.text,
      posts: posts.map((p, k) => ({ kap: r.key, post: p.key, name: all[k].name, kroner: all[k].kroner, line: p.line })),
      totalKroner: solved.total.total,
      consistent: solved.consistent,
    });
  }
  return { vedtak: { chapters, sums, startLine: found.start, endLine: found.end }, errors };
}
