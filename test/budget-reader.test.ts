/** readBudgetTable: accepts the sheet as a user has it, reports problems at A1 cells, never crashes or yields NaN. */
import { readBudgetTable } from "../src/budget/reader";
import { readAmount } from "../src/budget/amount-cell";

const NO_HEADERS = ["Kap.", "Post", "Betegnelse", "Stikkord", "Regnskap 2024", "Saldert budsjett 2025", "Forslag 2026"];

describe("amount cells", () => {
  it.each([
    [1234, 1234],
    ["1 234", 1234],
    ["1\u00A0234\u00A0567", 1234567],
    ["1\u202F234", 1234],
    ["1 438,1", 1438.1],
    ["(123)", -123],
    ["-7 495", -7495],
    ["−52", -52],
    ["–", null],
    ["-", null],
    ["", null],
    [null, null],
  ])("%p → %p", (input, want) => expect(readAmount(input)).toEqual({ ok: true, value: want }));

  it.each(["#VALUE!", "#REF!", { error: "#N/A" }, "abc", NaN, true])("%p is a problem, not a number", (input) => {
    expect(readAmount(input).ok).toBe(false);
  });
});

describe("readBudgetTable", () => {
  it("reads Norwegian headers in shuffled column order, below title rows, with sum rows", () => {
    const cells = [
      ["Statsbudsjettet 2026"],
      [],
      ["Forslag 2026", "Betegnelse", "post", " KAP. ", "Saldert  budsjett 2025", "Regnskap 2024", "Stikkord"],
      [20806, "Spesielle driftsutgifter", "21", 732, "20 161", "67\u00A0362", "kan overføres"],
      [
        "2 137 459",
        "Særskilte tilskudd",
        70,
        732,
        2669897,
        4009629,
        "kan overføres; kan nyttes under postene 72, 73, 74 og 75",
      ],
      [2158265, "Sum kap. 732", null, 732, 2690058, 4076991, null],
      ["Sum kategori 10.30", null, null, null, null, null, null],
    ];
    const { model, problems } = readBudgetTable(cells, {
      sheetName: "Ark",
      formulas: [[], [], [], [], [], ["SUM(A4:A5)", null, null, null, "=SUM(E4:E5)", "=SUM(F4:F5)"]],
    });
    expect(problems).toEqual([]);
    expect(model.columns).toMatchObject({
      kap: "D",
      post: "C",
      betegnelse: "B",
      forslag_2026: "A",
      saldert_2025: "E",
      regnskap_2024: "F",
      stikkord: "G",
    });
    expect(model.posts.map((p) => [p.kap, p.post, p.regnskap_2024, p.saldert_2025, p.forslag_2026, p.row])).toEqual([
      [732, 21, 67362, 20161, 20806, 4],
      [732, 70, 4009629, 2669897, 2137459, 5],
    ]);
    expect(model.posts[1].stikkord).toEqual(["kan overføres", "kan nyttes under postene 72, 73, 74 og 75"]);
    expect(model.chapters).toHaveLength(1);
    expect(model.chapters[0].sumRow).toEqual({
      row: 6,
      values: { regnskap_2024: 4076991, saldert_2025: 2690058, forslag_2026: 2158265 },
      formulaRanges: { forslag_2026: "A4:A5", saldert_2025: "E4:E5", regnskap_2024: "F4:F5" },
    });
  });

  it("reads CSV headers without sum rows, and empty cells as null", () => {
    const { model, problems } = readBudgetTable([
      ["kap", "post", "betegnelse", "stikkord", "regnskap_2024", "saldert_2025", "forslag_2026"],
      ["732", "81", "Protonsenter", "kan overføres", "212563", "", ""],
      [],
      ["740", "61", "Oppgjørsordning covid-19-vaksinering", "", "(7 495)", "–", "-"],
    ]);
    expect(problems).toEqual([]);
    expect(model.chapters.map((c) => [c.kap, c.posts.length, c.sumRow])).toEqual([
      [732, 1, undefined],
      [740, 1, undefined],
    ]);
    expect(model.posts[1]).toMatchObject({ regnskap_2024: -7495, saldert_2025: null, forslag_2026: null, row: 4 });
  });

  it("reports Excel error values at their cell and keeps the post", () => {
    const { model, problems } = readBudgetTable([
      NO_HEADERS,
      [700, 1, "Driftsutgifter", "", "#VALUE!", { error: "#N/A" }, 333959],
    ]);
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([
      ["E2", "error"],
      ["F2", "error"],
    ]);
    expect(problems[0].message).toMatch(/Regnskap 2024.*#VALUE!/);
    expect(model.posts[0]).toMatchObject({ regnskap_2024: null, saldert_2025: null, forslag_2026: 333959 });
  });

  it("reports a sheet of another shape as exactly one problem naming the missing headers", () => {
    const { model, problems } = readBudgetTable([
      ["Navn", "Beløp"],
      ["Kap.", "Post", "Tekst", "Beløp 2026"],
      ["x", 1],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ cell: "A2", severity: "error" });
    expect(problems[0].message).toMatch(/mangler: Betegnelse, Regnskap 2024, Saldert budsjett 2025, Forslag 2026/);
    expect(model.posts).toEqual([]);
    expect(readBudgetTable([]).problems).toHaveLength(1);
    expect(readBudgetTable([["a", "b"]]).problems[0].cell).toBe("A1");
  });

  it("reports a duplicated post at its cell", () => {
    const { model, problems } = readBudgetTable([
      NO_HEADERS,
      [733, 21, "Spesielle driftsutgifter", "", 4765, 3967, 4039],
      [733, 70, "Behandlingsreiser til utlandet", "", 116949, 120190, 121306],
      [733, "21", "Spesielle driftsutgifter", "", 4765, 3967, 4039],
    ]);
    expect(problems).toEqual([{ cell: "B4", message: "Post 733/21 finnes allerede i rad 2.", severity: "error" }]);
    expect(model.posts).toHaveLength(2);
  });

  it("never skips a non-empty row silently and never produces NaN", () => {
    const { model, problems } = readBudgetTable([
      NO_HEADERS,
      ["sju", 1, "Driftsutgifter", "", 1, 2, 3],
      [700, "x", "Driftsutgifter", "", 1, 2, 3],
      [null, null, "en løs merknad", "", 5, null, null],
      [700, 1, "Driftsutgifter", "", "mye", Infinity, 3],
    ]);
    expect(problems.map((p) => p.cell)).toEqual(["A2", "B3", "A4", "E5", "F5"]);
    for (const p of model.posts)
      for (const v of [p.regnskap_2024, p.saldert_2025, p.forslag_2026]) expect(Number.isNaN(v)).toBe(false);
  });

  it("uses a chapter heading row for the posts below it", () => {
    const { model, problems } = readBudgetTable([
      NO_HEADERS,
      [760, null, "Kommunale helse- og omsorgstjenester"],
      [null, 72, "Aldersvennlige boliger", "", null, null, 89000],
    ]);
    expect(problems).toEqual([]);
    expect(model.posts[0]).toMatchObject({ kap: 760, post: 72, forslag_2026: 89000 });
  });
});
