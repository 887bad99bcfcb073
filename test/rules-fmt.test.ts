/**
 * `budget-rules fmt`: the rules folder is in canonical layout (run in every test run), JSON converts to
 * YAML with the same content and hash, layout problems are listed (exit 1), unreadable files exit 2.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { loadRuleFolder } from "../src/rules/load-folder";

const MINI = path.join(__dirname, "fixtures/rules-basic/user-fees/mini.json");

async function fmt(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["fmt", ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function tempRules(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "budget-rules-fmt-"));
  fs.mkdirSync(path.join(dir, "user-fees"));
  fs.copyFileSync(MINI, path.join(dir, "user-fees", "mini.json"));
  return dir;
}

test("fmt --check: every rule file under rules/ reads, and every YAML one is in canonical layout", async () => {
  const r = await fmt(["--check", path.join(__dirname, "..", "rules")]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
});

describe("fmt --from-json, then fmt and fmt --check", () => {
  const dir = tempRules();
  const before = loadRuleFolder(dir).files.get("mini-egenandel")!;
  let converted: { code: number; out: string };
  let yaml = "";
  beforeAll(async () => {
    converted = await fmt(["--from-json", dir]);
    yaml = fs.readFileSync(path.join(dir, "user-fees", "mini.yaml"), "utf8");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the JSON file is replaced by a YAML file with the same content and hash", () => {
    expect(converted.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "user-fees", "mini.json"))).toBe(false);
    const after = loadRuleFolder(dir).files.get("mini-egenandel")!;
    expect(after.file).toEqual(before.file);
    expect(after.hash).toBe(before.hash);
    expect(after.path).toBe(before.path.replace(/\.json$/, ".yaml"));
  });

  test("the YAML explains itself: dated parameter values, and each rule's and test's citation", () => {
    expect(yaml).toContain("# Parametere med daterte verdier: hver verdi gjelder fra og med «from»");
    expect(yaml).toMatch(
      / {2}# Kilde: Prop\. 1 S \(2025–2026\) HOD, 2\.9 \(003_82c1b6682bf832eb\.txt, linje 611–613\)\n {2}- name: 17 på legevakt/,
    );
    expect(yaml).toMatch(/\n {2}- name: under-grensen\n {4}conditions:/);
  });

  test("the converted file is already canonical; a disordered one is listed (exit 1), rewritten, comments kept", async () => {
    expect((await fmt(["--check", dir])).code).toBe(0);
    const file = path.join(dir, "user-fees", "mini.yaml");
    // Move `id` after `title`, re-indent a list, add an author comment, quote a plain value.
    const messy = yaml
      .replace(/^id: mini-egenandel\ntitle: (.*)$/m, "title: $1\nid: mini-egenandel")
      .replace("lines: [ 611, 613 ]", "lines:\n        - 611\n        - 613")
      .replace("domain: user-fee", "domain: 'user-fee' # brukerbetaling");
    fs.writeFileSync(file, messy);
    const check = await fmt(["--check", dir]);
    expect(check.code).toBe(1);
    expect(check.out).toContain("ikke i fast oppsett:");
    expect(check.out).toContain("mini.yaml");
    expect(fs.readFileSync(file, "utf8")).toBe(messy);
    expect((await fmt([dir])).code).toBe(0);
    const fixed = fs.readFileSync(file, "utf8");
    expect(fixed).toBe(yaml.replace("domain: user-fee", "domain: user-fee # brukerbetaling"));
    expect((await fmt(["--check", dir])).code).toBe(0);
  });

  test("long texts are folded on their own lines within 100 columns", async () => {
    const file = path.join(dir, "user-fees", "mini.yaml");
    const long =
      "Denne beskrivelsen er med vilje så lang at den ikke får plass på én linje, og derfor skal brytes over flere linjer.";
    fs.writeFileSync(
      file,
      fs.readFileSync(file, "utf8").replace("version: 1.0.0", `version: 1.0.0\ndescription: "${long}"`),
    );
    expect((await fmt([dir])).code).toBe(0);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain("description: >-\n  Denne beskrivelsen");
    for (const line of text.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
    expect(loadRuleFolder(dir).files.get("mini-egenandel")!.file.description).toBe(long);
  });
});

test("unreadable files exit 2 naming file, line and column; a bad option exits 2", async () => {
  const dir = tempRules();
  try {
    fs.writeFileSync(path.join(dir, "user-fees", "brutt.yaml"), "id: brutt\nlines: [ 1, 2\n");
    fs.writeFileSync(path.join(dir, "user-fees", "brutt.json"), '{ "id": "brutt", }');
    const r = await fmt(["--check", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/brutt\.yaml:3:1: ugyldig YAML: /);
    expect(r.err).toMatch(/brutt\.json:1:\d+: ugyldig JSON: /);
    expect((await fmt(["--check", "--from-json", dir])).code).toBe(2);
    expect((await fmt(["--sjekk", dir])).err).toContain("ukjent valg --sjekk");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
