/**
 * Chooses one reading per row so that the rows add up to the printed total in every column.
 * Counts all consistent choices: the seed is only "proved" when the consistent choice is unique
 * (or unique among the readings that put the fewest digits into names).
 */

export type Vec = (number | null)[];

export interface Choice<T> {
  values: Vec;
  /** Penalty (digits read as part of a name); the cheapest consistent choice wins. */
  cost: number;
  data: T;
}

export interface Solution<R, S> {
  rows: R[];
  total: S;
  totalValues: Vec;
  /** Number of consistent combinations found (1 = unambiguous). */
  consistent: number;
  /** Number of consistent combinations at the lowest cost (must be 1). */
  cheapest: number;
}

interface State {
  sum: Vec;
  count: number;
  bestCost: number;
  bestCount: number;
  /** Back pointer for the best path. */
  prev: string | null;
  choice: number;
}

function keyOf(v: Vec): string {
  return v.map((x) => (x === null ? "n" : String(x))).join("|");
}

/** null + null = null (empty column stays empty); otherwise empty cells count as 0. */
function add(a: Vec, b: Vec): Vec {
  return a.map((x, i) => (x === null && b[i] === null ? null : (x ?? 0) + (b[i] ?? 0)));
}

/** Keeps the readings that can fit under `total`: empty where the total is empty, never above it (allowing for negatives elsewhere). */
function fitting<R>(rows: Choice<R>[][], total: Vec): Choice<R>[][] {
  const minPerRow = rows.map((choices) => total.map((_, c) => Math.min(0, ...choices.map((ch) => ch.values[c] ?? 0))));
  const negAll = total.map((_, c) => minPerRow.reduce((a, m) => a + m[c], 0));
  return rows.map((choices, r) =>
    choices.filter((ch) =>
      ch.values.every((v, c) => {
        const t = total[c];
        if (t === null) return v === null;
        if (v === null) return true;
        return v <= t - (negAll[c] - minPerRow[r][c]);
      }),
    ),
  );
}

interface Best {
  cost: number;
  count: number;
  total: number;
  picked: number[];
}

/** DP over rows for one total; returns consistent count and the cheapest path(s). */
function solveFor<R>(
  rows: Choice<R>[][],
  total: Vec,
  zeroStart: boolean,
): { count: number; bestCost: number; bestCount: number; picked: number[] } | null {
  const width = total.length;
  const start: Vec = Array(width).fill(zeroStart ? 0 : null);
  let layer = new Map<string, State>([
    [keyOf(start), { sum: start, count: 1, bestCost: 0, bestCount: 1, prev: null, choice: -1 }],
  ]);
  const layers: Map<string, State>[] = [layer];
  // Smallest amount the remaining rows can still add, per column: prunes partial sums that already overshoot.
  const minRest: number[][] = Array.from({ length: rows.length + 1 }, () => Array(width).fill(0));
  for (let r = rows.length - 1; r >= 0; r--)
    for (let c = 0; c < width; c++)
      minRest[r][c] = minRest[r + 1][c] + Math.min(0, ...rows[r].map((ch) => ch.values[c] ?? 0));
  for (let r = 0; r < rows.length; r++) {
    const next = new Map<string, State>();
    for (const [k, st] of layer) {
      rows[r].forEach((c, ci) => {
        const sum = add(st.sum, c.values);
        if (sum.some((v, i) => v !== null && total[i] !== null && v + minRest[r + 1][i] > (total[i] as number))) return;
        const key = keyOf(sum);
        const cost = st.bestCost + c.cost;
        const cur = next.get(key);
        if (!cur) {
          next.set(key, { sum, count: st.count, bestCost: cost, bestCount: st.bestCount, prev: k, choice: ci });
          return;
        }
        cur.count += st.count;
        if (cost < cur.bestCost) Object.assign(cur, { bestCost: cost, bestCount: st.bestCount, prev: k, choice: ci });
        else if (cost === cur.bestCost) cur.bestCount += st.bestCount;
      });
    }
    if (next.size > 1_000_000) throw new Error("for mange mulige tolkninger av beløpene");
    layer = next;
    layers.push(layer);
  }
  const endKey = keyOf(total);
  const end = layer.get(endKey);
  if (!end) return null;
  const picked: number[] = [];
  let key: string | null = endKey;
  for (let i = rows.length; i > 0; i--) {
    const st = layers[i].get(key as string) as State;
    picked.unshift(st.choice);
    key = st.prev;
  }
  return { count: end.count, bestCost: end.bestCost, bestCount: end.bestCount, picked };
}

export function solveSums<R, S>(
  rows: Choice<R>[][],
  totals: Choice<S>[],
  width: number,
  opts: { emptyRowsSumToZero?: boolean } = {},
): Solution<R, S> | { error: string; consistent: number } {
  let consistent = 0;
  let best: Best | null = null;
  let bestRows: Choice<R>[][] = [];
  for (let ti = 0; ti < totals.length; ti++) {
    const t = totals[ti];
    if (t.values.length !== width) continue;
    const filtered = fitting(rows, t.values);
    if (filtered.some((f) => f.length === 0)) continue;
    let res;
    try {
      res = solveFor(filtered, t.values, opts.emptyRowsSumToZero ?? false);
    } catch (e) {
      return { error: (e as Error).message, consistent };
    }
    if (!res) continue;
    consistent += res.count;
    const cost = res.bestCost + t.cost;
    if (!best || cost < best.cost) {
      best = { cost, count: res.bestCount, total: ti, picked: res.picked };
      bestRows = filtered;
    } else if (cost === best.cost) best.count += res.bestCount;
  }
  if (!best) return { error: "ingen tolkning av beløpene summerer til totalen", consistent: 0 };
  if (best.count > 1) return { error: `${best.count} like gode tolkninger av beløpene`, consistent };
  const b = best;
  return {
    rows: b.picked.map((ci, r) => bestRows[r][ci].data),
    total: totals[b.total].data,
    totalValues: totals[b.total].values,
    consistent,
    cheapest: b.count,
  };
}
