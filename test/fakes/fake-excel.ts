/**
 * A small in-house fake of the Excel JavaScript API subset the office port uses, with Office's rules
 * enforced: reading a property that was not loaded and synced throws; queued operations run only at
 * `context.sync()`, in order; a failure injected mid-batch leaves the operations before it applied
 * (as Office does). It records sync counts, ranges read and every write.
 *
 * No imports and no Node APIs: the same file is transpiled and injected into Chromium with
 * `page.addInitScript` (see installFakeExcel, which exposes `window.__fakeExcel`).
 */

export interface FakeSheetInit {
  name: string;
  values: unknown[][];
  formulas?: (string | null)[][];
}
export interface FakeInit {
  sheets: FakeSheetInit[];
  active?: string;
  selected?: string;
  userName?: string | null;
}

export interface FakeWrite {
  kind: "fill" | "fillClear" | "comment" | "commentDelete" | "values" | "addSheet" | "deleteSheet";
  sheet: string;
  address: string;
  value?: unknown;
}
export interface FakeRead {
  sheet: string;
  address: string;
  props: string[];
}

interface SheetData {
  name: string;
  values: unknown[][];
  formulas: (string | null)[][];
  fills: Record<string, string>;
}
interface CommentData {
  id: number;
  sheet: string;
  cell: string;
  text: string;
}

export interface FakeState {
  sheets: SheetData[];
  active: string;
  selected: { sheet: string; address: string };
  comments: CommentData[];
  syncCount: number;
  runCount: number;
  reads: FakeRead[];
  writes: FakeWrite[];
  /** Other operations (select, activate), for assertions. */
  actions: string[];
  /** When set, the sync that reaches operation number `failAtOp` (0-based, counted within that sync) throws before applying it. */
  failAtOp: number | null;
}

type Op = () => void;

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}
function colName(i: number): string {
  let n = i + 1,
    s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
function parseAddr(address: string): { sheet: string | null; r0: number; c0: number; r1: number; c1: number } {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang >= 0
      ? address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'")
      : null;
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const parts = ref.split(":");
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
  };
  const a = one(parts[0]);
  const b = parts[1] ? one(parts[1]) : a;
  return { sheet, r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}
function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
function a1(r0: number, c0: number, r1: number, c1: number): string {
  const s = `${colName(c0)}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? s : `${s}:${colName(c1)}${r1 + 1}`;
}
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

export function createFakeExcel(init: FakeInit) {
  const state: FakeState = {
    sheets: init.sheets.map((s) => ({
      name: s.name,
      values: s.values.map((r) => [...r]),
      formulas: (s.formulas ?? s.values.map((r) => r.map(() => null))).map((r) => [...r]),
      fills: {},
    })),
    active: init.active ?? init.sheets[0]?.name ?? "Ark1",
    selected: { sheet: init.active ?? init.sheets[0]?.name ?? "Ark1", address: init.selected ?? "A1" },
    comments: [],
    syncCount: 0,
    runCount: 0,
    reads: [],
    writes: [],
    actions: [],
    failAtOp: null,
  };
  let nextCommentId = 1;
  const sheet = (name: string): SheetData | undefined => state.sheets.find((s) => s.name === name);
  const mustSheet = (name: string): SheetData => {
    const s = sheet(name);
    if (!s) throw new Error(`ItemNotFound: worksheet «${name}» does not exist`);
    return s;
  };

  function usedBox(s: SheetData, valuesOnly: boolean): [number, number, number, number] | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    const rows = Math.max(s.values.length, s.formulas.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(s.values[r]?.length ?? 0, s.formulas[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const used =
          !isEmpty(s.values[r]?.[c]) ||
          !isEmpty(s.formulas[r]?.[c]) ||
          (!valuesOnly && s.fills[`${colName(c)}${r + 1}`] !== undefined);
        if (used) {
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        }
      }
    }
    return r1 < 0 ? null : [r0, c0, r1, c1];
  }

  class Context {
    ops: Op[] = [];
    loads: Array<() => void> = [];
    workbook: Workbook;
    constructor() {
      this.workbook = new Workbook(this);
    }
    async sync(): Promise<void> {
      state.syncCount++;
      const ops = this.ops;
      this.ops = [];
      const loads = this.loads;
      this.loads = [];
      for (let i = 0; i < ops.length; i++) {
        if (state.failAtOp !== null && i >= state.failAtOp) {
          state.failAtOp = null;
          throw new Error("GeneralException: the fake workbook failed in the middle of the batch");
        }
        ops[i]();
      }
      for (const l of loads) l();
    }
    trackedObjects = { add() {}, remove() {} };
  }

  /** Base of every proxy: `load` + the loaded-and-synced rule. */
  class Proxy {
    protected loaded: Record<string, unknown> = {};
    protected synced = false;
    constructor(protected ctx: Context) {
      ctx.loads.push(() => {
        this.synced = true;
      });
    }
    protected fetch(_props: string[]): Record<string, unknown> {
      return {};
    }
    load(props?: string | string[] | Record<string, unknown>): this {
      const list =
        typeof props === "string"
          ? props
              .split(",")
              .map((p) => p.trim())
              .filter(Boolean)
          : Array.isArray(props)
            ? props
            : props
              ? Object.keys(props)
              : [];
      if (!list.length) throw new Error("The fake refuses an empty load(): load only the properties you need");
      this.ctx.loads.push(() => {
        Object.assign(this.loaded, this.fetch(list));
      });
      return this;
    }
    protected get<T>(name: string): T {
      if (!(name in this.loaded))
        throw new Error(
          `PropertyNotLoaded: the property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        );
      return this.loaded[name] as T;
    }
    get isNullObject(): boolean {
      if (!this.synced) throw new Error("PropertyNotLoaded: 'isNullObject' is available only after context.sync()");
      return this.isNull();
    }
    protected isNull(): boolean {
      return false;
    }
  }

  type Locator = () => { sheet: string; box: [number, number, number, number] } | null;

  class RangeFill {
    constructor(private range: Range) {}
    private loadedColor: string | null | undefined = undefined;
    load(props: string | string[]): this {
      const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : props;
      if (!list.includes("color")) throw new Error("fake: only fill.color can be loaded");
      this.range.ctxRef().loads.push(() => {
        const at = this.range.locate();
        const s = mustSheet(at.sheet);
        this.loadedColor = s.fills[`${colName(at.box[1])}${at.box[0] + 1}`] ?? "#FFFFFF";
        state.reads.push({ sheet: at.sheet, address: a1(...at.box), props: ["format/fill/color"] });
      });
      return this;
    }
    get color(): string {
      if (this.loadedColor === undefined)
        throw new Error("PropertyNotLoaded: the property 'color' is not available; load it and sync first");
      return this.loadedColor as string;
    }
    set color(v: string) {
      const range = this.range;
      range.ctxRef().ops.push(() => {
        const at = range.locate();
        const s = mustSheet(at.sheet);
        for (let r = at.box[0]; r <= at.box[2]; r++)
          for (let c = at.box[1]; c <= at.box[3]; c++) s.fills[`${colName(c)}${r + 1}`] = v;
        state.writes.push({ kind: "fill", sheet: at.sheet, address: a1(...at.box), value: v });
      });
    }
    clear(): void {
      const range = this.range;
      range.ctxRef().ops.push(() => {
        const at = range.locate();
        const s = mustSheet(at.sheet);
        for (let r = at.box[0]; r <= at.box[2]; r++)
          for (let c = at.box[1]; c <= at.box[3]; c++) delete s.fills[`${colName(c)}${r + 1}`];
        state.writes.push({ kind: "fillClear", sheet: at.sheet, address: a1(...at.box) });
      });
    }
  }

  class Range extends Proxy {
    format: { fill: RangeFill };
    private resolved: ReturnType<Locator> | undefined;
    constructor(
      ctx: Context,
      private locator: Locator,
    ) {
      super(ctx);
      this.format = { fill: new RangeFill(this) };
    }
    ctxRef(): Context {
      return this.ctx;
    }
    locate(): { sheet: string; box: [number, number, number, number] } {
      const at = this.locator();
      if (!at) throw new Error("InvalidObjectPath: the range is a null object");
      return at;
    }
    protected override isNull(): boolean {
      return this.locator() === null;
    }
    protected override fetch(props: string[]): Record<string, unknown> {
      const at = this.locator();
      if (!at) return {};
      const s = mustSheet(at.sheet);
      const [r0, c0, r1, c1] = at.box;
      state.reads.push({ sheet: at.sheet, address: a1(r0, c0, r1, c1), props: [...props] });
      const out: Record<string, unknown> = {};
      const grid = (g: unknown[][], dflt: (v: unknown, r: number, c: number) => unknown) => {
        const rows: unknown[][] = [];
        for (let r = r0; r <= r1; r++) {
          const line: unknown[] = [];
          for (let c = c0; c <= c1; c++) line.push(dflt(g[r]?.[c], r, c));
          rows.push(line);
        }
        return rows;
      };
      for (const p of props) {
        if (p === "values") out.values = grid(s.values, (v) => (isEmpty(v) ? "" : v));
        else if (p === "formulas")
          out.formulas = grid(s.formulas, (f, r, c) => f ?? (isEmpty(s.values[r]?.[c]) ? "" : s.values[r][c]));
        else if (p === "address") out.address = `${quote(at.sheet)}!${a1(r0, c0, r1, c1)}`;
        else if (p === "rowIndex") out.rowIndex = r0;
        else if (p === "rowCount") out.rowCount = r1 - r0 + 1;
        else if (p === "columnIndex") out.columnIndex = c0;
        else if (p === "columnCount") out.columnCount = c1 - c0 + 1;
        else throw new Error(`fake: range property '${p}' is not modelled`);
      }
      return out;
    }
    get values(): unknown[][] {
      return this.get("values");
    }
    set values(v: unknown[][]) {
      this.ctx.ops.push(() => {
        const at = this.locate();
        const s = mustSheet(at.sheet);
        const [r0, c0, r1, c1] = at.box;
        if (v.length !== r1 - r0 + 1 || v.some((row) => row.length !== c1 - c0 + 1))
          throw new Error(
            "InvalidArgument: the number of rows or columns in the input array doesn't match the size of the range",
          );
        for (let r = r0; r <= r1; r++) {
          while (s.values.length <= r) s.values.push([]);
          while (s.formulas.length <= r) s.formulas.push([]);
          for (let c = c0; c <= c1; c++) {
            s.values[r][c] = v[r - r0][c - c0];
            s.formulas[r][c] = null;
          }
        }
        state.writes.push({
          kind: "values",
          sheet: at.sheet,
          address: a1(r0, c0, r1, c1),
          value: v.map((row) => [...row]),
        });
      });
    }
    get formulas(): unknown[][] {
      return this.get("formulas");
    }
    get address(): string {
      return this.get("address");
    }
    get rowIndex(): number {
      return this.get("rowIndex");
    }
    get rowCount(): number {
      return this.get("rowCount");
    }
    get columnIndex(): number {
      return this.get("columnIndex");
    }
    getCell(row: number, col: number): Range {
      return new Range(this.ctx, () => {
        const at = this.locator();
        if (!at) return null;
        return { sheet: at.sheet, box: [at.box[0] + row, at.box[1] + col, at.box[0] + row, at.box[1] + col] };
      });
    }
    select(): void {
      this.ctx.ops.push(() => {
        const at = this.locate();
        state.selected = { sheet: at.sheet, address: a1(...at.box) };
        state.active = at.sheet;
        state.actions.push(`select ${at.sheet}!${a1(...at.box)}`);
      });
    }
  }

  class Worksheet extends Proxy {
    constructor(
      ctx: Context,
      private nameOf: () => string | null,
    ) {
      super(ctx);
    }
    protected override isNull(): boolean {
      const n = this.nameOf();
      return n === null || !sheet(n);
    }
    private must(): string {
      const n = this.nameOf();
      if (n === null || !sheet(n)) throw new Error(`ItemNotFound: worksheet ${n} not found`);
      return n;
    }
    protected override fetch(props: string[]): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (p === "isNullObject") continue;
        if (p !== "name") throw new Error(`fake: worksheet property '${p}' is not modelled`);
        const n = this.nameOf();
        if (n !== null && sheet(n)) out.name = n;
      }
      return out;
    }
    get name(): string {
      return this.get("name");
    }
    getRange(address: string): Range {
      return new Range(this.ctx, () => {
        const n = this.must();
        const p = parseAddr(address);
        return { sheet: n, box: [p.r0, p.c0, p.r1, p.c1] };
      });
    }
    getUsedRange(valuesOnly?: boolean): Range {
      return new Range(this.ctx, () => {
        const n = this.must();
        const b = usedBox(mustSheet(n), !!valuesOnly);
        return { sheet: n, box: b ?? [0, 0, 0, 0] };
      });
    }
    getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
      return new Range(this.ctx, () => {
        const n = this.nameOf();
        if (n === null || !sheet(n)) return null;
        const b = usedBox(mustSheet(n), !!valuesOnly);
        return b ? { sheet: n, box: b } : null;
      });
    }
    activate(): void {
      this.ctx.ops.push(() => {
        state.active = this.must();
        state.actions.push(`activate ${state.active}`);
      });
    }
    delete(): void {
      this.ctx.ops.push(() => {
        const n = this.must();
        state.sheets = state.sheets.filter((s) => s.name !== n);
        state.comments = state.comments.filter((c) => c.sheet !== n);
        state.writes.push({ kind: "deleteSheet", sheet: n, address: "" });
      });
    }
  }

  class Comment extends Proxy {
    constructor(
      ctx: Context,
      private data: CommentData,
    ) {
      super(ctx);
    }
    getLocation(): Range {
      const d = this.data;
      return new Range(this.ctx, () => {
        const p = parseAddr(d.cell);
        return { sheet: d.sheet, box: [p.r0, p.c0, p.r0, p.c0] };
      });
    }
    delete(): void {
      this.ctx.ops.push(() => {
        const i = state.comments.findIndex((c) => c.id === this.data.id);
        if (i < 0) throw new Error("ItemNotFound: the comment no longer exists");
        state.comments.splice(i, 1);
        state.writes.push({ kind: "commentDelete", sheet: this.data.sheet, address: this.data.cell });
      });
    }
  }

  class CommentCollection extends Proxy {
    private snapshot: Comment[] | undefined;
    override load(props?: string | string[]): this {
      const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : (props ?? []);
      if (!list.includes("items")) throw new Error("fake: load('items') on the comment collection");
      this.ctx.loads.push(() => {
        this.snapshot = state.comments.map((c) => new Comment(this.ctx, c));
      });
      return this;
    }
    get items(): Comment[] {
      if (!this.snapshot)
        throw new Error("PropertyNotLoaded: the property 'items' is not available; load it and sync first");
      return this.snapshot;
    }
    add(cellAddress: string, content: string): Comment {
      const data: CommentData = { id: 0, sheet: "", cell: "", text: content };
      this.ctx.ops.push(() => {
        const p = parseAddr(cellAddress);
        const sh = p.sheet ?? state.active;
        mustSheet(sh);
        const cell = `${colName(p.c0)}${p.r0 + 1}`;
        if (state.comments.some((c) => c.sheet === sh && c.cell === cell))
          throw new Error(`InvalidArgument: the cell ${cell} already has a comment`);
        Object.assign(data, { id: nextCommentId++, sheet: sh, cell });
        state.comments.push(data);
        state.writes.push({ kind: "comment", sheet: sh, address: cell, value: content });
      });
      return new Comment(this.ctx, data);
    }
  }

  class WorksheetCollection {
    constructor(private ctx: Context) {}
    getActiveWorksheet(): Worksheet {
      const n = state.active;
      return new Worksheet(this.ctx, () => n);
    }
    getItem(name: string): Worksheet {
      return new Worksheet(this.ctx, () => {
        if (!sheet(name)) throw new Error(`ItemNotFound: worksheet «${name}» does not exist`);
        return name;
      });
    }
    getItemOrNullObject(name: string): Worksheet {
      return new Worksheet(this.ctx, () => (sheet(name) ? name : null));
    }
    add(name: string): Worksheet {
      this.ctx.ops.push(() => {
        if (sheet(name)) throw new Error(`ItemAlreadyExists: a worksheet named «${name}» exists`);
        state.sheets.push({ name, values: [], formulas: [], fills: {} });
        state.writes.push({ kind: "addSheet", sheet: name, address: "" });
      });
      return new Worksheet(this.ctx, () => name);
    }
  }

  class Workbook {
    worksheets: WorksheetCollection;
    comments: CommentCollection;
    constructor(private ctx: Context) {
      this.worksheets = new WorksheetCollection(ctx);
      this.comments = new CommentCollection(ctx);
    }
    getSelectedRange(): Range {
      const sel = { ...state.selected };
      return new Range(this.ctx, () => {
        const p = parseAddr(sel.address);
        return { sheet: sel.sheet, box: [p.r0, p.c0, p.r1, p.c1] };
      });
    }
  }

  const Excel = {
    async run<T>(batch: (context: Context) => Promise<T>): Promise<T> {
      state.runCount++;
      return batch(new Context());
    },
  };

  /** Helpers for tests. */
  const api = {
    state,
    Excel,
    sheet: (name: string) => sheet(name),
    /** Values of a sheet as a plain grid (for comparing before/after). */
    snapshot(): string {
      return JSON.stringify({
        sheets: state.sheets,
        comments: state.comments.map(({ sheet: s, cell, text }) => ({ sheet: s, cell, text })),
      });
    },
    select(sheetName: string, address: string) {
      state.selected = { sheet: sheetName, address };
      state.active = sheetName;
    },
    failAtOp(n: number | null) {
      state.failAtOp = n;
    },
    resetLog() {
      state.syncCount = 0;
      state.runCount = 0;
      state.reads = [];
      state.writes = [];
      state.actions = [];
    },
  };
  return api;
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;

/** In a browser: window.Excel / window.Office as an Excel host would give them, and window.__fakeExcel for assertions. */
export function installFakeExcel(win: Record<string, unknown>, init: FakeInit): FakeExcel {
  const fake = createFakeExcel(init);
  win.Excel = fake.Excel;
  win.Office = {
    HostType: { Excel: "Excel" },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "PC" };
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    context: { displayLanguage: "nb-NO" },
    __fake: true,
  };
  win.CustomFunctions = { associate() {}, Error: class extends Error {}, ErrorCode: {} };
  win.__fakeExcel = fake;
  win.__fakeUserName = init.userName ?? null;
  return fake;
}
