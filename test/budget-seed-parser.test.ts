/** Units of the seed parser: the ambiguity of space-grouped amounts, names with digits, stikkord, percentages. */
import { groupings, placements, tailReadings } from "../src/budget/seed-parser/amount-tokens";
import { joinWrapped } from "../src/budget/seed-parser/logical-rows";
import { endringPst } from "../src/budget/seed-parser/percent";
import { splitStikkord } from "../src/budget/seed-parser/stikkord";
import { solveSums } from "../src/budget/seed-parser/solver";
import { isPageHeader } from "../src/budget/seed-parser/lines";
import { isKanOverfores, isOverslagsbevilgning, kanNyttesUnder } from "../src/budget/model";

describe("amount tokens", () => {
  it('"212 563" is one amount or two', () => expect(groupings(["212", "563"])).toEqual([[212, 563], [212563]]));
  it('a 1–2 digit group cannot continue an amount, "014" cannot start one', () => {
    expect(groupings(["20", "161", "20", "806"])).toEqual([
      [20, 161, 20, 806],
      [20, 161, 20806],
      [20161, 20, 806],
      [20161, 20806],
    ]);
    expect(groupings(["014"])).toEqual([]);
  });
  it('a name may keep one number after "postene … og"', () => {
    const r = tailReadings(
      "Særskilte tilskudd, kan overføres, kan nyttes under postene 72, 73, 74 og 75 4 009 629 2 669 897 2 137 459",
      0,
      3,
    );
    expect(r).toEqual([
      {
        name: "Særskilte tilskudd, kan overføres, kan nyttes under postene 72, 73, 74 og 75",
        amounts: [4009629, 2669897, 2137459],
        absorbed: 1,
      },
    ]);
  });
  it("names with digits glued to words stay names", () => {
    expect(tailReadings("Oppgjørsordning covid-19-vaksinering -7 495", 1, 3).map((x) => x.amounts)).toContainEqual([
      -7495,
    ]);
  });
  it("placements keep order", () =>
    expect(placements([1, 2], 3)).toEqual([
      [1, 2, null],
      [1, null, 2],
      [null, 1, 2],
    ]));
});

describe("solver", () => {
  it("finds the one reading whose rows add up to the total", () => {
    const rows = [
      [
        { values: [212563, null], cost: 0, data: "a" },
        { values: [212, 563], cost: 0, data: "b" },
      ],
      [{ values: [1, 1], cost: 0, data: "c" }],
    ];
    const r = solveSums(rows, [{ values: [212564, 1], cost: 0, data: "t" }], 2);
    expect(r).toMatchObject({ rows: ["a", "c"], consistent: 1 });
  });
  it("reports ties", () => {
    const rows = [
      [
        { values: [1], cost: 0, data: "a" },
        { values: [1], cost: 0, data: "b" },
      ],
    ];
    expect(solveSums(rows, [{ values: [1], cost: 0, data: "t" }], 1)).toMatchObject({
      error: expect.stringMatching(/2 like gode/),
    });
  });
});

describe("text helpers", () => {
  it('joins hyphenated wraps but keeps "helse- og"', () => {
    expect(joinWrapped("Utenriks-", "departementet")).toBe("Utenriksdepartementet");
    expect(joinWrapped("helse- og", "omsorgstjeneste")).toBe("helse- og omsorgstjeneste");
    expect(joinWrapped("Kompetanse-, forsknings- og rekrut-", "teringstiltak")).toBe(
      "Kompetanse-, forsknings- og rekrutteringstiltak",
    );
  });
  it("recognises page headers", () => {
    expect(isPageHeader("2025–2026 Prop. 1 S 17")).toBe(true);
    expect(isPageHeader("40 Prop. 1 S 2025–2026")).toBe(true);
    expect(isPageHeader("40 Prosjekt")).toBe(false);
  });
  it("splits stikkord off the name, keeping the wording", () => {
    expect(splitStikkord("Byggelånsrenter , overslagsbevilgning")).toEqual({
      betegnelse: "Byggelånsrenter",
      stikkord: ["overslagsbevilgning"],
    });
    expect(splitStikkord("Særskilte tilskudd, kan overføres, kan nyttes under postene 72, 73, 74 og 75")).toEqual({
      betegnelse: "Særskilte tilskudd",
      stikkord: ["kan overføres", "kan nyttes under postene 72, 73, 74 og 75"],
    });
    expect(splitStikkord("Psykisk helse, rus og vold").stikkord).toEqual([]);
  });
  it("endring i pst. as printed", () => {
    expect(endringPst(129978, 129437)).toBe("-0,4");
    expect(endringPst(549123, 751234)).toBe("36,8");
    expect(endringPst(null, null)).toBe("0,0");
    expect(endringPst(1000, 1000)).toBe("0,0");
  });
  it("stikkord helpers", () => {
    const p = { stikkord: ["kan overføres", "kan nyttes under postene 72, 73, 74 og 75"] };
    expect(isKanOverfores(p)).toBe(true);
    expect(isOverslagsbevilgning(p)).toBe(false);
    expect(kanNyttesUnder(p)).toEqual([72, 73, 74, 75]);
    expect(kanNyttesUnder({ stikkord: ["kan nyttes under post 21"] })).toEqual([21]);
    expect(kanNyttesUnder({ stikkord: [] })).toEqual([]);
  });
});
