/**
 * The task pane in headless Chromium: the browser preview (PreviewPort over the bundled hod-2026.xlsx) and
 * the Office port against the injected fake Excel. Builds dist/ when missing or stale, serves it on
 * 127.0.0.1 and fails every request to another origin (office.js's CDN URL is routed to a local stub).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { chromium, Browser, Page } from "playwright-core";
import { readBudgetWorkbook } from "../../src/budget/xlsx";
import { loadRuleFolder } from "../../src/rules/load-folder";
import { checkBudget } from "../../src/budget/check";
import { embeddedReference } from "../../src/budget/reference-file";
import { expectedErrors, writeFaultyWorkbook } from "../helpers/faulty-workbook";
import { ensureBuild } from "../stubs/build";
const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const ART = path.join(ROOT, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DATE = "2026-01-01";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDist } = require("../../scripts/serve-dist.js");

/** The fake Excel as a browser script: test/fakes/fake-excel.ts transpiled, installed on window. */
function fakeExcelScript(init: unknown): string {
  const src = fs.readFileSync(path.join(ROOT, "test/fakes/fake-excel.ts"), "utf8");
  const js = ts.transpileModule(src, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function(){var exports={};var module={exports:exports};${js}\nexports.installFakeExcel(window, ${JSON.stringify(init)});})();`;
}

type Key = string;
const key = (f: { cell: string; rule: string; severity: string; ruleFile: string }): Key =>
  `${f.cell}|${f.ruleFile}|${f.rule}|${f.severity}`;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const outside: string[] = [];
let nodeKeys: Key[] = [];
let sheetInit: { sheets: Array<{ name: string; values: unknown[][]; formulas: (string | null)[][] }> };
const timings: Record<string, number> = {};

/** Console errors, uncaught page errors and failed (4xx/5xx) responses, per page: the preview must have none. */
const consoleProblems = new WeakMap<Page, string[]>();

/**
 * `officeStub`: route office.js's CDN URL to the local stand-in (only the Office-port test, which opens the pane as
 * Office does, with _host_Info). Without it every request outside the test server is recorded and refused.
 */
async function openPage(
  init?: unknown,
  viewport = { width: 1280, height: 860 },
  opts: { officeStub?: boolean } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  consoleProblems.set(page, problems);
  page.on("pageerror", (e) => {
    problems.push(`pageerror: ${e.message}`);
    console.error("pageerror:", e.message);
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url + "/")) return route.continue();
    if (opts.officeStub && url === OFFICE_CDN)
      return route.fulfill({
        contentType: "text/javascript",
        body: fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8"),
      });
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  if (init) await page.addInitScript({ content: fakeExcelScript(init) });
  return page;
}

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(ART, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium finnes ikke på ${CHROMIUM}. Installer den med: apt-get update && apt-get install -y chromium (eller sett CHROMIUM_PATH). E2E-testene hoppes aldri over i stillhet.`,
    );
  }
  fs.mkdirSync(ART, { recursive: true });
  ensureBuild();
  server = await serveDist(DIST, 0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  // What `budget-rules check sheets/hod-2026.xlsx --date 2026-01-01` reports, computed in Node.
  const read = await readBudgetWorkbook(path.join(ROOT, "sheets/hod-2026.xlsx"));
  const report = checkBudget(read.model, loadRuleFolder(path.join(ROOT, "rules")), {
    date: DATE,
    sheetProblems: read.problems,
    reference: embeddedReference(),
  });
  nodeKeys = [...new Set(report.findings.map(key))].sort();
  sheetInit = { sheets: [{ name: read.model.sheetName, values: read.cells, formulas: read.formulas }] };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.writeFileSync(path.join(ART, "timings.json"), JSON.stringify(timings, null, 2));
});

async function runCheck(
  page: Page,
): Promise<{ ms: number; findings: Array<{ cell: string; rule: string; severity: string; ruleFile: string }> }> {
  await page.getByTestId("tab-check").click();
  await page.getByTestId("check-date").fill(DATE);
  await page.getByTestId("run-check").click();
  await page.getByTestId("check-summary").waitFor();
  return page.evaluate(() => (window as unknown as { __pane: { lastRun: never } }).__pane.lastRun);
}

test("preview: check, select, trace a deflated figure, scenario – same findings as checkBudget in Node", async () => {
  const page = await openPage();
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector('body[data-port="preview"]', { timeout: 30_000 });
  await shot(page, "01-preview-loaded");

  const run = await runCheck(page);
  timings.previewCheckMs = Math.round(run.ms);
  console.log(`Kontroll av innebygd arbeidsbok i forhåndsvisningen: ${Math.round(run.ms)} ms`);
  const browserKeys = [...new Set(run.findings.map(key))].sort();
  expect(browserKeys).toEqual(nodeKeys);
  expect(await page.getByTestId("finding").count()).toBe(run.findings.length);
  await shot(page, "02-preview-findings");

  // Clicking a finding selects (and scrolls to) its cell.
  const first = page.getByTestId("finding").first();
  const cell = (await first.getAttribute("data-cell"))!;
  await first.click();
  await expect(page.locator(`td[data-cell="${cell}"].selected`).count()).resolves.toBe(1);
  await page.getByTestId("write-marks").click();
  await page.getByTestId("notice").waitFor();
  await shot(page, "03-preview-finding-selected");

  // A deflated figure traces through the deflator rule file: rule file, parameter dates, seed line.
  await page.getByTestId("tab-trace").click();
  await page.getByTestId("open-demo").click();
  await page.locator('td[data-cell="E2"]').click();
  await page.getByTestId("trace-rulefile").waitFor();
  expect(await page.getByTestId("trace-rulefile").first().textContent()).toBe("deflator");
  const params = (await page.getByTestId("trace-parameters").first().textContent()) ?? "";
  expect(params).toMatch(/fra \d{2}\.\d{2}\.\d{4}/); // nb-NO dates
  const sources = (await page.getByTestId("trace-sources").first().textContent()) ?? "";
  expect(sources).toMatch(/\d{3}_[0-9a-f]{16}\.txt linje \d+–\d+/);
  expect(await page.getByTestId("trace-formula").textContent()).toMatch(/^=BUDSJETT\.DEFLATER\(/);
  await shot(page, "04-preview-trace-deflator");

  // Scenario side by side with the proposal.
  await page.getByTestId("tab-scenario").click();
  await page.getByTestId("scenario-select").selectOption("legeforeningen-2026");
  await page.getByTestId("scenario-run").click();
  const row18 = page.locator('[data-testid="scenario-row"][data-label="Egenandel, 18 år, fastlege"]');
  await row18.waitFor();
  expect(await row18.locator("td").nth(1).textContent()).toBe("ja");
  expect(await row18.locator("td").nth(2).textContent()).toBe("nei");
  const tak = page.locator(
    '[data-testid="scenario-row"][data-label="Egenandelstak 2026"] [data-testid="scenario-diff"]',
  );
  expect(await tak.textContent()).toMatch(/^-?\d[\d ]*(,\d+)?$/);
  expect(await tak.textContent()).not.toBe("0");
  await shot(page, "05-preview-scenario");

  // A workbook with four planted faults, opened through the file input: the same findings as in Node.
  const planted = await writeFaultyWorkbook(path.join(ROOT, "sheets/hod-2026.xlsx"));
  const faultyRead = await readBudgetWorkbook(planted.file);
  const faultyReport = checkBudget(faultyRead.model, loadRuleFolder(path.join(ROOT, "rules")), {
    date: DATE,
    sheetProblems: faultyRead.problems,
    reference: embeddedReference(),
  });
  await page.getByTestId("open-file").setInputFiles(planted.file);
  await page
    .locator(`td[data-cell="G${planted.rows.sum700}"]`)
    .filter({ hasText: /333\D?960/ })
    .first()
    .waitFor();
  const faultyRun = await runCheck(page);
  expect([...new Set(faultyRun.findings.map(key))].sort()).toEqual([...new Set(faultyReport.findings.map(key))].sort());
  expect(
    faultyRun.findings
      .filter((f) => f.severity === "error")
      .map((f) => `${f.cell} ${f.ruleFile}/${f.rule}`)
      .sort(),
  ).toEqual(expectedErrors(planted));
  await shot(page, "05b-preview-planted-faults");

  // Narrow pane (320 px) still readable.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByTestId("tab-check").click();
  await shot(page, "06-preview-320px");
  const problems = consoleProblems.get(page)!;
  await page.close();
  expect(outside).toEqual([]);
  // No «CustomFunctions is not defined», no 404 (favicon), no other console error in the preview.
  expect(problems).toEqual([]);
});

/** Visible text of the pane (not the sheet grid, whose cells are the user's own data). */
const paneText = async (page: Page): Promise<string> =>
  `${await page.locator("main.pane").innerText()}\n${await page.locator(".open-file").innerText()}`;

/** English words that were left in the Norwegian pane (issue 16.5). */
const ENGLISH = /\bwarning\b|\berror\b|budget-post|\buser-fee\b|Choose File|No file chosen|\bfrom \d|\botherwise\b/i;

test.each([320, 420])(
  "preview at %i px: opens at its title, in Norwegian, nb-NO dates, years as years, scenario tables not cut off",
  async (width) => {
    const page = await openPage(undefined, { width, height: 800 });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-port="preview"]');
    await page.locator("td.selected").first().waitFor(); // the initial selection has been scrolled to
    // Opens at its title: the page itself is not scrolled, the h1 is in view.
    expect(await page.evaluate(() => [window.scrollY, document.scrollingElement?.scrollTop ?? 0])).toEqual([0, 0]);
    const h1 = (await page.locator("main.pane h1").first().boundingBox())!;
    expect(h1.y).toBeGreaterThanOrEqual(0);
    await shot(page, `07-open-${width}px`);

    // Dates typed and shown as 01.01.2026; a wrong one is named, not sent.
    expect(await page.getByTestId("check-date").inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await page.getByTestId("check-date").fill("12/02/2026");
    await page.getByTestId("date-problem").waitFor();
    expect(await page.getByTestId("run-check").isDisabled()).toBe(true);
    await page.getByTestId("check-date").fill("01.01.2026");
    await page.getByTestId("run-check").click();
    await page.getByTestId("check-summary").waitFor();
    expect(await paneText(page)).not.toMatch(ENGLISH);
    // Warnings grouped per chapter, the largest change first: kap. 3732 post 85 (seed 003 L14425: 1 151 000 → 1 992 000,
    // +841 000) before kap. 702.
    const chapters = await page.getByTestId("finding-chapter").allInnerTexts();
    expect(chapters[0]).toMatch(/^Kap\. 3732 /);
    expect(chapters.findIndex((c) => c.startsWith("Kap. 3732 "))).toBeLessThan(
      chapters.findIndex((c) => c.startsWith("Kap. 702 ")),
    );

    // A deflated figure: the years in its trace read 2025 and 2026, not «2 025».
    await page.getByTestId("tab-trace").click();
    await page.getByTestId("open-demo").click();
    await page.locator('td[data-cell="E2"]').click();
    await page.getByTestId("trace-rulefile").waitFor();
    const trace = await paneText(page);
    expect(trace).toMatch(/fra = 2025/);
    expect(trace).toMatch(/til = 2026/);
    expect(trace).not.toMatch(/\b2 02[56]\b/);
    expect(trace).toMatch(/dato \d{2}\.\d{2}\.\d{4}/);
    expect(trace).not.toMatch(ENGLISH);

    // Scenario tables fit the pane: nothing wider than its box, nothing past the window's right edge.
    await page.getByTestId("tab-scenario").click();
    await page.getByTestId("scenario-run").click();
    await page.getByTestId("scenario-params").waitFor();
    const fit = await page.evaluate(() =>
      [...document.querySelectorAll("table.compare")].map((t) => ({
        overflow: t.scrollWidth - t.clientWidth,
        right: t.getBoundingClientRect().right - window.innerWidth,
        page: document.documentElement.scrollWidth - window.innerWidth,
      })),
    );
    expect(fit.length).toBe(2);
    for (const f of fit) expect(f).toEqual({ overflow: 0, right: expect.any(Number), page: 0 });
    for (const f of fit) expect(f.right).toBeLessThanOrEqual(0);
    // Nothing in the pane (tables, the scenario picker) reaches past the window's right edge.
    const past = await page.evaluate(() =>
      [...document.querySelectorAll("main.pane *")]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.right > window.innerWidth + 1;
        })
        .map((e) => `${e.tagName}.${e.className}`.slice(0, 80)),
    );
    expect(past).toEqual([]);
    const scenario = await paneText(page);
    expect(scenario).not.toMatch(ENGLISH);
    expect(scenario).toMatch(/uten startdato|fra \d{2}\.\d{2}\.\d{4}/);
    await shot(page, `08-scenario-${width}px`);

    const problems = consoleProblems.get(page)!;
    await page.close();
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  },
);

test("Office port in Chromium against the injected fake Excel: same findings, batched syncs, writes only notes/marks and Revisjonsspor", async () => {
  const page = await openPage(
    { ...sheetInit, selected: "A1", userName: "Kari Nordmann" },
    { width: 400, height: 860 },
    { officeStub: true },
  );
  // As Office opens it: _host_Info in the URL makes the pane load office.js (here routed to the stand-in).
  await page.goto(`${server.url}/taskpane.html?_host_Info=Excel$Win32$16.01$nb-NO$$$$0`);
  await page.waitForSelector('body[data-port="office"]', { timeout: 30_000 });
  const before = await page.evaluate(() => {
    const f = (window as never as { __fakeExcel: { resetLog(): void } }).__fakeExcel;
    f.resetLog();
    return 0;
  });
  expect(before).toBe(0);
  const run = await runCheck(page);
  expect([...new Set(run.findings.map(key))].sort()).toEqual(nodeKeys);
  const afterCheck = await page.evaluate(() => {
    const s = (
      window as never as {
        __fakeExcel: {
          state: {
            syncCount: number;
            runCount: number;
            reads: unknown[];
            writes: Array<{ kind: string; sheet: string }>;
          };
        };
      }
    ).__fakeExcel.state;
    return { syncs: s.syncCount, runs: s.runCount, reads: s.reads, writes: s.writes };
  });
  timings.officeCheckSyncs = afterCheck.syncs;
  timings.officeCheckRuns = afterCheck.runs;
  // read (1 sync) + audit append (2 syncs: look up, create+write) in two Excel.run calls.
  expect(afterCheck.syncs).toBe(3);
  expect(afterCheck.writes.every((w) => w.sheet === "Revisjonsspor")).toBe(true);

  await page.getByTestId("write-marks").click();
  await page.getByTestId("notice").waitFor();
  const afterMarks = await page.evaluate(() => {
    const s = (
      window as never as {
        __fakeExcel: {
          state: { syncCount: number; writes: Array<{ kind: string; sheet: string }>; comments: unknown[] };
        };
      }
    ).__fakeExcel.state;
    return {
      syncs: s.syncCount,
      kinds: [...new Set(s.writes.map((w) => `${w.kind}@${w.sheet}`))],
      comments: s.comments.length,
    };
  });
  timings.officeMarkSyncs = afterMarks.syncs - afterCheck.syncs;
  expect(timings.officeMarkSyncs).toBe(3);
  expect(afterMarks.kinds.sort()).toEqual(
    [
      "addSheet@Revisjonsspor",
      "comment@" + sheetInit.sheets[0].name,
      "fill@" + sheetInit.sheets[0].name,
      "values@Revisjonsspor",
    ].sort(),
  );
  await shot(page, "07-office-fake-findings");

  const first = page.getByTestId("finding").first();
  const cell = (await first.getAttribute("data-cell"))!;
  await first.click();
  await expect(
    page.evaluate(
      () =>
        (window as never as { __fakeExcel: { state: { selected: { address: string } } } }).__fakeExcel.state.selected
          .address,
    ),
  ).resolves.toBe(cell);

  await page.getByTestId("clear-marks").click();
  const left = await page.evaluate(
    () =>
      (window as never as { __fakeExcel: { state: { comments: unknown[]; sheets: Array<{ fills: object }> } } })
        .__fakeExcel.state,
  );
  expect(left.comments.length).toBe(0);
  expect(Object.keys(left.sheets[0].fills).length).toBe(0);
  await page.close();
  expect(outside).toEqual([]);

  // The README's screenshot is refreshed only on request, so a test run never changes tracked files.
  if (process.env.UPDATE_DOCS_SCREENSHOT === "1")
    fs.copyFileSync(path.join(ART, "04-preview-trace-deflator.png"), path.join(ROOT, "docs/taskpane.png"));
});
