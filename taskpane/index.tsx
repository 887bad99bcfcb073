/**
 * Task pane entry. Port choice at startup: Office.onReady() → host Excel → OfficePort (Excel.run);
 * otherwise (plain browser, host null, or office.js unreachable) → PreviewPort over the bundled hod-2026.xlsx.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { bundledRuleSet } from "../src/rules/bundled";
import { evaluate } from "../src/engine/evaluate";
import type { RuleSet } from "../src/engine/rule-set";
import { todayIso } from "../src/util/today";
import { App } from "./components/App";
import { OfficePort, ExcelLike } from "./office-port";
import { parseWorkbook, PreviewPort, PreviewSheet } from "./preview-port";
import type { WorkbookPort } from "./workbook-port";

declare global {
  interface Window {
    Office?: typeof Office;
    Excel?: ExcelLike;
    __fakeUserName?: string | null;
  }
}

async function officeHost(): Promise<string | null> {
  const office = window.Office;
  if (!office || typeof office.onReady !== "function") return null;
  // If office.js cannot reach its host, onReady may never resolve: give up after 3 s.
  const info = await Promise.race([office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
  return info && info.host ? String(info.host) : null;
}

/** Preview only: «Deflatert (demo)», the sykehus posts' Saldert 2025 deflated to 2026 with =BUDSJETT.DEFLATER. */
export function deflatedDemo(set: RuleSet, sheet: PreviewSheet): PreviewSheet | null {
  if (!set.files.has("deflator")) return null;
  const header = sheet.values[0] ?? [];
  const col = (re: RegExp) => header.findIndex((h) => re.test(String(h ?? "")));
  const kap = col(/^kap/i),
    post = col(/^post/i),
    bet = col(/^betegn/i),
    sal = col(/saldert/i);
  if ([kap, post, bet, sal].some((c) => c < 0)) return null;
  const values: unknown[][] = [
    ["Kap.", "Post", "Betegnelse", "Saldert budsjett 2025", "Deflatert til 2026-kroner (sykehus)"],
  ];
  const formulas: (string | null)[][] = [[null, null, null, null, null]];
  for (const row of sheet.values.slice(1)) {
    if (Number(row[kap]) !== 732 || typeof row[post] !== "number" || typeof row[sal] !== "number") continue;
    const out = evaluate(set, "deflator", {
      facts: { belop: row[sal] as number, fra: 2025, til: 2026, serie: "sykehus" },
      date: todayIso(),
    });
    const v = out.ok && !Array.isArray(out.value.result) ? Number(out.value.result.belop) : null;
    values.push([row[kap], row[post], row[bet], row[sal], v]);
    formulas.push([null, null, null, null, `=BUDSJETT.DEFLATER(${row[sal]};2025;2026;"sykehus")`]);
  }
  return { name: "Deflatert (demo)", values, formulas, fills: {}, notes: {}, demo: true };
}

async function loadPreview(set: RuleSet, data: ArrayBuffer): Promise<PreviewSheet[]> {
  const sheets = await parseWorkbook(data);
  const demo = sheets[0] ? deflatedDemo(set, sheets[0]) : null;
  return demo ? [...sheets, demo] : sheets;
}

function Fatal({ message }: { message: string }) {
  return (
    <div role="alert" style={{ padding: 16, fontFamily: "Segoe UI, sans-serif" }}>
      <h1>Budsjettregler</h1>
      <p>{message}</p>
    </div>
  );
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  const render = (node: React.ReactNode) => root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
  render(<p style={{ padding: 16 }}>Laster …</p>);
  let set: RuleSet;
  try {
    set = bundledRuleSet();
  } catch (e) {
    render(<Fatal message={`Regelfilene kunne ikke lastes: ${(e as Error).message}`} />);
    return;
  }
  const host = await officeHost();
  let port: WorkbookPort;
  let onDropFile: ((f: File) => void) | undefined;
  if (host === "Excel" && window.Excel) {
    port = new OfficePort(window.Excel, () => window.__fakeUserName ?? null);
  } else {
    const t0 = performance.now();
    try {
      const res = await fetch("hod-2026.xlsx");
      if (!res.ok) throw new Error(`hod-2026.xlsx svarte ${res.status}`);
      const preview = new PreviewPort(await loadPreview(set, await res.arrayBuffer()));
      port = preview;
      onDropFile = (f) =>
        void f
          .arrayBuffer()
          .then((b) => loadPreview(set, b))
          .then((s) => preview.replaceSheets(s))
          .catch((e) => alert(`Kunne ikke lese filen: ${(e as Error).message}`));
    } catch (e) {
      render(
        <Fatal
          message={`Eksempelarbeidsboken kunne ikke lastes: ${(e as Error).message}. Slipp en .xlsx-fil her, eller åpne tillegget i Excel.`}
        />,
      );
      return;
    }
    (window as unknown as { __pane: Record<string, unknown> }).__pane = { loadMs: performance.now() - t0 };
  }
  (window as unknown as { __pane: Record<string, unknown> }).__pane = {
    ...((window as unknown as { __pane?: object }).__pane ?? {}),
    port: port.kind,
    ready: true,
  };
  document.body.dataset.port = port.kind;
  render(<App port={port} set={set} onDropFile={onDropFile} />);
}

void start();
