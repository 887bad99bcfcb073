/**
 * What Prop. 1 S says about changes, per chapter or post, as parsed from the seed: checked against
 * lines read in the seed itself (003_82c1b6682bf832eb.txt).
 */
import * as fs from "fs";
import { parseChangeStatements, joinLines } from "../src/budget/seed-parser/change-statements";
import { embeddedReference } from "../src/budget/reference-file";
import { PROP_SEED } from "./helpers/seeds";

const SEED = PROP_SEED;
const statements = parseChangeStatements(fs.readFileSync(SEED, "utf8"));
const find = (kap: number, post: number | null) =>
  statements.find((s) => s.kap === kap && s.post === post && s.kind !== "postomtale");

test("kap. 704 (L7620): no significant changes beyond price and wage adjustment", () => {
  expect(find(704, null)).toMatchObject({ line: 7620, kind: "bare-prisjustering" });
  expect(find(704, null)!.text).toMatch(
    /^Det er ingen vesentlige endringsforslag utover gjennomgående budsjettiltak omtalt i Del I og generell pris- og lønnsjustering\./,
  );
});

test("kap. 701 (L5908): significant changes listed, incl. −75,2 mill. on post 21", () => {
  expect(find(701, null)).toMatchObject({ line: 5908, kind: "vesentlige-endringer" });
  expect(find(701, null)!.text).toContain("75,2 mill. kroner på post 21");
});

test("post-level statements: 3740 post 02 (L16073) and 783 post 61 (L29996)", () => {
  expect(find(3740, 2)).toMatchObject({ kind: "ingen-endring" });
  expect(find(3740, 2)!.text).toBe(
    "Det er ingen vesentlige endringsforslag sammenlignet med saldert budsjett for 2025.",
  );
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
  const said = statements.filter((s) => s.kind !== "postomtale");
  const own = statements.filter((s) => s.kind === "postomtale");
  expect(ref.statements.size).toBe(said.length);
  expect(ref.postTexts.size).toBe(own.length);
  for (const s of said)
    expect(ref.statements.get(`${s.kap}/${s.post ?? ""}`)).toEqual({ line: s.line, kind: s.kind, text: s.text });
  for (const s of own) expect(ref.postTexts.get(`${s.kap}/${s.post}`)).toEqual({ line: s.line, text: s.text });
});

test("a wrapped «kap. 710 om vaksiner …» inside kap. 702 (L6683) is not a heading: 702's posts keep their own text", () => {
  // Seed 003 L6799–6804: «Post 72 Kompensasjon til legemiddelgrossister … Det foreslås 86,7 mill. kroner til kompensasjon i 2026.»
  const own = statements.find((s) => s.kap === 702 && s.post === 72 && s.kind === "postomtale");
  expect(own).toMatchObject({ line: 6799 });
  expect(own!.text).toContain("Det foreslås 86,7 mill. kroner til kompensasjon i 2026.");
  expect(statements.some((s) => s.kap === 710 && s.line >= 6683 && s.line < 6817)).toBe(false);
});

test("«ingen vesentlige endringsforslag sammenlignet med saldert budsjett» without a word of price adjustment is its own kind", () => {
  // L16486–16488 (kap. 3741 post 50) says nothing of price adjustment; L16832–16834 (kap. 3742 post 50) says «Ut over generell prisomregning».
  expect(find(3741, 50)).toMatchObject({ kind: "ingen-endring" });
  expect(find(3742, 50)).toMatchObject({ kind: "bare-prisjustering" });
  expect(find(704, null)).toMatchObject({ kind: "bare-prisjustering" });
});
