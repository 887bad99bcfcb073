/** The CSV format: RFC 4180 quoting round-trips, and posts written are the posts read. */
import { formatCsv, parseCsv, postsFromCsv, postsToCsv } from "../src/budget/csv";
import type { BudgetPost } from "../src/budget/model";

describe("csv", () => {
  it("round-trips commas, quotes and line breaks", () => {
    const rows = [["a", "b,c", 'sa "hei"', "to\nlinjer", ""]];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
    expect(parseCsv("x,y\r\n1,2\r\n")).toEqual([
      ["x", "y"],
      ["1", "2"],
    ]);
  });

  it("writes posts and reads them back unchanged", () => {
    const posts: BudgetPost[] = [
      {
        kap: 732,
        post: 70,
        betegnelse: "Særskilte tilskudd",
        stikkord: ["kan overføres", "kan nyttes under postene 72, 73, 74 og 75"],
        regnskap_2024: 4009629,
        saldert_2025: 2669897,
        forslag_2026: 2137459,
      },
      {
        kap: 740,
        post: 61,
        betegnelse: "Oppgjørsordning covid-19-vaksinering",
        stikkord: [],
        regnskap_2024: -7495,
        saldert_2025: null,
        forslag_2026: null,
      },
    ];
    const text = postsToCsv(posts);
    expect(text.split("\n")[0]).toBe("kap,post,betegnelse,stikkord,regnskap_2024,saldert_2025,forslag_2026");
    expect(text).toContain(
      '732,70,Særskilte tilskudd,"kan overføres; kan nyttes under postene 72, 73, 74 og 75",4009629,2669897,2137459',
    );
    const back = postsFromCsv(text);
    expect(back.problems).toEqual([]);
    expect(back.model.posts.map(({ row: _r, ...p }) => p)).toEqual(posts);
  });
});
