import * as React from "react";
import type { PreviewPort } from "../preview-port";
import { columnName, parseRangeAddress } from "../workbook-port";
import { nbNumber } from "../i18n";

/** The preview's sheet view: tabs per sheet, an HTML table, the selected cell highlighted and scrolled into view. */
export function Grid({ port }: { port: PreviewPort }) {
  const [, force] = React.useReducer((x: number) => x + 1, 0);
  React.useEffect(() => port.subscribe(force), [port]);
  const { active, selected } = port.state;
  const sheet = port.sheet(active);
  const sel = selected.sheet === active ? parseRangeAddress(selected.address) : null;
  const tableRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!sel) return;
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${columnName(sel.col)}${sel.row + 1}"]`);
    const box = tableRef.current;
    if (!el || !box) return;
    // Scroll the grid's own box only: scrollIntoView would also scroll the page and open the pane past its title.
    const b = box.getBoundingClientRect();
    const e = el.getBoundingClientRect();
    box.scrollTop += e.top - b.top - (box.clientHeight - e.height) / 2;
    if (e.left < b.left || e.right > b.right) box.scrollLeft += e.left - b.left - (box.clientWidth - e.width) / 2;
  });
  if (!sheet) return null;
  const cols = Math.max(0, ...sheet.values.map((r) => r.length));
  return (
    <section className="grid-wrap" aria-label="Arbeidsbok">
      <div className="sheet-tabs" role="tablist">
        {port.state.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === active}
            className={s.name === active ? "active" : ""}
            onClick={() => port.activate(s.name)}
            data-testid={`sheet-tab-${s.name}`}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid-scroll" ref={tableRef} data-testid="grid">
        <table className="grid">
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c}>{columnName(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.values.map((row, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const addr = `${columnName(c)}${r + 1}`;
                  const v = row[c];
                  const isSel = sel !== null && sel.row === r && sel.col === c;
                  const note = sheet.notes[addr];
                  return (
                    <td
                      key={c}
                      data-cell={addr}
                      className={`${typeof v === "number" ? "num" : ""}${isSel ? " selected" : ""}${note ? " has-note" : ""}`}
                      style={sheet.fills[addr] ? { background: sheet.fills[addr] } : undefined}
                      title={note ?? sheet.formulas[r]?.[c] ?? undefined}
                      aria-selected={isSel}
                      onClick={() => port.userSelect(active, addr)}
                    >
                      {typeof v === "number"
                        ? nbNumber(v)
                        : v instanceof Date
                          ? v.toISOString().slice(0, 10)
                          : v === null || v === undefined
                            ? ""
                            : String(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
