/**
 * YAML rule files, read as strictly as JSON ones: one document, YAML 1.2 core schema (so `ja`, `no` and
 * `2026-08-01` stay text), no anchors, aliases or tags (a rule file is data from a possibly hostile author:
 * aliases are how "billion laughs" blow up memory), duplicate keys reported with path, line and column.
 * Node-side and build-time only: the browser bundle gets the parsed result (scripts/yaml-rule-loader.js).
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { JsonParse, tooLarge } from "./json-text";

export const MAX_YAML_DEPTH = 64;

/** 1-based line and column of every offset, by binary search over the line starts (one pass over the text). */
export function positionFinder(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

type Parsed =
  | {
      ok: true;
      doc: Document;
      positions: Record<string, [number, number]>;
      duplicateKeys: Array<{ path: string; key: string; line: number; column: number }>;
    }
  | Extract<JsonParse, { ok: false }>;

/** Parses and vets a YAML rule text, keeping the Document (with comments) for `budget-rules fmt`. */
export function parseYamlDocument(text: string): Parsed {
  const large = tooLarge(text);
  if (large && !large.ok) return large;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const at = positionFinder(text);
  const tooDeep: Parsed = { ok: false, message: `strukturen er nøstet for dypt (mer enn ${MAX_YAML_DEPTH} nivåer)` };
  // The yaml parser recurses on nested flow collections: bound their depth before it sees them
  // (brackets inside quoted texts count too; 64 unclosed ones there is no rule file).
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++open > MAX_YAML_DEPTH) return tooDeep;
    } else if ((c === 93 || c === 125) && open > 0) open--;
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { schema: "core", merge: false, uniqueKeys: false, prettyErrors: false, strict: true });
  } catch (e) {
    return e instanceof RangeError ? tooDeep : { ok: false, message: `ugyldig YAML: ${(e as Error).message}` };
  }
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first && /call stack/i.test(first.message)) return tooDeep;
  if (first) {
    const message = first.message.replace(/ at line \d+, column \d+.*$/s, "").split("\n")[0];
    return { ok: false, message: `ugyldig YAML: ${message}`, ...at(first.pos[0]) };
  }
  const positions: Record<string, [number, number]> = {};
  const duplicateKeys: Array<{ path: string; key: string; line: number; column: number }> = [];
  const refuse = (message: string, offset: number | undefined): Parsed => ({ ok: false, message, ...at(offset ?? 0) });
  // Iterative walk (no recursion), depth-bounded like the JSON reader; children are pushed last-first so
  // problems are met in document order.
  const stack: Array<[Node | null, string, number]> = [[doc.contents as Node | null, "", 1]];
  while (stack.length) {
    const [node, path, depth] = stack.pop()!;
    if (!node) continue;
    if (depth > MAX_YAML_DEPTH) return tooDeep;
    if (isAlias(node))
      return refuse(`YAML-alias (*${node.source}) er ikke tillatt i regelfiler: skriv verdien ut`, node.range?.[0]);
    // The node's range starts at its value: point at the `&anker` or `!tagg` written before it.
    if (node.anchor)
      return refuse(
        `YAML-anker (&${node.anchor}) er ikke tillatt i regelfiler`,
        text.lastIndexOf(`&${node.anchor}`, node.range?.[0] ?? 0),
      );
    if (node.tag) {
      let bang = text.lastIndexOf("!", node.range?.[0] ?? 0);
      while (bang > 0 && text[bang - 1] === "!") bang--;
      return refuse(`YAML-tagg (${node.tag}) er ikke tillatt i regelfiler`, bang);
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      const children: Array<[Node | null, string, number]> = [];
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key) || key.anchor || key.tag)
          return refuse("en nøkkel må være en enkel tekst", (key as Node | null)?.range?.[0] ?? node.range?.[0]);
        const name = String(key.value);
        const child = path ? `${path}.${name}` : name;
        const pos = at(key.range?.[0] ?? 0);
        if (seen.has(name)) duplicateKeys.push({ path, key: name, ...pos });
        seen.add(name);
        positions[child] = [pos.line, pos.column];
        children.push([pair.value as Node | null, child, depth + 1]);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    } else if (isSeq(node)) {
      const children = node.items.map((item, i): [Node | null, string, number] => {
        const child = `${path}[${i}]`;
        const pos = at((item as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0);
        positions[child] = [pos.line, pos.column];
        return [item as Node | null, child, depth + 1];
      });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return { ok: true, doc, positions, duplicateKeys };
}

/** A YAML rule text as the loader wants it: the plain value, duplicate keys and where each path starts. */
export function parseYamlText(text: string): JsonParse {
  const p = parseYamlDocument(text);
  if (!p.ok) return p;
  const value = p.doc.toJS({ maxAliasCount: 0 });
  return p.duplicateKeys.length
    ? { ok: true, value, duplicateKeys: p.duplicateKeys, positions: p.positions }
    : { ok: true, value, positions: p.positions };
}
