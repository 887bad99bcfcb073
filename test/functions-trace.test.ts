/**
 * Tracing a =BUDSJETT.*(…) cell in the task pane asks the core the very question the custom function
 * asked: for every function, the traced answer equals the function's own value.
 */
import { loadRuleFolder } from "../src/rules/load-folder";
import { setRuleSetProvider } from "../functions/rule-set";
import * as F from "../functions/functions";
import { field } from "../src/questions/output";
import { parseBudsjettCall, traceFunctionCall } from "../taskpane/core";

const set = loadRuleFolder("rules");
beforeAll(() => setRuleSetProvider(() => set));

const cases: Array<{ formula: string; direct: () => unknown[][]; output: string }> = [
  {
    formula: '=BUDSJETT.EGENANDEL(17;"legevakt";DATO(2026;8;1))',
    direct: () => F.egenandel([[17]], [["legevakt"]], [["2026-08-01"]], [[null]], [[null]]),
    output: "betaler",
  },
  {
    formula: '=BUDSJETT.EGENANDEL(17;"legevakt";"2026-07-31")',
    direct: () => F.egenandel([[17]], [["legevakt"]], [["2026-07-31"]], [[null]], [[null]]),
    output: "betaler",
  },
  {
    formula: '=BUDSJETT.EGENANDEL.GRUNN("2009-01-15";"fastlege";DATO(2026;8;1))',
    direct: () => F.egenandelGrunn([["2009-01-15"]], [["fastlege"]], [["2026-08-01"]], [[null]], [[null]]),
    output: "grunn",
  },
  {
    formula: "=BUDSJETT.EGENANDELSTAK.GJENSTAR(2025;1000)",
    direct: () => F.egenandelstakGjenstar([[2025]], [[1000]], [[null]]),
    output: "gjenstar",
  },
  {
    formula: '=BUDSJETT.DEFLATER(20161;2025;2026;"sykehus")',
    direct: () => F.deflater([[20161]], [[2025]], [[2026]], [["sykehus"]]),
    output: "belop",
  },
  {
    formula: '=BUDSJETT.BLARESEPT(2000;"2026-03-01";40)',
    direct: () => F.blaresept([[2000]], [["2026-03-01"]], [[40]]),
    output: "egenandel",
  },
  {
    formula: '=BUDSJETT.BLARESEPT(600;"2025-06-01")',
    direct: () => F.blaresept([[600]], [["2025-06-01"]], [[null]]),
    output: "egenandel",
  },
  { formula: "=BUDSJETT.POSTGRUPPE(70;732)", direct: () => F.postgruppe([[70]], [[732]]), output: "gruppe" },
  {
    formula: '=BUDSJETT.REGEL("egenandel";"alder=19; tjeneste=fastlege";"2026-08-01";"legeforeningen-2026";"betaler")',
    direct: () =>
      F.regel(
        [["egenandel"]],
        [["alder=19; tjeneste=fastlege"]],
        [["2026-08-01"]],
        [["legeforeningen-2026"]],
        [["betaler"]],
      ),
    output: "betaler",
  },
];

test.each(cases)("$formula: the trace answers as the function does", ({ formula, direct, output }) => {
  const call = parseBudsjettCall(formula)!;
  const traced = traceFunctionCall(set, call);
  if ("error" in traced) throw new Error(traced.error);
  expect(traced.outcome.ok).toBe(true);
  if (!traced.outcome.ok) return;
  const file = set.files.get(traced.ruleId)!;
  expect(field(file, traced.outcome.value.result, output)).toEqual(direct()[0][0]);
  expect(traced.outcome.value.trace!.sources.length).toBeGreaterThan(0);
});

test("a function the add-in does not have is reported, not guessed", () => {
  const traced = traceFunctionCall(set, parseBudsjettCall("=BUDSJETT.DEFLATOR(1;2025;2026)")!);
  expect(traced).toMatchObject({ error: "BUDSJETT.DEFLATOR er ikke en av tilleggets funksjoner" });
});

test("cell references cannot be traced and say so", () => {
  const traced = traceFunctionCall(set, parseBudsjettCall("=BUDSJETT.EGENANDEL(A2;B2)")!);
  expect("error" in traced && traced.error).toMatch(/cellereferanser/);
});
