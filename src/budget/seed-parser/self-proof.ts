/**
 * The checks that prove a seed parse: every figure is compared with another figure printed elsewhere in the
 * document, never with the parser's own output. Failures carry Norwegian messages naming the seed line.
 */
import type { SeedParse } from "./index";
import type { Vec } from "./solver";
import { endringPst } from "./percent";

export interface CheckGroup {
  name: string;
  passed: number;
  failures: string[];
}

export interface ProofResult {
  groups: CheckGroup[];
  /** Readings that needed evidence beyond the table's own sum line (informational). */
  notes: string[];
  ok: boolean;
}

const COLS = ["regnskap 2024", "saldert 2025", "forslag 2026"];
const fmt = (v: number | null): string => (v === null ? "tom" : String(v));

function sumCol(values: Vec[], c: number): number | null {
  const present = values.map((v) => v[c]).filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

function group(name: string): CheckGroup {
  return { name, passed: 0, failures: [] };
}

function check(g: CheckGroup, ok: boolean, failure: () => string): void {
  if (ok) g.passed++;
  else g.failures.push(failure());
}

/** Column by column, the rows add up to the printed sum; `failure` says where, given the column and the rows' sum. */
function checkColumnSums(
  g: CheckGroup,
  rows: Vec[],
  sum: Vec,
  failure: (column: string, got: number | null, printed: number | null) => string,
): void {
  for (let c = 0; c < 3; c++) {
    const got = sumCol(rows, c);
    check(g, got === sum[c], () => failure(COLS[c], got, sum[c]));
  }
}

export function proveSeed(s: SeedParse): ProofResult {
  const parse = group("tolkning uten feil");
  for (const e of s.errors) parse.failures.push(e);
  if (!s.errors.length) parse.passed++;

  const postSums = group('postene summerer til "Sum kap." (per kolonne)');
  for (const t of s.tables)
    checkColumnSums(
      postSums,
      t.posts.map((p) => p.values),
      t.sum,
      (col, got, printed) =>
        `kap. ${t.kap} ${col}: postene gir ${fmt(got)}, "Sum kap." (linje ${t.sumLine}) viser ${fmt(printed)}`,
    );

  const overview = group('oversiktstabellene: kapitler = "Sum kap.", kategori = Σ kapitler, "Endring i pst."');
  const byKap = new Map(s.tables.map((t) => [t.kap, t]));
  for (const ot of s.overview) {
    checkColumnSums(
      overview,
      ot.chapters.map((x) => x.values),
      ot.sum,
      (col, got, printed) =>
        `kategori ${ot.programkategori} ${col}: kapitlene gir ${fmt(got)}, "Sum kategori" viser ${fmt(printed)}`,
    );
    const pct = endringPst(ot.sum[1], ot.sum[2]);
    check(
      overview,
      pct === ot.sumEndringPst,
      () => `kategori ${ot.programkategori}: endring i pst. beregnes til ${pct}, trykt ${ot.sumEndringPst}`,
    );
    for (const oc of ot.chapters) {
      const t = byKap.get(oc.kap);
      check(
        overview,
        !!t,
        () => `kap. ${oc.kap} (linje ${oc.line}) står i oversiktstabellen, men har ingen posttabell`,
      );
      if (t)
        for (let c = 0; c < 3; c++)
          check(
            overview,
            t.sum[c] === oc.values[c],
            () =>
              `kap. ${oc.kap} ${COLS[c]}: "Sum kap." ${fmt(t.sum[c])}, oversiktstabellen (linje ${oc.line}) ${fmt(oc.values[c])}`,
          );
      const p = endringPst(oc.values[1], oc.values[2]);
      check(
        overview,
        p === oc.endringPst,
        () => `kap. ${oc.kap}: endring i pst. beregnes til ${p}, trykt ${oc.endringPst} (linje ${oc.line})`,
      );
    }
  }

  const vedtak = group("forslag 2026 = vedtak I kroner / 1000");
  const v = s.vedtak;
  if (!v) vedtak.failures.push("vedtak I mangler");
  else {
    const vPosts = new Map(v.chapters.flatMap((c) => c.posts.map((p) => [`${p.kap}/${p.post}`, p] as const)));
    const vChap = new Map(v.chapters.map((c) => [c.kap, c]));
    for (const t of s.tables) {
      for (const p of t.posts) {
        const vp = vPosts.get(`${t.kap}/${p.post}`);
        const f = p.values[2];
        check(
          vedtak,
          f === null ? !vp : !!vp && vp.kroner === f * 1000,
          () =>
            `kap. ${t.kap} post ${p.post}: forslag ${fmt(f)} (linje ${p.line}), vedtak I ${vp ? `${vp.kroner} kr (linje ${vp.line})` : "mangler posten"}`,
        );
      }
      const vc = vChap.get(t.kap);
      const f = t.sum[2];
      check(
        vedtak,
        f === null ? !vc : !!vc && vc.totalKroner === f * 1000,
        () =>
          `kap. ${t.kap}: "Sum kap." forslag ${fmt(f)}, vedtak I ${vc ? `${vc.totalKroner} kr` : "mangler kapitlet"}`,
      );
    }
    for (const [key, vp] of vPosts)
      check(
        vedtak,
        s.tables.some((t) => t.posts.some((p) => `${t.kap}/${p.post}` === key)),
        () => `vedtak I kap. ${vp.kap} post ${vp.post} (linje ${vp.line}) finnes ikke i tabellene`,
      );
    for (const [label, pred] of [
      ["Sum departementets utgifter", (k: number) => k < 3000],
      ["Sum departementets inntekter", (k: number) => k >= 3000],
    ] as const) {
      const printed = v.sums.find((x) => x.label === label);
      const fromTables = s.tables.filter((t) => pred(t.kap)).reduce((a, t) => a + (t.sum[2] ?? 0), 0);
      check(
        vedtak,
        !!printed && printed.kroner === fromTables * 1000,
        () =>
          `${label}: tabellene gir ${fromTables * 1000} kr, vedtak I viser ${printed ? printed.kroner : "ingenting"}`,
      );
    }
  }

  // The PDF text puts a no-break space after an amount's first thousands group and plain spaces elsewhere
  // ("212\u00A0563" is one amount, "5\u00A0419 957" one). The parser ignores this; here it must agree.
  const typo = group("typografi: beløpene står i kilden slik de er lest (NBSP etter første siffergruppe)");
  const printed = (vs: Vec): string =>
    vs
      .filter((v): v is number => v !== null)
      .map(
        (v) =>
          (v < 0 ? "-" : "") +
          String(Math.abs(v))
            .replace(/\B(?=(\d{3})+(?!\d))/g, " ")
            .replace(" ", "\u00A0"),
      )
      .join(" ");
  const rawTail = (from: number, to: number): string =>
    s.rawLines
      .slice(from - 1, to - 1)
      .join(" ")
      .replace(/[ \t\r\n]+/g, " ")
      .trim();
  for (const t of s.tables) {
    t.posts.forEach((p, k) => {
      const end = k + 1 < t.posts.length ? t.posts[k + 1].line : t.sumLine;
      const want = printed(p.values);
      check(
        typo,
        rawTail(p.line, end).endsWith(want),
        () =>
          `kap. ${t.kap} post ${p.post} (linje ${p.line}): forventet «${want.replace(/\u00A0/g, "~")}» på slutten av raden`,
      );
    });
    const want = printed(t.sum);
    check(
      typo,
      rawTail(t.sumLine, t.sumLine + 1).endsWith(want),
      () => `kap. ${t.kap}: "Sum kap." (linje ${t.sumLine}) forventet «${want.replace(/\u00A0/g, "~")}»`,
    );
  }

  const notes: string[] = [];
  for (const t of s.tables)
    if (t.anchoredBy)
      notes.push(
        `kap. ${t.kap}: "Sum kap." (linje ${t.sumLine}) kan leses ${t.consistent} måter; låst av ${t.anchoredBy}` +
          (t.consistentAnchored && t.consistentAnchored > 1
            ? `, ${t.consistentAnchored} igjen, valgt etter lik størrelsesorden`
            : ""),
      );
  for (const o of s.overview)
    if (o.resolvedBy)
      notes.push(`kategori ${o.programkategori}: raden og summen kan leses flere måter; låst av ${o.resolvedBy}`);
  const groups = [parse, postSums, overview, vedtak, typo];
  return { groups, notes, ok: groups.every((g) => g.failures.length === 0) };
}
