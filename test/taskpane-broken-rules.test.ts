/**
 * Issue 12.2 in the task pane: a rule set that does not load whole is an error naming the file's path,
 * never a result that could look clean. Through the Office port on the fake Excel, as the pane runs it.
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/components/App";
import { createFakeExcel } from "./fakes/fake-excel";
import { OfficePort } from "../taskpane/office-port";
import { brokenRuleSetMessage, runCheck } from "../taskpane/core";
import { readRuleTexts } from "../src/rules/load-folder";
import { ruleSource } from "../src/rules/rule-source";
import { loadRuleSet } from "../src/rules/loader";

const sheet = () =>
  createFakeExcel({
    sheets: [
      {
        name: "HOD 2026",
        values: [
          ["Kap.", "Post", "Betegnelse", "Forslag 2026"],
          [732, 70, "Særskilte tilskudd", 100],
          ["Sum kap. 732", null, null, 100],
        ],
        formulas: [],
      },
    ],
    selected: "D2",
  });

const texts = readRuleTexts("rules");
const truncated = texts.map((t) =>
  /budget-posts\/postkontroll\.(json|ya?ml)$/.test(t.path)
    ? ruleSource(t.path, `${t.text.slice(0, 2000)}\n}{ ugyldig\n`)
    : t,
);

test("the bundled-shape rule set loads whole: no banner", () => {
  expect(brokenRuleSetMessage(loadRuleSet(texts))).toBeNull();
});

test("a truncated postkontroll.json: the check is an error naming the path, not a result", async () => {
  const set = loadRuleSet(truncated);
  expect(brokenRuleSetMessage(set)).toMatch(
    /^Regelsettet lastes ikke helt.*rules\/budget-posts\/postkontroll\.(json|ya?ml)(:\d+:\d+)?: /,
  );
  const read = await new OfficePort(sheet().Excel as never, () => "Kari").readActiveSheet();
  await expect(runCheck(set, read, { date: "2026-01-01" })).rejects.toThrow(
    /rules\/budget-posts\/postkontroll\.(json|ya?ml)/,
  );
});

test("the pane renders that message as an error banner (server-rendered App, as the browser first paints it)", () => {
  const set = loadRuleSet(truncated);
  const port = new OfficePort(sheet().Excel as never, () => "Kari");
  const html = renderToStaticMarkup(
    React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(App, { port, set })),
  );
  const banner =
    /<div[^>]*data-testid="broken-rules"[^>]*class="fui-MessageBar[\s\S]*?<div class="fui-MessageBarBody[^"]*">([^<]*)<\/div>/.exec(
      html,
    );
  expect(banner?.[1]).toMatch(
    /^Regelsettet lastes ikke helt.*rules\/budget-posts\/postkontroll\.(json|ya?ml)(:\d+:\d+)?: /,
  );
  const whole = renderToStaticMarkup(
    React.createElement(
      FluentProvider,
      { theme: webLightTheme },
      React.createElement(App, { port, set: loadRuleSet(texts) }),
    ),
  );
  expect(whole).not.toMatch(/broken-rules/);
});
