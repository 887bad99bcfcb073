/** The Office port against the in-house fake Excel (load/sync rules enforced, syncs and writes recorded). */
import { createFakeExcel, FakeExcel } from "./fakes/fake-excel";
import { OfficePort } from "../taskpane/office-port";
import { AUDIT_HEADER, AUDIT_SHEET } from "../taskpane/workbook-port";

function fixture(): FakeExcel {
  return createFakeExcel({
    sheets: [
      {
        name: "HOD 2026",
        values: [
          [null, null, null],
          [null, "Kap.", "Post", "Forslag 2026"],
          [null, 732, 70, 100],
          [null, 732, 71, 50],
          [null, "Sum kap. 732", null, 150],
        ],
        formulas: [[], [], [], [], [null, null, null, "=SUM(D3:D4)"]],
      },
    ],
    selected: "D5",
  });
}

const port = (fake: FakeExcel) => new OfficePort(fake.Excel as never, () => "Kari");

test("the fake enforces load and sync", async () => {
  const fake = fixture();
  await expect(fake.Excel.run(async (ctx) => ctx.workbook.worksheets.getActiveWorksheet().name)).rejects.toThrow(
    /PropertyNotLoaded/,
  );
  await expect(
    fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      return ws.name;
    }),
  ).rejects.toThrow(/PropertyNotLoaded/);
});

test("readActiveSheet: one sync, reads the used range with values and formulas, anchored at A1", async () => {
  const fake = fixture();
  const p = port(fake);
  const read = await p.readActiveSheet();
  expect(fake.state.syncCount).toBe(1);
  expect(p.syncs.readActiveSheet).toBe(1);
  expect(read.sheet).toBe("HOD 2026");
  expect(read.range).toBe("B2:D5");
  expect(fake.state.reads).toEqual([{ sheet: "HOD 2026", address: "B2:D5", props: ["address", "values", "formulas"] }]);
  expect(read.values[2]).toEqual([null, 732, 70, 100]);
  expect(read.formulas[4][3]).toBe("=SUM(D3:D4)");
  expect(fake.state.writes).toEqual([]);
});

test("select and selected cell: one sync each", async () => {
  const fake = fixture();
  const p = port(fake);
  await p.selectCell("HOD 2026", "C4");
  expect(fake.state.selected).toEqual({ sheet: "HOD 2026", address: "C4" });
  const sel = await p.getSelectedCell();
  expect(sel).toEqual({ sheet: "HOD 2026", address: "C4", value: 71, formula: null });
  expect(fake.state.syncCount).toBe(2);
});

test("marks: batched (3 syncs whatever the number of cells), only fills and comments, cleared again", async () => {
  const fake = fixture();
  const p = port(fake);
  const before = fake.snapshot();
  const marks = ["D3", "D4", "D5", "C3"].map((cell) => ({ cell, color: "#FFC7CE", note: `funn i ${cell}` }));
  await p.markCells("HOD 2026", marks);
  expect(p.syncs.markCells).toBe(3);
  expect(new Set(fake.state.writes.map((w) => w.kind))).toEqual(new Set(["fill", "comment"]));
  expect(fake.state.comments.map((c) => c.cell).sort()).toEqual(["C3", "D3", "D4", "D5"]);
  expect(fake.sheet("HOD 2026")!.values).toEqual(JSON.parse(before).sheets[0].values);
  await p.clearMarks("HOD 2026");
  expect(p.syncs.clearMarks).toBe(3);
  expect(fake.snapshot()).toBe(before);
  expect(fake.state.writes.every((w) => ["fill", "comment", "fillClear", "commentDelete"].includes(w.kind))).toBe(true);
});

test("audit: creates Revisjonsspor once and only appends, in one range write per run", async () => {
  const fake = fixture();
  const p = port(fake);
  await p.appendAuditRows([
    ["2026-01-01T10:00:00Z", "Kari", "HOD 2026", "B2:D5", "2026-01-01", "", "x@1.0.0 abc", 1, 0, 0, 5],
  ]);
  expect(p.syncs.appendAuditRows).toBe(2); // look up the sheet; create + write
  await p.appendAuditRows([
    ["2026-01-01T11:00:00Z", "Kari", "HOD 2026", "B2:D5", "2026-01-01", "", "x@1.0.0 abc", 0, 0, 0, 4],
  ]);
  expect(p.syncs.appendAuditRows).toBe(3); // look up; used range; write
  const s = fake.sheet(AUDIT_SHEET)!;
  expect(s.values[0]).toEqual(AUDIT_HEADER);
  expect(s.values.length).toBe(3);
  const valueWrites = fake.state.writes.filter((w) => w.kind === "values");
  expect(valueWrites.map((w) => [w.sheet, w.address])).toEqual([
    [AUDIT_SHEET, "A1:K2"],
    [AUDIT_SHEET, "A3:K3"],
  ]);
  // Never a value written to a user sheet.
  expect(fake.state.writes.filter((w) => w.sheet !== AUDIT_SHEET).every((w) => w.kind !== "values")).toBe(true);
});

test("a mark run interrupted halfway leaves the workbook as it was", async () => {
  const fake = fixture();
  const p = port(fake);
  const before = fake.snapshot();
  // Syncs 1–2 read (fills + comments, comment locations); the write batch (sync 3) has 8 operations
  // (4 fills, 4 comments): the fake fails after 3 of them are applied.
  const realRun = fake.Excel.run.bind(fake.Excel);
  let syncs = 0;
  (fake.Excel as { run: typeof realRun }).run = (batch) =>
    realRun(async (ctx) => {
      const orig = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        syncs++;
        if (syncs === 3) fake.failAtOp(3);
        return orig();
      };
      return batch(ctx);
    });
  await expect(
    p.markCells(
      "HOD 2026",
      ["D3", "D4", "D5", "C3"].map((cell) => ({ cell, color: "#FFC7CE", note: "x" })),
    ),
  ).rejects.toThrow(/GeneralException/);
  expect(fake.state.writes.length).toBeGreaterThan(0); // something was applied before the failure …
  expect(fake.snapshot()).toBe(before); // … and undone
});

test("an audit append interrupted leaves no half run (and no empty Revisjonsspor sheet)", async () => {
  const fake = fixture();
  const p = port(fake);
  const before = fake.snapshot();
  const realRun = fake.Excel.run.bind(fake.Excel);
  let syncs = 0;
  (fake.Excel as { run: typeof realRun }).run = (batch) =>
    realRun(async (ctx) => {
      const orig = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        syncs++;
        if (syncs === 2) fake.failAtOp(1);
        return orig();
      };
      return batch(ctx);
    });
  await expect(p.appendAuditRows([["t", "", "HOD 2026", "B2:D5", "2026-01-01", "", "", 0, 0, 0, 1]])).rejects.toThrow(
    /GeneralException/,
  );
  expect(fake.snapshot()).toBe(before);
  // A later run appends the complete run.
  (fake.Excel as { run: typeof realRun }).run = realRun;
  await p.appendAuditRows([["t2", "", "HOD 2026", "B2:D5", "2026-01-01", "", "", 0, 0, 0, 1]]);
  expect(fake.sheet(AUDIT_SHEET)!.values.length).toBe(2);
});
