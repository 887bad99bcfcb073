/**
 * Offline structural check of manifest.xml (office-addin-manifest's validate is online-only), and
 * that what it names is what the build produces: every URL, the icons, and a functions.json that
 * lists exactly the @customfunction functions in functions/functions.ts.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
// xml2js ships with office-addin-manifest (no @types): the one call we use, typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as {
  parseStringPromise(xml: string, opts: object): Promise<Record<string, unknown>>;
};
import { DIST, ensureBuild, ROOT } from "./stubs/build";

interface Node {
  "#name": string;
  $?: Record<string, string>;
  $$?: Node[];
  _?: string;
}

const ORDER = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DEV_ORIGIN = "https://localhost:3000/";

function all(n: Node, out: Node[] = []): Node[] {
  out.push(n);
  for (const c of n.$$ ?? []) all(c, out);
  return out;
}
const named = (n: Node, name: string) => all(n).filter((x) => x["#name"] === name);
const child = (n: Node, name: string) => (n.$$ ?? []).find((c) => c["#name"] === name);
const attr = (n: Node | undefined, a: string) => n?.$?.[a];

let root: Node;
let text: string;

beforeAll(async () => {
  text = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const doc = await parseStringPromise(text, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
  });
  root = doc.OfficeApp as Node;
  root["#name"] = "OfficeApp";
  ensureBuild();
});

describe("manifest.xml structure", () => {
  test("root OfficeApp, TaskPaneApp, top-level elements in schema order", () => {
    expect(attr(root, "xmlns")).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(attr(root, "xsi:type")).toBe("TaskPaneApp");
    const names = (root.$$ ?? []).map((c) => c["#name"]);
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]) {
      expect(names).toContain(required);
    }
    const positions = names.map((n) => ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("GUID id, version format, Workbook host, SharedRuntime requirement", () => {
    expect(child(root, "Id")?._?.trim()).toMatch(GUID);
    expect(child(root, "Version")?._?.trim()).toMatch(/^([0-9]{1,5})(\.[0-9]{1,5}){0,3}$/);
    expect(named(child(root, "Hosts")!, "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    const sets = named(child(root, "Requirements")!, "Set");
    const shared = sets.find((s) => attr(s, "Name") === "SharedRuntime");
    expect(shared).toBeDefined();
    expect(Number(attr(shared, "MinVersion"))).toBeGreaterThanOrEqual(1.1);
  });

  test("exactly one long-lived Runtime, the same resid as the CustomFunctions Page and the FunctionFile", () => {
    const runtimes = named(root, "Runtime");
    const long = runtimes.filter((r) => attr(r, "lifetime") === "long");
    expect(long).toHaveLength(1);
    const cf = named(root, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions")!;
    expect(cf).toBeDefined();
    for (const part of ["Script", "Page", "Metadata"]) expect(child(child(cf, part)!, "SourceLocation")).toBeDefined();
    expect(child(cf, "Namespace")).toBeDefined();
    const page = attr(child(child(cf, "Page")!, "SourceLocation"), "resid");
    const functionFile = named(root, "FunctionFile").map((f) => attr(f, "resid"));
    expect(page).toBe(attr(long[0], "resid"));
    expect(functionFile).toEqual([page]);
  });

  test("every resid resolves; resource ids ≤ 32 characters; string lengths within limits", () => {
    const images = named(root, "bt:Image").filter((i) => attr(i, "id"));
    const urls = named(root, "bt:Url");
    const shorts = named(child(named(root, "Resources")[0], "bt:ShortStrings")!, "bt:String");
    const longs = named(child(named(root, "Resources")[0], "bt:LongStrings")!, "bt:String");
    const ids = new Set([...images, ...urls, ...shorts, ...longs].map((n) => attr(n, "id")!));
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    const resids = all(root)
      .map((n) => attr(n, "resid"))
      .filter((r): r is string => r !== undefined);
    expect(resids.length).toBeGreaterThan(0);
    for (const r of resids) expect([r, ids.has(r)]).toEqual([r, true]);
    for (const s of shorts) expect(attr(s, "DefaultValue")!.length).toBeLessThanOrEqual(125);
    for (const s of longs) expect(attr(s, "DefaultValue")!.length).toBeLessThanOrEqual(250);
    for (const u of urls) expect(attr(u, "DefaultValue")!.length).toBeLessThanOrEqual(2048);
  });

  test("the custom-functions namespace is BUDSJETT", () => {
    const cf = named(root, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions")!;
    const resid = attr(child(cf, "Namespace"), "resid");
    const ns = named(root, "bt:String").find((s) => attr(s, "id") === resid);
    expect(attr(ns, "DefaultValue")).toBe("BUDSJETT");
  });

  test("all URLs are https; icons of 16, 32 and 80 px are declared and exist as PNGs of that size", () => {
    const urls = [...text.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const sizes = new Set(
      named(root, "bt:Image")
        .map((i) => attr(i, "size"))
        .filter(Boolean),
    );
    for (const s of ["16", "32", "80"]) expect(sizes).toContain(s);
    for (const n of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${n}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([n, n]);
    }
  });
});

describe("the build produces what the manifest names", () => {
  test("every dev-server URL in the manifest is a file in dist/", () => {
    const urls = [...new Set([...text.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]))];
    const local = urls.filter((u) => u.startsWith(DEV_ORIGIN));
    expect(local.length).toBeGreaterThan(0);
    for (const u of local) {
      const file = path.join(DIST, u.slice(DEV_ORIGIN.length).split(/[?#]/)[0]);
      expect([u, fs.existsSync(file)]).toEqual([u, true]);
    }
  });

  test("taskpane.html loads both the functions and the task-pane bundles (shared runtime)", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/functions\.js/);
    expect(html).toMatch(/taskpane\.js/);
  });

  test("dist/functions.json lists exactly the exported @customfunction functions, with their parameters", () => {
    const source = fs.readFileSync(path.join(ROOT, "functions", "functions.ts"), "utf8");
    const declared = [
      ...source.matchAll(/@customfunction\s+([A-Za-z0-9_.]+)[\s\S]*?export function (\w+)\(([^)]*)\)/g),
    ].map((m) => ({
      id: m[1],
      params: m[3]
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => ({ name: p.split(/[?:]/)[0].trim(), optional: /^\w+\?/.test(p) })),
    }));
    expect(declared.length).toBe((source.match(/@customfunction/g) ?? []).length);
    const meta = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
    const got = meta.functions.map((f: { id: string; parameters: Array<{ name: string; optional?: boolean }> }) => ({
      id: f.id,
      params: f.parameters.map((p) => ({ name: p.name, optional: p.optional === true })),
    }));
    expect(got).toEqual(declared);
    for (const f of meta.functions) {
      expect(f.description.length).toBeGreaterThan(10); // description first, tags after: a quirk drops it otherwise
      expect(f.result.dimensionality).toBe("matrix");
      for (const p of f.parameters) expect([f.id, p.name, p.dimensionality]).toEqual([f.id, p.name, "matrix"]);
    }
    // the plugin registered each one in the bundle (no hand-written associate calls)
    const bundle = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
    const associated = [...bundle.matchAll(/associate\("([^"]+)"/g)].map((m) => m[1]).sort();
    expect(associated).toEqual(declared.map((d) => d.id).sort());
    expect(source).not.toMatch(/CustomFunctions\.associate/);
  });

  test("dist/functions.json equals a fresh custom-functions-metadata run on functions.ts", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cfm-"));
    const out = path.join(tmp, "functions.json");
    execFileSync(
      process.platform === "win32" ? "npx.cmd" : "npx",
      ["custom-functions-metadata", "generate", "functions/functions.ts", out],
      { cwd: ROOT, stdio: "pipe" },
    );
    expect(JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"))).toEqual(
      JSON.parse(fs.readFileSync(out, "utf8")),
    );
  });
});
