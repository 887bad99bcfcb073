/**
 * What Prop. 1 S says about changes, per chapter or post, as parsed from the seed: checked against
 * lines read in the seed itself (003_82c1b6682bf832eb.txt).
 */
import * as fs from "fs";
import * as path from "path";
import { parseChangeStatements, joinLines } from "../src/budget/seed-parser/change-statements";
import { embeddedReference } from "../src/budget/reference-file";

const SEED = path.resolve(__dirname, "../../shared/seeds/003_82c1b6682bf832eb.txt");
const statements = parseChangeStatements(fs.readFileSync(SEED, "utf8"));
const find = (kap: number, post: number | null) => statements.find((s) => s.kap === kap && s.post === post);

test("kap. 704 (L7620): no significant changes beyond price and wage adjustment", () => {
  expect(find(704, null)).toMatchObject({ line: 7620, kind: "bare-prisjustering" });
  expect(find(704, null)!.text).toMatch(/^Det er ingen vesentlige endringsforslag utover gjennomgående budsjettiltak omtalt i Del I og generell pris- og lønnsjustering\./);
});

test("kap. 701 (L5908): significant changes listed, incl. −75,2 mill. on post 21", () => {
  expect(find(701, null)).toMatchObject({ line: 5908, kind: "vesentlige-endringer" });
  expect(find(701, null)!.text).toContain("75,2 mill. kroner på post 21");
});

test("post-level statements: 3740 post 02 (L16073) and 783 post 61 (L29996)", () => {
  expect(find(3740, 2)).toMatchObject({ kind: "bare-prisjustering" });
  expect(find(3740, 2)!.text).toBe("Det er ingen vesentlige endringsforslag sammenlignet med saldert budsjett for 2025.");
  expect(find(783, 61)).toMatchObject({ line: 29996, kind: "vesentlige-endringer" });
});

test("the programme-level pointer (L10079) is not a chapter statement", () => {
  expect(statements.some((s) => s.line === 10079)).toBe(false);
});

test("hyphenation is mended, but «pris- og lønn» is kept", () => {
  expect(joinLines(["gjennomgå-", "ende budsjettiltak"])).toBe("gjennomgående budsjettiltak");
  expect(joinLines(["generell pris-", "og lønnsjustering"])).toBe("generell pris- og lønnsjustering");
});

test("the committed sheets/hod-2026-endringsomtale.csv is what the parser gives", () => {
  const ref = embeddedReference();
  expect(ref.statements.size).toBe(statements.length);
  for (const s of statements) expect(ref.statements.get(`${s.kap}/${s.post ?? ""}`)).toEqual({ line: s.line, kind: s.kind, text: s.text });
});
