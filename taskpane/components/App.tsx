import { bundledReference } from "../../src/budget/reference-bundled";
import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
} from "@fluentui/react-components";
import type { RuleSet } from "../../src/engine/rule-set";
import { describeRuleFiles } from "../../src/rules/describe";
import { budgetRuleFiles } from "../../src/budget/check";
import { todayIso } from "../../src/util/today";
import type { WorkbookPort, SelectedCell } from "../workbook-port";
import { PreviewPort } from "../preview-port";
import {
  auditEntry,
  AuditEntry,
  auditRow,
  brokenRuleSetMessage,
  CheckRun,
  Finding,
  parseBudsjettCall,
  runCheck,
  scenarioParameters,
  scenarioQuestions,
  SEVERITY_COLOR,
  SEVERITY_ORDER,
  traceFunctionCall,
} from "../core";
import { fromText, Key, Lang, nbDate, nbNumber, parseNbDate, translator } from "../i18n";

import { rankFindings } from "../../src/budget/rank-findings";

const DOMAIN_KEYS = new Set(["budget-post", "grant", "user-fee", "deflator"]);
import { TraceView } from "./TraceView";
import { Grid } from "./Grid";

/** The pane's tabs, in order, with the label each shows. */
const TABS = [
  ["check", "tabCheck"],
  ["trace", "tabTrace"],
  ["audit", "tabAudit"],
  ["scenario", "tabScenario"],
] as const;
type TabId = (typeof TABS)[number][0];

export interface AppProps {
  port: WorkbookPort;
  set: RuleSet;
  onDropFile?: (f: File) => void;
}

declare global {
  interface Window {
    __pane?: Record<string, unknown>;
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App({ port, set, onDropFile }: AppProps) {
  const [lang, setLang] = React.useState<Lang>("nb");
  const t = React.useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = React.useState<TabId>("check");
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [run, setRun] = React.useState<CheckRun | null>(null);
  const [audit, setAudit] = React.useState<AuditEntry[]>([]);
  const safe = (fn: () => Promise<void>) => async () => {
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setError(t("failed", { message: errText(e) }));
    }
  };
  const preview = port instanceof PreviewPort ? port : null;

  const body = (
    <main className="pane" lang={lang === "nb" ? "nb-NO" : "en"}>
      <header className="pane-head">
        <Text as="h1" size={500} weight="semibold">
          {t("title")}
        </Text>
        <Badge appearance="outline" color={port.kind === "office" ? "success" : "informative"} data-testid="port-kind">
          {port.kind === "office" ? t("office") : t("preview")}
        </Badge>
        <Button
          size="small"
          appearance="subtle"
          onClick={() => setLang(lang === "nb" ? "en" : "nb")}
          data-testid="lang"
        >
          {t("language")}
        </Button>
      </header>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small" className="tabs">
        {TABS.map(([id, label]) => (
          <Tab key={id} value={id} data-testid={`tab-${id}`}>
            {t(label)}
          </Tab>
        ))}
      </TabList>
      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div hidden={tab !== "check"}>
        <CheckTab
          port={port}
          set={set}
          t={t}
          run={run}
          safe={safe}
          setNotice={setNotice}
          onRun={async (r) => {
            setRun(r);
            const user = await port.getUserName();
            await port.appendAuditRows([auditRow(r, user)]);
            setAudit((a) => [...a, auditEntry(r, user)]);
          }}
        />
      </div>
      <div hidden={tab !== "trace"}>
        <TraceTab port={port} set={set} t={t} run={run} safe={safe} active={tab === "trace"} />
      </div>
      <div hidden={tab !== "audit"}>
        <AuditTab t={t} audit={audit} />
      </div>
      <div hidden={tab !== "scenario"}>
        <ScenarioTab set={set} t={t} />
      </div>
    </main>
  );
  if (!preview) return body;
  return (
    <div
      className="preview-layout"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer.files[0];
        if (f && onDropFile) onDropFile(f);
      }}
    >
      {body}
      <div className="preview-side">
        {onDropFile && (
          <label className="open-file">
            {t("dropHint")}{" "}
            {/* The browser's own file button says «Choose File» in an English browser: ours is labelled in the pane's language. */}
            <span className="file-button" data-testid="choose-file">
              {t("chooseFile")}
            </span>
            <input
              type="file"
              accept=".xlsx"
              data-testid="open-file"
              hidden
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) onDropFile(f);
              }}
            />
          </label>
        )}
        <Grid port={preview} />
      </div>
    </div>
  );
}

type T = ReturnType<typeof translator>;
type Safe = (fn: () => Promise<void>) => () => Promise<void>;

function CheckTab({
  port,
  set,
  t,
  run,
  safe,
  onRun,
  setNotice,
}: {
  port: WorkbookPort;
  set: RuleSet;
  t: T;
  run: CheckRun | null;
  safe: Safe;
  onRun: (r: CheckRun) => Promise<void>;
  setNotice: (s: string) => void;
}) {
  const described = React.useMemo(() => describeRuleFiles(set), [set]);
  const checkable = React.useMemo(() => new Set(budgetRuleFiles(set).map((f) => f.file.id)), [set]);
  const groups = React.useMemo(() => {
    const m = new Map<string, typeof described.ruleFiles>();
    for (const f of described.ruleFiles.filter((x) => checkable.has(x.id)))
      m.set(f.domain, [...(m.get(f.domain) ?? []), f]);
    return [...m.entries()];
  }, [described, checkable]);
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(checkable));
  const [date, setDate] = React.useState(todayIso());
  const [dateText, setDateText] = React.useState(nbDate(date));
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState(0);

  const doRun = safe(async () => {
    setBusy(true);
    setProgress(0);
    try {
      const read = await port.readActiveSheet();
      const r = await runCheck(set, read, {
        date,
        ruleFiles: [...chosen],
        reference: bundledReference(),
        onProgress: (d, n) => setProgress(n ? d / n : 1),
      });
      window.__pane = {
        ...(window.__pane ?? {}),
        lastRun: {
          ms: r.ms,
          counts: r.report.counts,
          findings: r.report.findings.map(({ cell, rule, severity, ruleFile, sheet }) => ({
            cell,
            rule,
            severity,
            ruleFile,
            sheet,
          })),
        },
      };
      await onRun(r);
    } finally {
      setBusy(false);
    }
  });
  const findings = run?.report.findings ?? [];
  const broken = React.useMemo(() => brokenRuleSetMessage(set), [set]);
  const ranked = React.useMemo(() => rankFindings(findings), [findings]);
  return (
    <section aria-label={t("tabCheck")}>
      {broken && (
        <MessageBar intent="error" data-testid="broken-rules">
          <MessageBarBody>{broken}</MessageBarBody>
        </MessageBar>
      )}
      <fieldset className="rulesets">
        <legend>{t("ruleSets")}</legend>
        {groups.map(([domain, files]) => (
          <div key={domain} className="group">
            <Text weight="semibold">{DOMAIN_KEYS.has(domain) ? t(`domain_${domain}` as Key) : domain}</Text>
            {files.map((f) => (
              <Checkbox
                key={f.id}
                checked={chosen.has(f.id)}
                data-testid={`rs-${f.id}`}
                label={`${f.id} v${f.version} – ${f.title}`}
                onChange={(_, d) =>
                  setChosen((s) => {
                    const n = new Set(s);
                    if (d.checked) n.add(f.id);
                    else n.delete(f.id);
                    return n;
                  })
                }
              />
            ))}
          </div>
        ))}
      </fieldset>
      <Field label={t("date")}>
        {/* A text field in nb-NO form: Chromium's date field follows the browser's locale (12/02/2026 in English). */}
        <Input
          value={dateText}
          placeholder="dd.mm.åååå"
          onChange={(_, d) => {
            setDateText(d.value);
            const iso = parseNbDate(d.value);
            if (iso) setDate(iso);
          }}
          data-testid="check-date"
        />
      </Field>
      {parseNbDate(dateText) === null && (
        <p className="hint" role="alert" data-testid="date-problem">
          {t("badDate")}
        </p>
      )}
      <div className="buttons">
        <Button
          appearance="primary"
          onClick={doRun}
          disabled={busy || parseNbDate(dateText) === null}
          data-testid="run-check"
        >
          {busy ? t("running") : t("run")}
        </Button>
      </div>
      {busy && <ProgressBar value={progress} thickness="large" aria-label={t("running")} />}
      {run && (
        <>
          <p data-testid="check-summary">
            {t("checkedIn", { sheet: run.sheet, range: run.range, ms: nbNumber(Math.round(run.ms)) })} ·{" "}
            {run.report.counts.error} / {run.report.counts.warning} / {run.report.counts.info}
          </p>
          <div className="buttons">
            <Button
              size="small"
              onClick={safe(async () => {
                await port.markCells(
                  run.sheet,
                  findings
                    .filter((f) => f.sheet === run.sheet)
                    .map((f) => ({
                      cell: f.cell,
                      color: SEVERITY_COLOR[f.severity],
                      note: `${f.severity === "error" ? "Feil" : f.severity === "warning" ? "Advarsel" : "Merknad"}: ${f.message} [${f.ruleFile}/${f.rule}]`,
                    })),
                );
                setNotice(t("marksWritten"));
              })}
              data-testid="write-marks"
            >
              {t("writeMarks")}
            </Button>
            <Button
              size="small"
              onClick={safe(async () => {
                await port.clearMarks(run.sheet);
                setNotice(t("marksCleared"));
              })}
              data-testid="clear-marks"
            >
              {t("clearMarks")}
            </Button>
          </div>
          {findings.length === 0 && <p>{t("noFindings")}</p>}
          {/* Errors first; warnings and info per chapter, the largest change first (as the CLI ranks them). */}
          {SEVERITY_ORDER.map((sev) => {
            const groups = ranked.filter((g) => g.severity === sev);
            const count = groups.reduce((n, g) => n + g.findings.length, 0);
            if (!count) return null;
            return (
              <section key={sev} className={`findings ${sev}`} aria-label={t(sev)}>
                <h3>
                  {t(sev)} ({count})
                </h3>
                {groups.map((g, gi) => (
                  <React.Fragment key={gi}>
                    {sev !== "error" && g.kap !== null && (
                      <h4 className="chapter" data-testid="finding-chapter">
                        Kap. {g.kap} ({g.findings.length})
                      </h4>
                    )}
                    <ul>
                      {g.findings.map((f, i) => (
                        <FindingItem key={i} f={f} onSelect={safe(() => port.selectCell(f.sheet, f.cell))} />
                      ))}
                    </ul>
                  </React.Fragment>
                ))}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

function FindingItem({ f, onSelect }: { f: Finding; onSelect: () => void }) {
  return (
    <li>
      <button
        className="finding"
        onClick={onSelect}
        data-testid="finding"
        data-cell={f.cell}
        data-rule={f.rule}
        data-severity={f.severity}
        data-rulefile={f.ruleFile}
      >
        <span className="addr" style={{ background: SEVERITY_COLOR[f.severity] }}>
          {f.cell}
        </span>
        <span className="msg">{f.message}</span>
        <span className="rule">
          {f.ruleFile}/{f.rule}
        </span>
      </button>
    </li>
  );
}

function TraceTab({
  port,
  set,
  t,
  run,
  safe,
  active,
}: {
  port: WorkbookPort;
  set: RuleSet;
  t: T;
  run: CheckRun | null;
  safe: Safe;
  active: boolean;
}) {
  const [cell, setCell] = React.useState<SelectedCell | null>(null);
  const refresh = safe(async () => setCell(await port.getSelectedCell()));
  const preview = port instanceof PreviewPort ? port : null;
  React.useEffect(() => {
    if (!active) return;
    void refresh();
    return preview ? preview.subscribe(() => void refresh()) : undefined;
  }, [active, preview]);
  const call = parseBudsjettCall(cell?.formula ?? null);
  const fnTrace = call ? traceFunctionCall(set, call) : null;
  const touching =
    cell && run ? run.report.findings.filter((f) => f.sheet === cell.sheet && f.cell === cell.address) : [];
  return (
    <section aria-label={t("tabTrace")}>
      <div className="buttons">
        <Button appearance="primary" onClick={refresh} data-testid="trace-refresh">
          {t("traceSelected")}
        </Button>
        {preview && preview.sheet("Deflatert (demo)") && (
          <Button onClick={() => preview.activate("Deflatert (demo)")} data-testid="open-demo">
            {t("openDemo")}
          </Button>
        )}
      </div>
      {preview && <p className="hint">{t("demoHint")}</p>}
      {!cell && <p>{t("noSelection")}</p>}
      {cell && (
        <div data-testid="trace-cell">
          <p>
            <strong>{t("cell")}:</strong> {cell.sheet}!{cell.address} · <strong>{t("value")}:</strong>{" "}
            {nbNumber(cell.value)}
            {cell.formula ? (
              <>
                <br />
                <strong>{t("formula")}:</strong> <code data-testid="trace-formula">{cell.formula}</code>
              </>
            ) : null}
          </p>
          {fnTrace && "error" in fnTrace && (
            <MessageBar intent="warning">
              <MessageBarBody>{fnTrace.error}</MessageBarBody>
            </MessageBar>
          )}
          {fnTrace &&
            "outcome" in fnTrace &&
            (fnTrace.outcome.ok ? (
              <>
                <p data-testid="trace-result">
                  BUDSJETT.{fnTrace.call.name} → {fnTrace.ruleId}:{" "}
                  {Object.entries(fnTrace.outcome.value.result as Record<string, unknown>)
                    .map(([k, v]) => `${k} = ${nbNumber(v)}`)
                    .join(", ")}
                </p>
                {fnTrace.outcome.value.trace && <TraceView trace={fnTrace.outcome.value.trace} t={t} />}
              </>
            ) : (
              <MessageBar intent="error">
                <MessageBarBody>{fnTrace.outcome.error.message}</MessageBarBody>
              </MessageBar>
            ))}
          {!call && (
            <>
              <h3>{t("checksOnCell")}</h3>
              {touching.length === 0 && <p>{run ? t("noChecksOnCell") : t("notTraceable")}</p>}
              {touching.map((f, i) => (
                <div key={i} className={`finding-trace ${f.severity}`}>
                  <p>
                    <Badge
                      color={f.severity === "error" ? "danger" : f.severity === "warning" ? "warning" : "informative"}
                    >
                      {t(`sev_${f.severity}`)}
                    </Badge>{" "}
                    {f.message}{" "}
                    <code>
                      {f.ruleFile}/{f.rule}
                    </code>{" "}
                    v{f.ruleFileVersion} sha256 {f.ruleFileHash.slice(0, 12)}…
                  </p>
                  {f.trace && <TraceView trace={f.trace} t={t} />}
                </div>
              ))}
              {run && (
                <p className="hint">
                  Kontrollert med: {run.report.ruleFiles.map((r) => `${r.id} v${r.version}`).join(", ")}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function AuditTab({ t, audit }: { t: T; audit: AuditEntry[] }) {
  const exportJson = () => {
    const blob = new Blob([JSON.stringify(audit, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `revisjonsspor-${new Date().toISOString().slice(0, 19).replace(/:/g, "")}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section aria-label={t("tabAudit")}>
      <p className="hint">{t("auditHelp")}</p>
      <Button onClick={exportJson} disabled={!audit.length} data-testid="export-json">
        {t("exportJson")}
      </Button>
      {!audit.length && <p>{t("noAudit")}</p>}
      <ul className="audit" data-testid="audit-list">
        {audit.map((a, i) => (
          <li key={i}>
            <strong>{nbDate(a.time)}</strong> {a.user ? `· ${a.user}` : ""} · {a.sheet} {a.range} · {t("counts")}:{" "}
            {a.counts.error} / {a.counts.warning} / {a.counts.info}
            <br />
            <small>{a.ruleFiles.map((r) => `${r.id}@${r.version} ${r.hash.slice(0, 12)}`).join(", ")}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A proposal-against-scenario table: what is compared, the proposal, the scenario `shown`, the difference. */
function CompareTable(props: { testId: string; first: string; shown: string; t: T; children: React.ReactNode }) {
  const { testId, first, shown, t, children } = props;
  return (
    <table className="compare" data-testid={testId}>
      <thead>
        <tr>
          <th>{first}</th>
          <th>{t("proposal")}</th>
          <th>{shown}</th>
          <th>{t("difference")}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function ScenarioTab({ set, t }: { set: RuleSet; t: T }) {
  const ids = [...set.scenarios.keys()];
  const [id, setId] = React.useState(ids.includes("legeforeningen-2026") ? "legeforeningen-2026" : (ids[0] ?? ""));
  const [shown, setShown] = React.useState<string | null>(null);
  const params = shown ? scenarioParameters(set, shown, "2026-08-01") : [];
  const questions = shown ? scenarioQuestions(set, shown) : [];
  const fmt = (v: unknown) => (typeof v === "boolean" ? (v ? t("yes") : t("no")) : nbNumber(v));
  return (
    <section aria-label={t("tabScenario")}>
      <Field label={t("scenario")}>
        <Select value={id} onChange={(_, d) => setId(d.value)} data-testid="scenario-select">
          {ids.map((s) => (
            <option key={s} value={s}>
              {s} – {set.scenarios.get(s)!.scenario.title}
            </option>
          ))}
        </Select>
      </Field>
      <div className="buttons">
        <Button appearance="primary" onClick={() => setShown(id)} disabled={!id} data-testid="scenario-run">
          {t("compare")}
        </Button>
      </div>
      {shown && (
        <>
          <CompareTable testId="scenario-questions" first={t("figure")} shown={shown} t={t}>
            {questions.map((q, i) => (
              <tr key={i} data-testid="scenario-row" data-label={q.label}>
                <td>
                  {q.label} ({q.output}, {nbDate(q.date)})
                </td>
                <td className="num">{q.error ? q.error : fmt(q.base)}</td>
                <td className="num">{q.error ? "" : fmt(q.scenario)}</td>
                <td className="num" data-testid="scenario-diff">
                  {q.difference !== null ? nbNumber(q.difference) : q.base !== q.scenario ? "endret" : "–"}
                </td>
              </tr>
            ))}
          </CompareTable>
          <CompareTable testId="scenario-params" first={t("parameter")} shown={shown} t={t}>
            {params.map((p, i) => (
              <tr key={i}>
                <td>
                  {p.ruleFile}.{p.parameter}
                  <br />
                  <small>{p.note}</small>
                </td>
                <td className="num">
                  {fmt(p.base)} <small>({fromText(t, p.baseFrom)})</small>
                </td>
                <td className="num">
                  {fmt(p.scenario)} <small>({fromText(t, p.scenarioFrom)})</small>
                </td>
                <td className="num">{p.difference !== null ? nbNumber(p.difference) : "–"}</td>
              </tr>
            ))}
          </CompareTable>
        </>
      )}
    </section>
  );
}
