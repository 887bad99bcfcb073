/** `npm run build:budget` is deterministic: two fresh builds equal each other and the committed sheets/ files byte for byte. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildBudget, DEFAULT_SEED } from "../scripts/build-budget";

const ROOT = path.resolve(__dirname, "..");
const FILES = ["hod-2026.csv", "hod-2026-chapters.csv", "hod-2026-endringsomtale.csv", "hod-2026.xlsx"];
const haveSeed = fs.existsSync(DEFAULT_SEED);

(haveSeed ? describe : describe.skip)("build-budget", () => {
  const dirs: string[] = [];
  const lines: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-budget-"));
      dirs.push(dir);
      expect(await buildBudget(DEFAULT_SEED, dir, (l) => lines.push(l))).toBe(0);
    }
  });
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it.each(FILES)("%s is identical across runs and equal to the committed file", (f) => {
    const a = fs.readFileSync(path.join(dirs[0], f));
    const b = fs.readFileSync(path.join(dirs[1], f));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(fs.readFileSync(path.join(ROOT, "sheets", f)))).toBe(true);
  });

  it("prints a summary with counts and passed checks", () => {
    const summary = lines.find((l) => l.startsWith("build-budget: 50 kapitler"));
    expect(summary).toContain("167 poster (139 utgift, 28 inntekt)");
    expect(summary).toMatch(/\d+ kontroller bestått/);
    expect(lines.some((l) => l.startsWith("FEIL"))).toBe(false);
  });

  it("fails with a clear message and writes nothing when the seed does not prove", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-budget-bad-"));
    const seed = path.join(dir, "seed.txt");
    // Corrupt one post amount: 732/71 forslag 693 123 → 693 124 no longer sums to "Sum kap. 732".
    fs.writeFileSync(
      seed,
      fs
        .readFileSync(DEFAULT_SEED, "utf8")
        .replace(/(Resultatbasert finansiering 646\u00A0145 671\u00A0631 693\u00A0)123/, "$1124"),
    );
    const out: string[] = [];
    expect(await buildBudget(seed, path.join(dir, "out"), (l) => out.push(l))).toBe(1);
    expect(out.join("\n")).toMatch(/kap\. 732/);
    expect(fs.existsSync(path.join(dir, "out", "hod-2026.csv"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
