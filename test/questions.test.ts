/**
 * One question module for every front end (src/questions): the command line's `eval`, REGEL/TILSKUDD/FORKLAR and
 * the year functions (EGENANDELSTAK.GJENSTAR, DEFLATER) ask a question about a year on 1 January of that year
 * when no date is given; a given date is asked as given.
 */
import {
  commandLineQuestion,
  deflaterQuestion,
  egenandelstakQuestion,
  genericQuestion,
  IDS,
} from "../src/questions/questions";

test("a question about a year, without a date, is asked on 1 January of it, by the CLI, REGEL and the function alike", () => {
  const cli = commandLineQuestion(IDS.egenandelstak, { ar: "2026", betalt: "1000" }, undefined, undefined);
  const regel = genericQuestion(IDS.egenandelstak, { ar: 2026, betalt: 1000 }, null, null);
  const fn = egenandelstakQuestion(2026, 1000, null);
  expect([cli.date, regel.date, fn.date]).toEqual(["2026-01-01", "2026-01-01", "2026-01-01"]);
  expect(cli).toEqual({
    regel: "egenandelstak",
    facts: { ar: "2026", betalt: "1000" },
    date: "2026-01-01",
    scenario: null,
  });
  const deflator = { belop: "20161", fra: "2025", til: "2027", serie: "sykehus" };
  expect(commandLineQuestion(IDS.deflator, deflator, undefined, "s").date).toBe("2027-01-01");
  expect(genericQuestion(IDS.deflator, deflator, "", null).date).toBe("2027-01-01");
  expect(deflaterQuestion(20161, 2025, 2027, "sykehus").date).toBe("2027-01-01");
});

test("a given date is asked as given: the CLI leaves checking it to the core, REGEL reads Excel dates and texts", () => {
  const facts = { ar: "2026", betalt: "1000" };
  expect(commandLineQuestion(IDS.egenandelstak, facts, "2026-06-01", "legeforeningen-2026")).toEqual({
    regel: "egenandelstak",
    facts,
    date: "2026-06-01",
    scenario: "legeforeningen-2026",
  });
  expect(commandLineQuestion(IDS.egenandelstak, facts, "31.13.2026", undefined).date).toBe("31.13.2026");
  expect(genericQuestion(IDS.egenandelstak, facts, "01.06.2026", null).date).toBe("2026-06-01");
  expect(genericQuestion(IDS.egenandelstak, facts, 46174, null).date).toBe("2026-06-01");
});
